#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::members {

// `wasshoi-cli members …`
void register_cli(sdk::Registry& registry);

}  // namespace wasshoi::members
