#pragma once
// The issues plugin's tables (all prefixed issues_). Migrations are never edited once shipped.
#include <wasshoi/sdk/migrations.hpp>

#include <vector>

namespace wasshoi::issues {

std::vector<sdk::Migration> migrations();

}  // namespace wasshoi::issues
