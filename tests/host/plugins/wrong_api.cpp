// Claims an API version this host does not speak; its factory must never run.
#include <boost/config.hpp>
#include <boost/dll/alias.hpp>
#include <cstdlib>
#include <memory>

extern "C" BOOST_SYMBOL_EXPORT int wasshoi_plugin_api_version() {
  return 999;
}
namespace factory {
std::shared_ptr<int> make() {
  std::abort();
}  // proves the host never calls it
}  // namespace factory
BOOST_DLL_ALIAS(factory::make, wasshoi_create_plugin)
