// Folding for search and code-point helpers.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <array>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/natural_order.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

namespace {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::u32string utf8_to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    char32_t cp;
    int n;
    if (c < 0x80)
      cp = c, n = 0;
    else if ((c & 0xE0) == 0xC0)
      cp = c & 0x1F, n = 1;
    else if ((c & 0xF0) == 0xE0)
      cp = c & 0x0F, n = 2;
    else if ((c & 0xF8) == 0xF0)
      cp = c & 0x07, n = 3;
    else
      cp = 0xFFFD, n = 0;
    ++p;
    for (int i = 0; i < n; ++i) {
      if (p >= end || (*p & 0xC0) != 0x80) {
        cp = 0xFFFD;
        break;
      }
      cp = (cp << 6) | (*p++ & 0x3F);
    }
    out.push_back(cp);
  }
  return out;
}

std::string u32_to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t cp : s) append_utf8(out, cp);
  return out;
}

bool has_beyond_bmp(std::string_view utf8) {
  for (unsigned char c : utf8)
    if ((c & 0xF8) == 0xF0) return true;
  return false;
}

namespace {
// The digit at `at` (ASCII, or full-width ０–９ = EF BC 90–99) and its length in bytes; -1 if none.
int digit_at(std::string_view s, std::size_t at, std::size_t& len) {
  const unsigned char c = static_cast<unsigned char>(s[at]);
  if (c >= '0' && c <= '9') return len = 1, c - '0';
  if (c == 0xEF && at + 2 < s.size() && static_cast<unsigned char>(s[at + 1]) == 0xBC) {
    const unsigned char d = static_cast<unsigned char>(s[at + 2]);
    if (d >= 0x90 && d <= 0x99) return len = 3, d - 0x90;
  }
  return -1;
}
}  // namespace

bool natural_less(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    std::size_t la = 0, lb = 0;
    if (digit_at(a, i, la) >= 0 && digit_at(b, j, lb) >= 0) {
      // Two runs of digits: by value (leading zeros skipped), then by length of the run.
      std::string x, y;
      for (int d; i < a.size() && (d = digit_at(a, i, la)) >= 0; i += la)
        if (!x.empty() || d != 0) x += static_cast<char>('0' + d);
      for (int d; j < b.size() && (d = digit_at(b, j, lb)) >= 0; j += lb)
        if (!y.empty() || d != 0) y += static_cast<char>('0' + d);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i, ++j;
  }
  return a.size() - i < b.size() - j;
}

std::string trim(std::string_view text) {
  auto is_space = [](std::string_view s, std::size_t at, std::size_t& len) {
    unsigned char c = static_cast<unsigned char>(s[at]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return len = 1, true;
    if (s.substr(at, 3) == "\xE3\x80\x80") return len = 3, true;  // 全角スペース U+3000
    return false;
  };
  std::size_t len = 0;
  while (!text.empty() && is_space(text, 0, len)) text.remove_prefix(len);
  while (!text.empty()) {
    if (static_cast<unsigned char>(text.back()) < 0x80) {
      if (!is_space(text, text.size() - 1, len)) break;
      text.remove_suffix(1);
    } else if (text.size() >= 3 && text.substr(text.size() - 3) == "\xE3\x80\x80") {
      text.remove_suffix(3);
    } else {
      break;
    }
  }
  return std::string(text);
}

namespace {

const icu::Normalizer2& normalizer(bool compatibility) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      compatibility ? icu::Normalizer2::getNFKCInstance(status) : icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || !n) throw Error("ICU normalizer is not available");
  return *n;
}

char32_t katakana_to_hiragana(char32_t cp) {
  if ((cp >= 0x30A1 && cp <= 0x30F6) || cp == 0x30FD || cp == 0x30FE) return cp - 0x60;  // ァ..ヶ ヽヾ
  return cp;
}

// Half-width ｡..ﾝ (U+FF61–U+FF9D) as NFKC spells them, katakana already made hiragana. Taken
// from ICU once, so the fast path below cannot drift from the full fold.
const std::array<char32_t, 0x3D>& half_width_kana() {
  static const std::array<char32_t, 0x3D> table = [] {
    std::array<char32_t, 0x3D> t{};
    const icu::Normalizer2& nfkc = normalizer(true);
    for (char32_t c = 0xFF61; c <= 0xFF9D; ++c) {
      icu::UnicodeString d;
      t[c - 0xFF61] = nfkc.getDecomposition(static_cast<UChar32>(c), d) && d.length() == 1
                          ? katakana_to_hiragana(static_cast<char32_t>(d.char32At(0)))
                          : 0;
    }
    return t;
  }();
  return table;
}

// What rosters are made of — ASCII, kana (full and half width), kanji, full-width letters and
// digits — folds without a trip through ICU per string. Returns false for anything else (Latin
// accents, combining marks, other spaces, 𠮷 …); the full fold then decides. tests/sdk checks the
// two agree on every code point and on the kana with voiced marks.
bool fold_common(std::string_view text, std::string& out) {
  out.resize(text.size());  // the fold never lengthens what it accepts: 3 bytes stay 3 or become 1
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  char32_t last = 0;  // the last character written, for ﾞ and ﾟ
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    if (*p < 0x80) {
      const unsigned char c = *p++;
      if (c == ' ' || (c >= '\t' && c <= '\r')) continue;
      last = (c >= 'A' && c <= 'Z') ? c + 32 : c;
      *o++ = static_cast<unsigned char>(last);
      continue;
    }
    if ((*p & 0xF0) != 0xE0 || end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return false;
    char32_t cp =
        (static_cast<char32_t>(*p & 0x0F) << 12) | (static_cast<char32_t>(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    p += 3;
    if (cp == 0x3000) continue;          // 全角スペース
    if (cp >= 0xFF01 && cp <= 0xFF5E) {  // ＡＢＣ１２３ → abc123
      cp -= 0xFEE0;
      if (cp >= 'A' && cp <= 'Z') cp += 32;
    } else if (cp >= 0xFF61 && cp <= 0xFF9D) {
      cp = half_width_kana()[cp - 0xFF61];
      if (cp == 0) return false;
    } else if (cp == 0xFF9E || cp == 0xFF9F) {  // ﾞ ﾟ join the kana before them: ｶﾞ → が
      if (last == 0) return false;
      const UChar32 joined =
          normalizer(false).composePair(static_cast<UChar32>(last), cp == 0xFF9E ? 0x3099 : 0x309A);
      if (joined < 0) return false;
      o -= 3;  // `last` is kana here: three bytes
      cp = static_cast<char32_t>(joined);
    } else if ((cp >= 0x3041 && cp <= 0x3096) || cp == 0x309D || cp == 0x309E ||
               (cp >= 0x30A1 && cp <= 0x30FE) || (cp >= 0x3001 && cp <= 0x3002) ||
               (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x300C && cp <= 0x300F) ||
               (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)) {
      if (cp == 0x30FF) return false;  // ヿ is コト in NFKC
      cp = katakana_to_hiragana(cp);
    } else {
      return false;
    }
    if (cp < 0x80) {
      *o++ = static_cast<unsigned char>(cp);
    } else {  // everything accepted lies in U+3000–U+FFFF: three bytes
      *o++ = static_cast<unsigned char>(0xE0 | (cp >> 12));
      *o++ = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
      *o++ = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    }
    last = cp;
  }
  out.resize(static_cast<std::size_t>(o - reinterpret_cast<unsigned char*>(out.data())));
  return true;
}

}  // namespace

std::string fold_for_search(std::string_view text) {
  std::string out;
  if (fold_common(text, out)) return out;
  return detail::fold_for_search_icu(text);
}

namespace detail {

std::string fold_for_search_icu(std::string_view text) {
  // Whitespace goes first, so that NFKC sees marks next to what they belong to (ﾌ ﾞ → ぶ, as
  // the second fold would make it). NFKC: half-width ｶﾀｶﾅ → full-width, ＡＢＣ１２３ → ASCII,
  // compatibility ideographs → unified. Then katakana → hiragana by code point, lower case.
  std::u32string compact;
  compact.reserve(text.size());
  for (char32_t cp : utf8_to_u32(text))
    if (!u_isUWhiteSpace(static_cast<UChar32>(cp))) compact.push_back(cp);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2& nfkc = normalizer(true);
  std::string input = u32_to_utf8(compact);
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized);
  nfkc.normalizeUTF8(0, icu::StringPiece(input.data(), static_cast<int32_t>(input.size())), sink, nullptr,
                     status);
  if (U_FAILURE(status)) normalized = std::move(input);
  std::string mapped;
  mapped.reserve(normalized.size());
  for (char32_t cp : utf8_to_u32(normalized)) {
    if (u_isUWhiteSpace(static_cast<UChar32>(cp))) continue;  // NFKC makes U+3000 a space
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') cp += 32;
    } else if (char32_t hira = katakana_to_hiragana(cp); hira != cp) {
      cp = hira;
    } else {
      cp = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    }
    append_utf8(mapped, cp);
  }
  // Marks freed by the steps above compose with their base (ヽ + ゛ → ゞ): compose once more.
  status = U_ZERO_ERROR;
  const icu::Normalizer2& nfc = normalizer(false);
  const icu::StringPiece piece(mapped.data(), static_cast<int32_t>(mapped.size()));
  if (nfc.isNormalizedUTF8(piece, status) || U_FAILURE(status)) return mapped;
  std::string composed;
  icu::StringByteSink<std::string> composed_sink(&composed);
  status = U_ZERO_ERROR;
  nfc.normalizeUTF8(0, piece, composed_sink, nullptr, status);
  return U_FAILURE(status) ? mapped : composed;
}

}  // namespace detail

}  // namespace wasshoi::sdk
