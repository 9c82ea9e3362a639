#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/platform.hpp>

namespace wasshoi::sdk {

namespace {

// One UTF-8 sequence at `i`: its code point and length, or nullopt for an invalid sequence
// (overlong forms, surrogates and code points beyond U+10FFFF included). On nullopt, `len` is
// how many bytes to skip: the longest prefix that could have started a valid sequence, at least 1
// (the "maximal subpart" practice of Unicode §3.9, so each bad stretch shows as one U+FFFD).
std::optional<char32_t> decode_one(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  len = 1;
  if (c < 0x80) return c;
  int n;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF)
    n = 1, cp = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF) {
    n = 2, cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 3, cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return std::nullopt;
  }
  for (int k = 1; k <= n; ++k) {
    if (i + k >= s.size()) return std::nullopt;
    const unsigned char t = b(i + k);
    if (t < (k == 1 ? lo : 0x80) || t > (k == 1 ? hi : 0xBF)) return std::nullopt;
    cp = (cp << 6) | (t & 0x3F);
    len = static_cast<std::size_t>(k) + 1;
  }
  return cp;
}

bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

// Tab, newline and the CR of a CRLF (iCalendar lines) are layout, not damage.
bool shown_as_is(char32_t cp, std::string_view text, std::size_t i) {
  return cp == U'\t' || cp == U'\n' || (cp == U'\r' && i + 1 < text.size() && text[i + 1] == '\n');
}

std::string show_code_point(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

std::string quote(std::string_view text) {
  // A refused value is shown back only when it is short and printable.
  if (text.size() > 40 || needs_marking(text)) return "the value";
  return std::string(text);
}

}  // namespace

TextLimit text_limit(TextKind kind) {
  switch (kind) {
    case TextKind::Name:
      return {100, false};
    case TextKind::Line:
      return {200, false};
    case TextKind::Address:
      return {200, false};
    case TextKind::Phone:
      return {40, false};
    case TextKind::Login:
      return {64, false};
    case TextKind::Note:
      return {20000, true};
  }
  return {200, false};
}

void check_text(TextKind kind, std::string_view field, std::string_view text) {
  const TextLimit limit = text_limit(kind);
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    auto cp = decode_one(text, i, len);
    if (!cp)
      throw InputError(std::string(field) + ": not valid UTF-8 text (byte " + std::to_string(i + 1) +
                       " cannot start or continue a character)");
    const bool allowed_control = limit.multi_line && (*cp == U'\t' || *cp == U'\n' || *cp == U'\r');
    if (is_control(*cp) && !allowed_control)
      throw InputError(std::string(field) + ": holds a control character (" + show_code_point(*cp) +
                       (*cp == U'\n' || *cp == U'\t' ? ", this field is one line" : "") + ") at character " +
                       std::to_string(chars + 1));
    ++chars;
    if (chars > limit.max_chars)
      throw InputError(std::string(field) + ": longer than " +
                       group_thousands(static_cast<std::int64_t>(limit.max_chars)) + " characters");
    i += len;
  }
}

bool needs_marking(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    auto cp = decode_one(text, i, len);
    if (!cp || (is_control(*cp) && !shown_as_is(*cp, text, i))) return true;
    i += len;
  }
  return false;
}

std::string displayable_text(std::string_view text) {
  if (!needs_marking(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    auto cp = decode_one(text, i, len);
    if (!cp || (is_control(*cp) && !shown_as_is(*cp, text, i)))
      out += "\xEF\xBF\xBD";
    else
      out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

std::string group_thousands(std::int64_t value) {
  std::string digits = std::to_string(value);
  std::string sign;
  if (!digits.empty() && digits[0] == '-') sign = "-", digits.erase(0, 1);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return sign + out;
}

void check_integer(std::string_view field, std::int64_t value, const IntRange& r) {
  const std::string unit = r.unit.empty() ? "" : " " + std::string(r.unit);
  if (value > r.max)
    throw InputError(std::string(field) + ": " + std::to_string(value) + " is more than the " +
                     std::string(r.max_word) + " of " + group_thousands(r.max) + unit);
  if (value < r.min)
    throw InputError(std::string(field) + ": " + std::to_string(value) + " is less than the minimum of " +
                     group_thousands(r.min) + unit);
}

std::int64_t parse_integer(std::string_view field, std::string_view text, const IntRange& r) {
  // Full-width digits and signs (what a Japanese IME types) are read as ASCII.
  std::string ascii;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    auto cp = decode_one(text, i, len);
    if (!cp) throw InputError(std::string(field) + ": not valid UTF-8 text, not a number");
    if (*cp >= U'０' && *cp <= U'９')
      ascii += static_cast<char>('0' + (*cp - U'０'));
    else if (*cp == U'－' || *cp == U'−')
      ascii += '-';
    else if (*cp == U'＋')
      ascii += '+';
    else if (*cp == U'，')
      ascii += ',';
    else if (*cp == U'\u3000')
      ascii += ' ';
    else if (*cp < 0x80)
      ascii += static_cast<char>(*cp);
    else
      ascii += '?';
    i += len;
  }
  const std::string t = trim(ascii);
  if (t.empty()) throw InputError(std::string(field) + ": a number is required (the text is empty)");
  std::size_t i = 0;
  bool negative = false;
  if (t[0] == '-' || t[0] == '+') negative = t[0] == '-', i = 1;
  std::string digits;
  bool grouped = false;
  for (; i < t.size(); ++i) {
    if (t[i] >= '0' && t[i] <= '9')
      digits += t[i];
    else if (t[i] == ',' && !digits.empty())
      grouped = true;
    else
      throw InputError(std::string(field) + ": " + quote(text) + " is not a whole number");
  }
  if (digits.empty() || t.back() == ',')
    throw InputError(std::string(field) + ": " + quote(text) + " is not a whole number");
  if (grouped) {  // "3,000", "1,234,567": groups of three after the first
    std::size_t pos = t.find(',');
    const std::size_t start = (t[0] == '-' || t[0] == '+') ? 1 : 0;
    bool ok = pos - start >= 1 && pos - start <= 3;
    for (; ok && pos != std::string::npos; pos = t.find(',', pos + 1)) {
      const std::size_t next = t.find(',', pos + 1);
      ok = (next == std::string::npos ? t.size() : next) - pos - 1 == 3;
    }
    if (!ok) throw InputError(std::string(field) + ": " + quote(text) + " is not a whole number");
  }
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
  const std::string unit = r.unit.empty() ? "" : " " + std::string(r.unit);
  // Read with overflow checks: a number past what 64 bits hold is out of range whatever the range
  // is, and is never converted (the old CLI clamped 99999999999999999999 to 9223372036854775807).
  unsigned long long magnitude = 0;
  bool overflow = false;
  for (char c : digits)
    overflow = overflow || __builtin_mul_overflow(magnitude, 10ull, &magnitude) ||
               __builtin_add_overflow(magnitude, static_cast<unsigned long long>(c - '0'), &magnitude);
  const unsigned long long limit = negative ? (1ull << 63) : (1ull << 63) - 1;
  if (overflow || magnitude > limit) {
    const std::string shown =
        (negative ? "-" : "") + (digits.size() > 30 ? digits.substr(0, 30) + "…" : digits);
    if (negative)
      throw InputError(std::string(field) + ": " + shown + " is less than the minimum of " +
                       group_thousands(r.min) + unit);
    throw InputError(std::string(field) + ": " + shown + " is more than the " + std::string(r.max_word) +
                     " of " + group_thousands(r.max) + unit);
  }
  const std::int64_t value =
      negative ? static_cast<std::int64_t>(0ull - magnitude) : static_cast<std::int64_t>(magnitude);
  check_integer(field, value, r);
  return value;
}

std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t out;
  if (__builtin_add_overflow(a, b, &out)) return std::nullopt;
  return out;
}

std::optional<std::int64_t> checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t out;
  if (__builtin_mul_overflow(a, b, &out)) return std::nullopt;
  return out;
}

void check_year(std::string_view field, int year, int min_year, int max_year) {
  if (year < min_year || year > max_year)
    throw InputError(std::string(field) + ": " + std::to_string(year) + " is not between " +
                     std::to_string(min_year) + " and " + std::to_string(max_year));
}

void check_date(std::string_view field, const Date& date, int min_year, int max_year) {
  if (!date.valid()) throw InputError(std::string(field) + ": not a date");
  if (date.year < min_year || date.year > max_year)
    throw InputError(std::string(field) + ": " + date.iso() + " is not between " + std::to_string(min_year) +
                     " and " + std::to_string(max_year));
}

std::size_t max_file_bytes(FileKind kind) {
  switch (kind) {
    case FileKind::Roster:
      return 64u << 20;
    case FileKind::Picture:
      return 20u << 20;
    case FileKind::Bundle:
      return 256u << 20;
  }
  return 20u << 20;
}

const char* file_kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::Roster:
      return "roster";
    case FileKind::Picture:
      return "picture";
    case FileKind::Bundle:
      return "bundle";
  }
  return "file";
}

namespace {
std::string size_text(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return group_thousands(static_cast<std::int64_t>(bytes)) + " bytes";
}
}  // namespace

namespace {
std::string read_limited(const std::filesystem::path& path, std::size_t max_bytes, std::string_view what,
                         std::string_view kind) {
  const std::string name = std::string(what) + " " + (path.empty() ? "''" : path.string());
  if (path.empty()) throw InputError(std::string(what) + ": no file given (the name is empty)");
  // Opening never waits (a FIFO without a writer); it is refused below anyway.
  platform::FileInfo info;
  std::error_code ec;
  const int fd = platform::open_for_reading(path, info, ec);
  if (fd < 0)
    throw InputError(name + (ec == std::errc::no_such_file_or_directory
                                 ? std::string(": cannot read the file: no such file")
                                 : ": cannot read the file (" + ec.message() + ")"));
  struct Closer {
    int fd;
    ~Closer() { platform::close_file(fd); }
  } closer{fd};
  if (info.type == platform::FileType::Folder) throw InputError(name + ": is a folder, not a file");
  if (info.type != platform::FileType::Regular)
    throw InputError(name + ": is not a regular file (a device, a pipe or a socket)");
  if (info.size > max_bytes)
    throw InputError(name + ": " + size_text(static_cast<std::size_t>(info.size)) +
                     " is more than the limit of " + size_text(max_bytes) +
                     (kind.empty() ? "" : " for a " + std::string(kind)));
  std::string out;
  out.resize(static_cast<std::size_t>(info.size));
  std::size_t got = 0;
  char extra;
  for (;;) {
    // Reads at most max_bytes + 1 bytes in all: a file that grew meanwhile is noticed, not read.
    char* dst = got < out.size() ? out.data() + got : &extra;
    const std::size_t room = got < out.size() ? out.size() - got : 1;
    const std::size_t n = platform::read_some(fd, dst, room, ec);
    if (ec) throw InputError(name + ": cannot read the file (" + ec.message() + ")");
    if (n == 0) break;
    if (dst == &extra) {
      if (got + 1 > max_bytes)
        throw InputError(name + ": grew past the limit of " + size_text(max_bytes) + " while it was read");
      out.push_back(extra);
      out.resize(std::min(max_bytes, out.size() * 2));
      ++got;
      continue;
    }
    got += n;
  }
  out.resize(got);
  return out;
}
}  // namespace

std::string read_input_file(const std::filesystem::path& path, std::size_t max_bytes, std::string_view what) {
  return read_limited(path, max_bytes, what, {});
}

std::string read_input_file(const std::filesystem::path& path, FileKind kind, std::string_view what) {
  return read_limited(path, max_file_bytes(kind), what, file_kind_name(kind));
}

}  // namespace wasshoi::sdk
