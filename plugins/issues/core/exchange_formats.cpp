#include "core/exchange_formats.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <random>
#include <wasshoi/sdk/error.hpp>

namespace wasshoi::issues {

std::string new_uuid() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::array<unsigned char, 16> b{};
  for (std::size_t i = 0; i < b.size(); i += 8) {
    auto v = rng();
    for (std::size_t k = 0; k < 8; ++k) b[i + k] = static_cast<unsigned char>(v >> (8 * k));
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  std::string out;
  char hex[3];
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    std::snprintf(hex, sizeof hex, "%02x", b[i]);
    out += hex;
  }
  return out;
}

bool is_uuid(std::string_view t) {
  if (t.size() != 36) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    char c = t[i];
    if (dash ? c != '-' : !std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string database_uuid(sdk::Database& db) {
  // Written once by the migration that made the table.
  return sdk::query_text(db, "SELECT value FROM issues_meta WHERE key = 'database_uuid'").value_or("unknown");
}

std::string iso_with_offset(const sdk::DateTime& t) {
  return t.iso() + ":00+09:00";
}

std::string now_iso() {
  return iso_with_offset(sdk::now_local());
}

std::optional<sdk::DateTime> parse_iso_with_offset(std::string_view text) {
  if (text.ends_with("+09:00")) text.remove_suffix(6);
  if (text.size() == 19 && text.substr(16, 3) == ":00") text.remove_suffix(3);
  if (text.size() != 16 || text[10] != 'T') return std::nullopt;
  auto t = sdk::parse_datetime(text);
  if (!t || !t->valid()) return std::nullopt;
  return t;
}

namespace {
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_value(char c) {
  auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}
}  // namespace

std::string base64_encode(const sdk::Blob& data) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < data.size(); i += 3) {
    std::uint32_t n = static_cast<std::uint32_t>(data[i]) << 16;
    if (i + 1 < data.size()) n |= static_cast<std::uint32_t>(data[i + 1]) << 8;
    if (i + 2 < data.size()) n |= data[i + 2];
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < data.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < data.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

sdk::Blob base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) throw sdk::InputError("not base64: the length is not a multiple of 4");
  sdk::Blob out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    int v[4];
    for (int k = 0; k < 4; ++k) {
      char c = text[i + static_cast<std::size_t>(k)];
      bool pad_ok = c == '=' && i + 4 == text.size() && k >= 2;
      v[k] = pad_ok ? 0 : base64_value(c);
      if (v[k] < 0)
        throw sdk::InputError("not base64: unexpected character at offset " +
                              std::to_string(i + static_cast<std::size_t>(k)));
    }
    std::uint32_t n = static_cast<std::uint32_t>(v[0] << 18 | v[1] << 12 | v[2] << 6 | v[3]);
    out.push_back(static_cast<std::uint8_t>(n >> 16));
    if (text[i + 2] != '=') out.push_back(static_cast<std::uint8_t>(n >> 8));
    if (text[i + 3] != '=') out.push_back(static_cast<std::uint8_t>(n));
  }
  return out;
}

std::string human_size(std::int64_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024)
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  else if (bytes >= 1024)
    std::snprintf(buf, sizeof buf, "%lld KB", static_cast<long long>(bytes / 1024));
  else
    std::snprintf(buf, sizeof buf, "%lld bytes", static_cast<long long>(bytes));
  return buf;
}

}  // namespace wasshoi::issues
