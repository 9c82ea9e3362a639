#pragma once
#include <vector>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::kairanban {

// The plugin's tables, prefixed with its id. A shipped migration is never edited: add the next.
std::vector<sdk::Migration> migrations();

}  // namespace wasshoi::kairanban
