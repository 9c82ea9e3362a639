#pragma once
#include <wasshoi/sdk/migrations.hpp>

#include <vector>

namespace wasshoi::minutes {

// The plugin's tables (minutes_…). Shipped migrations are never edited: add a new version.
std::vector<sdk::Migration> migrations();

}  // namespace wasshoi::minutes
