#pragma once
#include "session.hpp"

namespace CLI {
class App;
}

namespace wasshoi::cli {
void add_org_commands(CLI::App& root, Session& s);
void add_system_commands(CLI::App& root, Session& s, GlobalOptions& opts);
}  // namespace wasshoi::cli
