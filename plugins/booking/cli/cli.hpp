#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::booking {

// `wasshoi-cli booking …`
void register_cli(sdk::Registry& registry);

}  // namespace wasshoi::booking
