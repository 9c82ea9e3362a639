// Pictures in documents: PNG through Cairo's own reader (no other image library is linked, so
// JPEG and the rest are refused with a message saying to save the picture as PNG).
#include <algorithm>
#include <cstring>
#include <wasshoi/sdk/error.hpp>

#include "document_render.hpp"

namespace wasshoi::sdk {

namespace detail {

namespace {

struct Reader {
  const std::vector<std::uint8_t>& bytes;
  std::size_t at = 0;
};

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<Reader*>(closure);
  if (r->bytes.size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, r->bytes.data() + r->at, length);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

bool starts_with(const std::vector<std::uint8_t>& bytes, std::initializer_list<std::uint8_t> magic) {
  return bytes.size() >= magic.size() && std::equal(magic.begin(), magic.end(), bytes.begin());
}

const char* format_name(const std::vector<std::uint8_t>& b) {
  if (starts_with(b, {0xFF, 0xD8, 0xFF})) return "a JPEG image";
  if (starts_with(b, {'G', 'I', 'F', '8'})) return "a GIF image";
  if (starts_with(b, {'R', 'I', 'F', 'F'})) return "a WebP image";
  if (starts_with(b, {'%', 'P', 'D', 'F'})) return "a PDF file";
  if (starts_with(b, {'B', 'M'})) return "a BMP image";
  return nullptr;
}

}  // namespace

Surface decode_png(const std::string& name, const std::vector<std::uint8_t>& bytes) {
  if (bytes.empty()) throw InputError("image " + name + ": the file is empty");
  if (!starts_with(bytes, {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
    const char* what = format_name(bytes);
    throw InputError("image " + name + ": " +
                     (what ? std::string("is ") + what : std::string("is not a PNG image")) +
                     "; only PNG can be printed (save it as PNG)");
  }
  Reader reader{bytes};
  Surface s(cairo_image_surface_create_from_png_stream(read_bytes, &reader));
  cairo_status_t status = cairo_surface_status(s.get());
  if (status != CAIRO_STATUS_SUCCESS)
    throw InputError("image " + name + ": the PNG is damaged and cannot be read (" +
                     cairo_status_to_string(status) + ")");
  if (cairo_image_surface_get_width(s.get()) <= 0 || cairo_image_surface_get_height(s.get()) <= 0)
    throw InputError("image " + name + ": the PNG has no pixels");
  return s;
}

}  // namespace detail

ImageSize check_printable_image(const std::string& name, const std::vector<std::uint8_t>& bytes) {
  detail::Surface s = detail::decode_png(name, bytes);
  return {cairo_image_surface_get_width(s.get()), cairo_image_surface_get_height(s.get())};
}

}  // namespace wasshoi::sdk
