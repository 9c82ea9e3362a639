#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::minutes {

// `wasshoi-cli minutes …`
void register_cli(sdk::Registry& registry);

}  // namespace wasshoi::minutes
