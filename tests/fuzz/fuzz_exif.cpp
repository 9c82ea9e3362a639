// The EXIF orientation of a phone photo (sdk::jpeg_orientation) on arbitrary bytes: never reads
// outside them and always answers one of the eight orientations.
#include <cstdint>
#include <cstdlib>
#include <wasshoi/sdk/document.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const int o = wasshoi::sdk::jpeg_orientation(data, size);
  if (o < 1 || o > 8) std::abort();
  return 0;
}
