// Encodings and folding on arbitrary bytes: decoding either succeeds or says where it failed;
// CP932 round trips what it can encode; folding is idempotent.
#include <cstdint>
#include <cstdlib>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/text.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wasshoi::sdk;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string utf8;
  try {
    utf8 = decode_to_utf8(bytes);
  } catch (const InputError&) {
    return 0;
  }
  if (!is_valid_utf8(utf8)) std::abort();
  std::string folded = fold_for_search(utf8);
  if (fold_for_search(folded) != folded) std::abort();
  if (auto cp932 = utf8_to_cp932(utf8)) {
    std::string back = cp932_to_utf8(*cp932);
    if (utf8_to_cp932(back) != cp932) std::abort();
  }
  (void)trim(utf8);
  return 0;
}
