// Folding for search and code-point helpers.
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/text.hpp>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

namespace wasshoi::sdk {

std::u32string utf8_to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    char32_t cp;
    int n;
    if (c < 0x80) cp = c, n = 0;
    else if ((c & 0xE0) == 0xC0) cp = c & 0x1F, n = 1;
    else if ((c & 0xF0) == 0xE0) cp = c & 0x0F, n = 2;
    else if ((c & 0xF8) == 0xF0) cp = c & 0x07, n = 3;
    else cp = 0xFFFD, n = 0;
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
  for (char32_t cp : s) {
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
  return out;
}

bool has_beyond_bmp(std::string_view utf8) {
  for (unsigned char c : utf8)
    if ((c & 0xF8) == 0xF0) return true;
  return false;
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

std::string fold_for_search(std::string_view text) {
  // Whitespace goes first, so that NFKC sees marks next to what they belong to (ﾌ ﾞ → ぶ, as
  // the second fold would make it). NFKC: half-width ｶﾀｶﾅ → full-width, ＡＢＣ１２３ → ASCII,
  // compatibility ideographs → unified. Then katakana → hiragana by code point, lower case.
  std::u32string compact;
  compact.reserve(text.size());
  for (char32_t cp : utf8_to_u32(text))
    if (!u_isUWhiteSpace(static_cast<UChar32>(cp))) compact.push_back(cp);
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || !nfkc) throw Error("ICU NFKC normalizer is not available");
  std::string input = u32_to_utf8(compact);
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized);
  nfkc->normalizeUTF8(0, icu::StringPiece(input.data(), static_cast<int32_t>(input.size())), sink, nullptr, status);
  if (U_FAILURE(status)) normalized = std::move(input);
  std::u32string out;
  out.reserve(normalized.size());
  for (char32_t cp : utf8_to_u32(normalized)) {
    if (u_isUWhiteSpace(static_cast<UChar32>(cp))) continue;  // NFKC makes U+3000 a space
    if (cp >= 0x30A1 && cp <= 0x30F6) cp -= 0x60;              // ァ..ヶ → ぁ..ゖ
    else if (cp == 0x30FD || cp == 0x30FE) cp -= 0x60;         // ヽヾ → ゝゞ
    else if (cp < 0x80) { if (cp >= 'A' && cp <= 'Z') cp += 32; }
    else cp = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    out.push_back(cp);
  }
  // Marks freed by the steps above compose with their base (ヽ + ゛ → ゞ): compose once more.
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string mapped = u32_to_utf8(out);
  if (U_FAILURE(status) || !nfc || nfc->isNormalizedUTF8(icu::StringPiece(mapped.data(), static_cast<int32_t>(mapped.size())), status))
    return mapped;
  std::string composed;
  icu::StringByteSink<std::string> composed_sink(&composed);
  nfc->normalizeUTF8(0, icu::StringPiece(mapped.data(), static_cast<int32_t>(mapped.size())), composed_sink, nullptr, status);
  return U_FAILURE(status) ? mapped : composed;
}

}  // namespace wasshoi::sdk
