#pragma once
// Where Wasshoi's files are, the same in the build tree and once installed: the programs find
// everything relative to their own location (sdk::program_dir(), i18n.hpp), never through a path
// fixed at build time, so `build/bin/wasshoi` and `/usr/bin/wasshoi` both work.
//
//   build tree                       installed (Debian package, GNUInstallDirs)
//   bin/wasshoi, bin/wasshoi-cli     /usr/bin/wasshoi, /usr/bin/wasshoi-cli
//   bin/i18n/*.json                  /usr/share/wasshoi/i18n/*.json         data_dir()
//   bin/plugins/*.so                 /usr/lib/<multiarch>/wasshoi/plugins    (host core)
//   ~/.local/share/wasshoi           the same                               user_data_dir()
#include <filesystem>

namespace wasshoi::sdk {

// The folder holding i18n/ (and any other data the programs read): the program's own folder in
// the build tree, ../share/wasshoi from it when installed.
std::filesystem::path data_dir();

// The user's own Wasshoi folder: $XDG_DATA_HOME/wasshoi, else ~/.local/share/wasshoi (the default
// database, its backups, plugins the user added). Not created here.
std::filesystem::path user_data_dir();

}  // namespace wasshoi::sdk
