#pragma once
#include "session.hpp"

namespace CLI {
class App;
}

namespace wasshoi::cli {
void add_org_commands(CLI::App& root, Session& s);
void add_system_commands(CLI::App& root, Session& s, GlobalOptions& opts);
void add_account_commands(CLI::App& root, Session& s);
// WASSHOI_PASSPHRASE, or one line of standard input (not echoed on a terminal).
}  // namespace wasshoi::cli
