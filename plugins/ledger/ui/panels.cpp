#include "ui/panels.hpp"

namespace wasshoi::ledger {

void register_panels(sdk::Registry&) {}

}  // namespace wasshoi::ledger
