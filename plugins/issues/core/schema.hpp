#pragma once
// The issues plugin's tables (all prefixed issues_). Migrations are never edited once shipped.
#include <vector>
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::issues {

std::vector<sdk::Migration> migrations();

// Whose rows each table holds: the host guards writes and lookups by id with it (docs/access.md).
std::vector<sdk::OwnedTable> owned_tables();
}  // namespace wasshoi::issues
