#pragma once
#include <vector>
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::booking {

// The plugin's tables (booking_…). Never edit a shipped migration: add a version.
std::vector<sdk::Migration> migrations();

// Whose rows each table holds: the host guards writes and lookups by id with it (docs/access.md).
std::vector<sdk::OwnedTable> owned_tables();
}  // namespace wasshoi::booking
