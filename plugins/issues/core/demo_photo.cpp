#include <stb/stb_image_write.h>

#include <algorithm>
#include <cmath>

#include "core/demo.hpp"

namespace wasshoi::issues {

namespace {
struct Rgb {
  std::uint8_t r, g, b;
};

Rgb from_hue(int hue, double s, double v) {
  double h = (hue % 360) / 60.0, c = v * s, x = c * (1 - std::abs(std::fmod(h, 2.0) - 1)), m = v - c;
  double r = 0, g = 0, b = 0;
  if (h < 1)
    r = c, g = x;
  else if (h < 2)
    r = x, g = c;
  else if (h < 3)
    g = c, b = x;
  else if (h < 4)
    g = x, b = c;
  else if (h < 5)
    r = x, b = c;
  else
    r = c, b = x;
  auto u8 = [m](double t) { return static_cast<std::uint8_t>(std::clamp((t + m) * 255.0, 0.0, 255.0)); };
  return {u8(r), u8(g), u8(b)};
}

void append(void* context, void* data, int size) {
  auto* out = static_cast<sdk::Blob*>(context);
  auto* bytes = static_cast<std::uint8_t*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

// Sky, a road in perspective, and a coloured marker where the problem is.
Rgb pixel(int x, int y, int w, int h, int hue, int variant) {
  int horizon = h * 2 / 5;
  if (y < horizon) return from_hue(200 + variant * 7, 0.35, 0.95 - 0.2 * y / horizon);
  double t = static_cast<double>(y - horizon) / (h - horizon);
  double half = 0.08 + 0.42 * t;
  double cx = 0.5 + 0.1 * std::sin(variant + t * 2.0);
  double u = static_cast<double>(x) / w;
  bool road = std::abs(u - cx) < half;
  bool line = road && std::abs(u - cx) < 0.01 + 0.01 * t && (y / 6) % 2 == 0;
  double mx = 0.3 + 0.1 * (variant % 5), my = 0.75;
  double d = std::hypot(u - mx, t - my + 0.15);
  if (d < 0.09) return from_hue(hue, 0.85, 0.9);
  if (line) return {240, 240, 230};
  if (road)
    return {static_cast<std::uint8_t>(110 + 30 * t), static_cast<std::uint8_t>(110 + 30 * t),
            static_cast<std::uint8_t>(115 + 30 * t)};
  return from_hue(95 + variant * 3, 0.45, 0.45 + 0.25 * t);
}
}  // namespace

sdk::Blob demo_photo(int hue, int variant, int width, int height) {
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(width * height * 3));
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      Rgb p = pixel(x, y, width, height, hue, variant);
      auto at = static_cast<std::size_t>((y * width + x) * 3);
      rgb[at] = p.r, rgb[at + 1] = p.g, rgb[at + 2] = p.b;
    }
  sdk::Blob png;
  stbi_write_png_to_func(append, &png, width, height, 3, rgb.data(), width * 3);
  return png;
}

}  // namespace wasshoi::issues
