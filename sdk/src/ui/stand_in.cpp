// Stand-ins and edit tokens for characters beyond U+FFFF, which Debian's ImGui (16-bit ImWchar)
// can neither draw nor keep through InputText. Pure functions: tested without ImGui.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/text.hpp>
#include <wasshoi/sdk/ui.hpp>

namespace wasshoi::sdk::ui {

namespace {

constexpr char32_t kGeta = 0x3013;  // 〓, the printers' mark for a character the font lacks

// Variants seen in Japanese names whose everyday form is in the BMP. Kept small on purpose:
// only pairs that officers would read as the same name.
struct Twin {
  char32_t rare, common;
};
constexpr Twin kTwins[] = {
    {0x20BB7, 0x5409},  // 𠮷 (つちよし) → 吉
    {0x2123D, 0x571F},  // 𡈽 (土に点) → 土
};

// A CJK compatibility ideograph (U+2F800–U+2FA1D) is canonically equivalent to one unified
// ideograph; ICU knows which. Returns 0 when there is none.
char32_t canonical_twin(char32_t cp) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  icu::UnicodeString decomposition;
  if (U_FAILURE(err) || !nfc->getDecomposition(static_cast<UChar32>(cp), decomposition)) return 0;
  if (decomposition.countChar32() != 1) return 0;
  return static_cast<char32_t>(decomposition.char32At(0));
}

// Length of the 4-byte UTF-8 sequence at `at` (a character beyond U+FFFF) and its code point;
// 0 when there is none there.
std::size_t beyond_bmp_at(std::string_view s, std::size_t at, char32_t& cp) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if ((byte(at) & 0xF8) != 0xF0 || at + 4 > s.size()) return 0;
  cp = byte(at) & 0x07;
  for (std::size_t i = 1; i < 4; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(at + i) & 0x3F);
  }
  return cp >= 0x10000 && cp <= 0x10FFFF ? 4 : 0;
}

std::string code_label(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// The replaced characters of `utf8`, each once, in order of appearance.
std::vector<char32_t> replaced_characters(std::string_view utf8) {
  std::vector<char32_t> found;
  char32_t cp = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i)
    if (beyond_bmp_at(utf8, i, cp) && std::find(found.begin(), found.end(), cp) == found.end())
      found.push_back(cp);
  return found;
}

}  // namespace

char32_t stand_in_for(char32_t cp) {
  if (cp <= 0xFFFF) return cp;
  for (const Twin& t : kTwins)
    if (t.rare == cp) return t.common;
  char32_t twin = canonical_twin(cp);
  return twin != 0 && twin <= 0xFFFF ? twin : kGeta;
}

std::string display_text(std::string_view utf8) {
  if (!has_beyond_bmp(utf8)) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size() + 8);
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = 0;
    if (std::size_t n = beyond_bmp_at(utf8, i, cp)) {
      out += u32_to_utf8(std::u32string(1, stand_in_for(cp)));
      out += kStandInMark;
      i += n;
    } else {
      out += utf8[i++];
    }
  }
  return out;
}

std::string stand_in_explanation(std::string_view utf8) {
  if (!has_beyond_bmp(utf8)) return {};
  std::string out;
  for (char32_t cp : replaced_characters(utf8)) {
    std::string line = tr("sdk.ui.stand_in");
    replace_all(line, "{shown}", display_text(u32_to_utf8(std::u32string(1, cp))));
    replace_all(line, "{code}", code_label(cp));
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

std::string to_edit_text(std::string_view utf8) {
  if (!has_beyond_bmp(utf8)) return std::string(utf8);
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = 0;
    if (std::size_t n = beyond_bmp_at(utf8, i, cp)) {
      out += "{" + code_label(cp) + "}";
      i += n;
    } else {
      out += utf8[i++];
    }
  }
  return out;
}

namespace {
// Parses "{U+XXXXX}" at `at`; returns its length and the code point, 0 when it is not a token
// for a character beyond U+FFFF.
std::size_t token_at(std::string_view s, std::size_t at, char32_t& cp) {
  if (s.size() < at + 3 || s[at] != '{' || (s[at + 1] != 'U' && s[at + 1] != 'u') || s[at + 2] != '+')
    return 0;
  std::size_t i = at + 3;
  cp = 0;
  while (i < s.size() && i - at - 3 < 6 && std::isxdigit(static_cast<unsigned char>(s[i]))) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(s[i++])));
    cp = cp * 16 + static_cast<char32_t>(c <= '9' ? c - '0' : c - 'A' + 10);
  }
  if (i == at + 3 || i >= s.size() || s[i] != '}') return 0;
  return cp >= 0x10000 && cp <= 0x10FFFF ? i + 1 - at : 0;
}
}  // namespace

std::string from_edit_text(std::string_view edit) {
  if (edit.find('{') == std::string_view::npos) return std::string(edit);
  std::string out;
  for (std::size_t i = 0; i < edit.size();) {
    char32_t cp = 0;
    if (std::size_t n = token_at(edit, i, cp)) {
      out += u32_to_utf8(std::u32string(1, cp));
      i += n;
    } else {
      out += edit[i++];
    }
  }
  return out;
}

}  // namespace wasshoi::sdk::ui
