#pragma once
#include <wasshoi/sdk/migrations.hpp>

#include <vector>

namespace wasshoi::members {

// The plugin's tables, all prefixed `members_`. Shipped migrations are never edited.
const std::vector<sdk::Migration>& migrations();

}  // namespace wasshoi::members
