// Pictures in documents: PNG through Cairo's own reader, JPEG (phone photos) through stb_image,
// turned upright as the EXIF orientation says. Refusals name the file in the UI's language.
#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "document_render.hpp"

namespace wasshoi::sdk {

namespace detail {

namespace {

// Beyond this a picture is not a photo but a decompression bomb: 100 million pixels (a phone
// takes 12 to 50) would already need 400 MB to print.
constexpr long long kMaxPixels = 100'000'000;

std::string say(std::string_view key, const std::string& name, const std::string& format = {}) {
  std::string text = tr(key);
  for (auto [mark, value] :
       {std::pair{std::string("{name}"), name}, std::pair{std::string("{format}"), format}})
    if (std::size_t at = text.find(mark); at != std::string::npos) text.replace(at, mark.size(), value);
  return text;
}

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

bool is_png(const std::vector<std::uint8_t>& b) {
  return starts_with(b, {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
}

const char* format_name(const std::vector<std::uint8_t>& b) {
  if (starts_with(b, {'G', 'I', 'F', '8'})) return "GIF";
  if (starts_with(b, {'R', 'I', 'F', 'F'})) return "WebP";
  if (starts_with(b, {'%', 'P', 'D', 'F'})) return "PDF";
  if (starts_with(b, {'B', 'M'})) return "BMP";
  if (b.size() >= 12 && std::memcmp(b.data() + 4, "ftypheic", 8) == 0) return "HEIC";
  return nullptr;
}

// A JPEG cut short (a broken transfer) still decodes — stb_image fills the rest with grey — so
// its end marker (FF D9) must follow the start of the image data.
bool jpeg_is_complete(const std::vector<std::uint8_t>& b) {
  static const std::uint8_t sos[] = {0xFF, 0xDA}, eoi[] = {0xFF, 0xD9};
  auto data = std::search(b.begin(), b.end(), std::begin(sos), std::end(sos));
  return data != b.end() && std::search(data, b.end(), std::begin(eoi), std::end(eoi)) != b.end();
}

Surface decode_png(const std::string& name, const std::vector<std::uint8_t>& bytes) {
  Reader reader{bytes};
  Surface s(cairo_image_surface_create_from_png_stream(read_bytes, &reader));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS || cairo_image_surface_get_width(s.get()) <= 0 ||
      cairo_image_surface_get_height(s.get()) <= 0)
    throw InputError(say("sdk.image.damaged", name));
  return s;
}

// The stored pixels of a JPEG, as stb_image decodes them (not yet turned upright).
Surface decode_jpeg_stored(const std::string& name, const std::vector<std::uint8_t>& bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) throw InputError(say("sdk.image.too_large", name));
  const int len = static_cast<int>(bytes.size());
  int w = 0, h = 0, comp = 0;
  if (!stbi_info_from_memory(bytes.data(), len, &w, &h, &comp) || w <= 0 || h <= 0 ||
      !jpeg_is_complete(bytes))
    throw InputError(say("sdk.image.damaged", name));
  if (static_cast<long long>(w) * h > kMaxPixels) throw InputError(say("sdk.image.too_large", name));
  std::unique_ptr<stbi_uc, void (*)(void*)> rgb(stbi_load_from_memory(bytes.data(), len, &w, &h, &comp, 3),
                                                stbi_image_free);
  if (!rgb) throw InputError(say("sdk.image.damaged", name));
  Surface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS)
    throw InputError(say("sdk.image.too_large", name));
  cairo_surface_flush(s.get());
  unsigned char* out = cairo_image_surface_get_data(s.get());
  const int stride = cairo_image_surface_get_stride(s.get());
  for (int y = 0; y < h; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(out + static_cast<std::ptrdiff_t>(y) * stride);
    const stbi_uc* in = rgb.get() + static_cast<std::ptrdiff_t>(y) * w * 3;
    for (int x = 0; x < w; ++x, in += 3) row[x] = 0xFF000000u | in[0] << 16 | in[1] << 8 | in[2];
  }
  cairo_surface_mark_dirty(s.get());
  return s;
}

// Where the stored pixel (x, y) of a w × h picture lands when turned upright (EXIF orientation).
cairo_matrix_t upright_matrix(int orientation, double w, double h) {
  cairo_matrix_t m;
  switch (orientation) {
    case 2:
      cairo_matrix_init(&m, -1, 0, 0, 1, w, 0);
      break;  // mirrored
    case 3:
      cairo_matrix_init(&m, -1, 0, 0, -1, w, h);
      break;  // upside down
    case 4:
      cairo_matrix_init(&m, 1, 0, 0, -1, 0, h);
      break;  // mirrored, upside down
    case 5:
      cairo_matrix_init(&m, 0, 1, 1, 0, 0, 0);
      break;  // transposed
    case 6:
      cairo_matrix_init(&m, 0, 1, -1, 0, h, 0);
      break;  // turned a quarter clockwise
    case 7:
      cairo_matrix_init(&m, 0, -1, -1, 0, h, w);
      break;  // transversed
    case 8:
      cairo_matrix_init(&m, 0, -1, 1, 0, 0, w);
      break;  // turned a quarter anticlockwise
    default:
      cairo_matrix_init_identity(&m);
      break;
  }
  return m;
}

}  // namespace

bool is_jpeg(const std::vector<std::uint8_t>& bytes) {
  return starts_with(bytes, {0xFF, 0xD8, 0xFF});
}

Surface decode_image(const std::string& name, const std::vector<std::uint8_t>& bytes) {
  if (bytes.empty()) throw InputError(say("sdk.image.empty", name));
  if (is_png(bytes)) return decode_png(name, bytes);
  if (!is_jpeg(bytes)) {
    const char* what = format_name(bytes);
    throw InputError(what ? say("sdk.image.other_format", name, what)
                          : say("sdk.image.unknown_format", name));
  }
  Surface stored = decode_jpeg_stored(name, bytes);
  const int orientation = jpeg_orientation(bytes.data(), bytes.size());
  if (orientation == 1) return stored;
  const int w = cairo_image_surface_get_width(stored.get()), h = cairo_image_surface_get_height(stored.get());
  const bool turned = orientation >= 5;
  Surface upright(cairo_image_surface_create(CAIRO_FORMAT_RGB24, turned ? h : w, turned ? w : h));
  Cairo cr(cairo_create(upright.get()));
  const cairo_matrix_t m = upright_matrix(orientation, w, h);
  cairo_set_matrix(cr.get(), &m);
  cairo_set_source_surface(cr.get(), stored.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_NEAREST);  // whole pixels: exact
  cairo_paint(cr.get());
  return upright;
}

namespace {
void free_bytes(void* data) {
  delete static_cast<std::vector<unsigned char>*>(data);
}
void append_bytes(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<unsigned char>*>(context);
  out->insert(out->end(), static_cast<unsigned char*>(data), static_cast<unsigned char*>(data) + size);
}
}  // namespace

void attach_jpeg(cairo_surface_t* surface, const std::vector<std::uint8_t>* original) {
  auto* jpeg = new std::vector<unsigned char>;
  if (original) {
    *jpeg = *original;
  } else {
    const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    cairo_surface_flush(surface);
    const unsigned char* px = cairo_image_surface_get_data(surface);
    std::vector<unsigned char> rgb(static_cast<std::size_t>(w) * h * 3);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        const std::uint32_t p =
            reinterpret_cast<const std::uint32_t*>(px + static_cast<std::ptrdiff_t>(y) * stride)[x];
        unsigned char* o = rgb.data() + (static_cast<std::size_t>(y) * w + x) * 3;
        o[0] = p >> 16 & 0xFF, o[1] = p >> 8 & 0xFF, o[2] = p & 0xFF;
      }
    if (!stbi_write_jpg_to_func(append_bytes, jpeg, w, h, 3, rgb.data(), 88)) {
      delete jpeg;
      return;  // Cairo then embeds the pixels losslessly: larger, still right
    }
  }
  if (cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, jpeg->data(), jpeg->size(), free_bytes,
                                  jpeg) != CAIRO_STATUS_SUCCESS)
    delete jpeg;
}

// Photos straight from a camera are far finer than print needs: scaled down to 200 dpi first,
// which keeps the PDF small. A JPEG stays a JPEG in the PDF (its own bytes when they can be
// used as they are, else the scaled picture encoded again), so a phone photo does not grow
// tenfold as pixels.
void paint_picture(cairo_t* cr, const Document::Image& img, double x, double y, double w, double h) {
  Surface src = decode_image(img.name, img.bytes);
  int sw = cairo_image_surface_get_width(src.get()), sh = cairo_image_surface_get_height(src.get());
  int tw = std::max(1, static_cast<int>(std::ceil(w / 72.0 * 200))),
      th = std::max(1, static_cast<int>(std::ceil(h / 72.0 * 200)));
  bool as_stored = true;  // the surface still holds the file's own pixels, unturned
  if (sw > tw * 5 / 4 && sh > th * 5 / 4) {
    Surface small(cairo_image_surface_create(cairo_image_surface_get_format(src.get()), tw, th));
    Cairo c(cairo_create(small.get()));
    cairo_scale(c.get(), static_cast<double>(tw) / sw, static_cast<double>(th) / sh);
    cairo_set_source_surface(c.get(), src.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(c.get()), CAIRO_FILTER_GOOD);
    cairo_paint(c.get());
    c.reset();
    src = std::move(small);
    sw = tw, sh = th;
    as_stored = false;
  }
  if (is_jpeg(img.bytes))
    attach_jpeg(src.get(), as_stored && jpeg_orientation(img.bytes.data(), img.bytes.size()) == 1 ? &img.bytes
                                                                                                  : nullptr);
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, w / sw, h / sh);
  cairo_set_source_surface(cr, src.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
}

}  // namespace detail

ImageSize check_printable_image(const std::string& name, const std::vector<std::uint8_t>& bytes) {
  detail::Surface s = detail::decode_image(name, bytes);
  return {cairo_image_surface_get_width(s.get()), cairo_image_surface_get_height(s.get())};
}

}  // namespace wasshoi::sdk
