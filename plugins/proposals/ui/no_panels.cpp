// A build without the GUI libraries: the plugin still serves the CLI.
#include "ui/panels.hpp"

namespace wasshoi::proposals {

void register_panels(sdk::Registry&) {}

}  // namespace wasshoi::proposals
