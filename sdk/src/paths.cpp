#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/paths.hpp>
#include <wasshoi/sdk/platform.hpp>

// CMake computes it from GNUInstallDirs (sdk/CMakeLists.txt); the Debian layout otherwise (a build
// of these sources outside the project's CMake, such as the fuzzers').
#ifndef WASSHOI_DATA_FROM_BIN
#define WASSHOI_DATA_FROM_BIN "../share/wasshoi"
#endif

namespace wasshoi::sdk {

namespace fs = std::filesystem;

fs::path data_dir() {
  const fs::path here = program_dir();
  std::error_code ec;
  if (fs::is_directory(here / "i18n", ec)) return here;  // the build tree
  // Installed: the data folder relative to the programs' (CMake computes it from GNUInstallDirs).
  return (here / WASSHOI_DATA_FROM_BIN).lexically_normal();
}

fs::path user_data_dir() {
  return platform::user_data_home() / "wasshoi";
}

}  // namespace wasshoi::sdk
