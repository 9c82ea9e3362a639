#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::ledger {

// `wasshoi-cli ledger …`
void register_cli(sdk::Registry& registry);

}  // namespace wasshoi::ledger
