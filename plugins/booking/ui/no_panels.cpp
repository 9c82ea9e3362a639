// Built when the GUI is not (no wasshoi::sdk_ui): the plugin contributes no panels.
#include "ui/panels.hpp"

namespace wasshoi::booking {

void register_panels(sdk::Registry&) {}

}  // namespace wasshoi::booking
