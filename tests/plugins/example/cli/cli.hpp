#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::kairanban {

// wasshoi-cli kairanban …
void register_cli(sdk::Registry& registry);

}  // namespace wasshoi::kairanban
