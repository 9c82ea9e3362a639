#pragma once
// The evaluation plugin's tables and whose rows they hold (docs/evaluation.md).
#include <vector>
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::evaluation {

std::vector<sdk::Migration> migrations();
std::vector<sdk::OwnedTable> owned_tables();

}  // namespace wasshoi::evaluation
