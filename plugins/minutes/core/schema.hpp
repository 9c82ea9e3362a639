#pragma once
#include <vector>
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::minutes {

// The plugin's tables (minutes_…). Shipped migrations are never edited: add a new version.
std::vector<sdk::Migration> migrations();

// Whose rows each table holds: the host guards writes and lookups by id with it (docs/access.md).
std::vector<sdk::OwnedTable> owned_tables();
}  // namespace wasshoi::minutes
