#include "core/search_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::members {

namespace {

struct Variant {
  std::string_view from, to;
};
// 異体字 found in Japanese name registers, mapped to the everyday form. NFKC leaves these
// alone (they are distinct characters, not compatibility forms).
constexpr std::array<Variant, 12> kVariants = {{
    {"髙", "高"},
    {"﨑", "崎"},
    {"嵜", "崎"},
    {"𠮷", "吉"},
    {"邊", "辺"},
    {"邉", "辺"},
    {"濵", "浜"},
    {"濱", "浜"},
    {"澤", "沢"},
    {"齋", "斎"},
    {"齊", "斉"},
    {"櫻", "桜"},
}};

void replace_variants(std::string& text) {
  for (const auto& v : kVariants) {
    for (std::size_t at = text.find(v.from); at != std::string::npos;
         at = text.find(v.from, at + v.to.size()))
      text.replace(at, v.from.size(), v.to);
  }
}

// Private-use characters never reach the stored text, so no query can match a field boundary.
bool is_private_use(char32_t c) {
  return c >= 0xE000 && c <= 0xF8FF;
}

std::string without_separators(std::string_view text) {
  std::u32string cps = sdk::utf8_to_u32(text);
  std::erase_if(cps,
                [](char32_t c) { return c == static_cast<char32_t>(kFieldSeparator) || is_private_use(c); });
  return sdk::u32_to_utf8(cps);
}

// Nothing to strip (the common case, which skips the conversion): no separator, and no UTF-8
// lead bytes of U+E000–U+F8FF (EE xx xx, or EF 80–A3 xx).
bool plain(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == static_cast<unsigned char>(kFieldSeparator) || c == 0xEE) return false;
    if (c == 0xEF && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0xA3) return false;
  }
  return true;
}

std::string cleaned(std::string_view text) {
  return plain(text) ? std::string(text) : without_separators(text);
}

// "たかはし" → "た か は し"; the field separator becomes kFieldToken.
std::string one_char_per_word(std::string_view folded) {
  std::string out;
  out.reserve(folded.size() * 2 + kFieldToken.size());
  for (std::size_t i = 0; i < folded.size();) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i > 0) out.push_back(' ');
    if (folded[i] == kFieldSeparator)
      out.append(kFieldToken);
    else
      out.append(folded.data() + i, std::min(len, folded.size() - i));
    i += len;
  }
  return out;
}

}  // namespace

std::string fold(std::string_view text) {
  std::string folded = sdk::fold_for_search(cleaned(text));
  replace_variants(folded);
  return folded;
}

PersonSearchText person_search_text(std::string_view name, std::string_view reading,
                                    std::string_view address) {
  std::string joined = cleaned(name);
  joined += kFieldSeparator;
  joined += cleaned(reading);
  joined += kFieldSeparator;
  joined += cleaned(address);
  std::string folded = sdk::fold_for_search(joined);
  replace_variants(folded);
  std::size_t first = folded.find(kFieldSeparator);
  std::size_t second = first == std::string::npos ? first : folded.find(kFieldSeparator, first + 1);
  if (second == std::string::npos) {  // cannot happen with ICU's White_Space; stay correct anyway
    folded = fold(name) + kFieldSeparator + fold(reading) + kFieldSeparator + fold(address);
    first = folded.find(kFieldSeparator);
    second = folded.find(kFieldSeparator, first + 1);
  }
  std::string_view f(folded);
  std::string_view folded_reading = f.substr(first + 1, second - first - 1);
  PersonSearchText out;
  out.sort_key = std::string(folded_reading.empty() ? f.substr(0, first) : folded_reading);
  out.search = one_char_per_word(folded);
  return out;
}

namespace {

// What the index's `ascii` tokenizer keeps as a word: ASCII letters and digits, and every
// character beyond ASCII (its UTF-8 bytes are all >= 0x80). Other ASCII is a separator.
bool indexed(std::string_view word) {
  const auto c = static_cast<unsigned char>(word.front());
  return c >= 0x80 || std::isalnum(c);
}

}  // namespace

SearchQuery search_query(std::string_view query) {
  SearchQuery q;
  q.spaced = one_char_per_word(fold(query));
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at < q.spaced.size();) {
    std::size_t end = std::min(q.spaced.find(' ', at), q.spaced.size());
    std::string_view word(q.spaced.data() + at, end - at);
    if (!word.empty() && indexed(word) && std::find(words.begin(), words.end(), word) == words.end())
      words.push_back(word);
    at = end + 1;
  }
  for (std::string_view w : words) {  // no quote inside: '"' is ASCII punctuation
    if (!q.match.empty()) q.match += ' ';
    if (!q.words.empty()) q.words += ' ';
    q.words += w;
    q.match += '"';
    q.match += w;
    q.match += '"';
  }
  return q;
}

}  // namespace wasshoi::members
