// Dates and times as typed (西暦, 和暦, full-width): never crash; what parses is a valid date.
#include <cstdint>
#include <cstdlib>
#include <wasshoi/sdk/text.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!wasshoi::sdk::is_valid_utf8(text)) return 0;
  if (auto d = wasshoi::sdk::parse_date(text)) {
    if (!d->valid()) std::abort();
    if (wasshoi::sdk::parse_date(d->iso()) != d) std::abort();
    if (d->year >= 1873 && wasshoi::sdk::parse_date(wasshoi::sdk::format_wareki(*d)) != d) std::abort();
  }
  if (auto t = wasshoi::sdk::parse_datetime(text))
    if (!t->valid()) std::abort();
  (void)wasshoi::sdk::parse_time_of_day(text);
  return 0;
}
