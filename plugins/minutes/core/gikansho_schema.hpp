#pragma once
// The 議案書's own tables (core/gikansho.hpp): the 議案 the officer ordered and typed, and the 年度
// the officer set.
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::minutes {

sdk::Migration gikansho_migration(int version);
std::vector<sdk::OwnedTable> gikansho_tables();

}  // namespace wasshoi::minutes
