// The EXIF orientation of a JPEG (sdk/document.hpp). The bytes come from outside (a phone, a
// mail attachment): every length and offset is checked against the end before it is read, and
// anything unexpected means "no orientation" (1), never a read past the buffer.
#include <algorithm>
#include <iterator>
#include <wasshoi/sdk/document.hpp>

namespace wasshoi::sdk {

namespace {

struct Bytes {
  const std::uint8_t* data;
  std::size_t size;
  bool has(std::size_t at, std::size_t n) const { return at <= size && n <= size - at; }
  unsigned be16(std::size_t at) const { return static_cast<unsigned>(data[at]) << 8 | data[at + 1]; }
};

// The orientation tag (0x0112) of the TIFF structure inside an Exif segment; 1 when absent.
int tiff_orientation(const Bytes& tiff) {
  if (!tiff.has(0, 8)) return 1;
  bool little;
  if (tiff.data[0] == 'I' && tiff.data[1] == 'I')
    little = true;
  else if (tiff.data[0] == 'M' && tiff.data[1] == 'M')
    little = false;
  else
    return 1;
  auto u16 = [&](std::size_t at) -> unsigned {
    return little ? (tiff.data[at] | static_cast<unsigned>(tiff.data[at + 1]) << 8) : tiff.be16(at);
  };
  auto u32 = [&](std::size_t at) -> std::uint32_t {
    return little ? (static_cast<std::uint32_t>(u16(at + 2)) << 16 | u16(at))
                  : (static_cast<std::uint32_t>(u16(at)) << 16 | u16(at + 2));
  };
  if (u16(2) != 42) return 1;
  const std::size_t ifd = u32(4);  // IFD0, from the start of the TIFF header
  if (!tiff.has(ifd, 2)) return 1;
  const unsigned entries = u16(ifd);
  for (unsigned i = 0; i < entries; ++i) {
    const std::size_t entry = ifd + 2 + 12 * static_cast<std::size_t>(i);
    if (!tiff.has(entry, 12)) return 1;
    if (u16(entry) != 0x0112) continue;
    // SHORT (type 3), one value, kept in the first two bytes of the value field.
    if (u16(entry + 2) != 3 || u32(entry + 4) != 1) return 1;
    const unsigned value = u16(entry + 8);
    return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
  }
  return 1;
}

}  // namespace

int jpeg_orientation(const std::uint8_t* data, std::size_t size) {
  const Bytes jpeg{data, size};
  if (!jpeg.has(0, 2) || data[0] != 0xFF || data[1] != 0xD8) return 1;
  std::size_t at = 2;
  // Marker segments up to the image data: FF xx, then a big-endian length counting itself.
  while (jpeg.has(at, 4)) {
    if (data[at] != 0xFF) return 1;
    const std::uint8_t marker = data[at + 1];
    if (marker == 0xFF) {  // fill byte before a marker
      ++at;
      continue;
    }
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
      at += 2;
      continue;
    }
    if (marker == 0xDA || marker == 0xD9) return 1;  // image data or the end: no Exif before it
    const std::size_t length = jpeg.be16(at + 2);
    if (length < 2 || !jpeg.has(at + 2, length)) return 1;
    const std::size_t body = at + 4, body_size = length - 2;
    static const std::uint8_t kExif[] = {'E', 'x', 'i', 'f', 0, 0};
    if (marker == 0xE1 && body_size >= sizeof kExif &&
        std::equal(std::begin(kExif), std::end(kExif), data + body))
      return tiff_orientation(Bytes{data + body + sizeof kExif, body_size - sizeof kExif});
    at += 2 + length;
  }
  return 1;
}

}  // namespace wasshoi::sdk
