#include <cstdlib>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/paths.hpp>

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
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "wasshoi";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".local" / "share" / "wasshoi";
  return fs::current_path() / "wasshoi";
}

}  // namespace wasshoi::sdk
