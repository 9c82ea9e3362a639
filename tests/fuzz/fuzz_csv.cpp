// CSV as officers' files arrive: any bytes, any encoding. Must never crash, hang or leak; a bad
// file may only end in sdk::InputError.
#include <cstdint>
#include <cstdlib>
#include <wasshoi/sdk/csv.hpp>
#include <wasshoi/sdk/error.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    auto rows = wasshoi::sdk::read_csv_bytes(bytes);
    // Whatever was read must write back and read again to the same fields.
    wasshoi::sdk::CsvWriter w;
    for (const auto& r : rows) w.write_row(r.fields);
    auto again = wasshoi::sdk::read_csv_bytes(w.to_utf8_bom());
    if (again.size() != rows.size()) std::abort();
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (again[i].fields != rows[i].fields) std::abort();
  } catch (const wasshoi::sdk::InputError&) {
  }
  return 0;
}
