// A build without the GUI libraries: the plugin still serves the CLI and its service.
#include "ui/panels.hpp"

namespace wasshoi::issues {

void register_panels(sdk::Registry&) {}

}  // namespace wasshoi::issues
