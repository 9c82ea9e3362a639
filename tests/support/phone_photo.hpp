#pragma once
// A photo as a phone takes it (tests only; link PkgConfig::STB): a JPEG of 4000 × 3000 stored
// pixels with an Exif segment saying how to turn them upright. The scene, upright, is a portrait
// 3000 × 4000 with a dark band across its top quarter and light, slightly noisy sky below, so a
// page that shows it upright is dark at the top of the picture and light at the bottom.
#include <stb_image_write.h>

#include <cstdint>
#include <string>
#include <vector>

namespace wasshoi::test {

// The Exif APP1 segment with only the orientation tag (TIFF, big-endian as many phones write it).
inline std::string exif_orientation_segment(int orientation) {
  std::string tiff = std::string("MM\0*", 4) + std::string("\0\0\0\x08", 4);  // header, IFD0 at 8
  tiff += std::string("\0\x01", 2);                                           // one entry
  tiff += std::string("\x01\x12\0\x03\0\0\0\x01", 8);                         // 0x0112 SHORT ×1
  tiff += std::string(1, '\0') + std::string(1, static_cast<char>(orientation)) + std::string(2, '\0');
  tiff += std::string(4, '\0');  // no next IFD
  const std::string body = std::string("Exif\0\0", 6) + tiff;
  const std::size_t len = body.size() + 2;
  return std::string("\xFF\xE1", 2) + static_cast<char>(len >> 8) + static_cast<char>(len & 0xFF) + body;
}

// A phone's photo held upright, stored turned a quarter anticlockwise with Exif orientation 6
// ("turn a quarter clockwise to show"): the upright scene's top is the stored picture's left.
inline std::vector<std::uint8_t> phone_jpeg(int width = 4000, int height = 3000, int quality = 80) {
  std::vector<unsigned char> rgb(static_cast<std::size_t>(width) * height * 3);
  std::uint32_t seed = 12345;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      seed = seed * 1664525u + 1013904223u;
      const int noise = static_cast<int>(seed >> 28);  // 0 … 15: a little grain, as in a photo
      const bool band = x < width / 4;                 // the upright top quarter
      unsigned char* p = rgb.data() + (static_cast<std::size_t>(y) * width + x) * 3;
      p[0] = static_cast<unsigned char>(band ? 30 + noise : 200 + noise);
      p[1] = static_cast<unsigned char>(band ? 40 + noise : 215 + noise);
      p[2] = static_cast<unsigned char>(band ? 60 + noise : 235 + noise);
    }
  std::string jpeg;
  stbi_write_jpg_to_func(
      [](void* ctx, void* data, int size) {
        static_cast<std::string*>(ctx)->append(static_cast<char*>(data), size);
      },
      &jpeg, width, height, 3, rgb.data(), quality);
  // The Exif segment right after the start of image (FF D8), where phones put it.
  const std::string with_exif = jpeg.substr(0, 2) + exif_orientation_segment(6) + jpeg.substr(2);
  return {with_exif.begin(), with_exif.end()};
}

}  // namespace wasshoi::test
