#pragma once
#include <vector>
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::members {

// The plugin's tables, all prefixed `members_`. Shipped migrations are never edited.
const std::vector<sdk::Migration>& migrations();

// Whose rows each table holds: the host guards writes and lookups by id with it (docs/access.md).
std::vector<sdk::OwnedTable> owned_tables();
}  // namespace wasshoi::members
