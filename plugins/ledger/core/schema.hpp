#pragma once
// The ledger's tables (migrations, never edited once shipped) and whose rows they hold.
#include <vector>
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::ledger {

std::vector<sdk::Migration> migrations();
std::vector<sdk::OwnedTable> owned_tables();

}  // namespace wasshoi::ledger
