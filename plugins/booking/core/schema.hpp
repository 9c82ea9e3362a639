#pragma once
#include <vector>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::booking {

// The plugin's tables (booking_…). Never edit a shipped migration: add a version.
std::vector<sdk::Migration> migrations();

}  // namespace wasshoi::booking
