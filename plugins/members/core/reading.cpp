#include "core/reading.hpp"

#include <wasshoi/sdk/text.hpp>

namespace wasshoi::members {

namespace {

// U+FF61 … U+FF9F in order: the full-width character each half-width one stands for.
constexpr char32_t kFullWidth[] = {
    U'。', U'「', U'」', U'、', U'・', U'ヲ', U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ', U'ャ', U'ュ',
    U'ョ', U'ッ', U'ー', U'ア', U'イ', U'ウ', U'エ', U'オ', U'カ', U'キ', U'ク', U'ケ', U'コ',
    U'サ', U'シ', U'ス', U'セ', U'ソ', U'タ', U'チ', U'ツ', U'テ', U'ト', U'ナ', U'ニ', U'ヌ',
    U'ネ', U'ノ', U'ハ', U'ヒ', U'フ', U'ヘ', U'ホ', U'マ', U'ミ', U'ム', U'メ', U'モ', U'ヤ',
    U'ユ', U'ヨ', U'ラ', U'リ', U'ル', U'レ', U'ロ', U'ワ', U'ン', U'゛', U'゜'};

bool takes_dakuten(char32_t c) {
  // カ…チ and ツ…ト each step by two (ッ sits between チ and ツ); ハ…ホ by three.
  return (c >= U'カ' && c <= U'チ' && (c - U'カ') % 2 == 0) ||
         (c >= U'ツ' && c <= U'ト' && (c - U'ツ') % 2 == 0) ||
         (c >= U'ハ' && c <= U'ホ' && (c - U'ハ') % 3 == 0);
}
bool takes_handakuten(char32_t c) {
  return c >= U'ハ' && c <= U'ホ' && (c - U'ハ') % 3 == 0;
}

}  // namespace

std::string reading_for_display(std::string_view reading) {
  const std::u32string in = sdk::utf8_to_u32(reading);
  std::u32string out;
  out.reserve(in.size());
  for (char32_t c : in) {
    if (c >= 0xFF61 && c <= 0xFF9F) {
      const char32_t full = kFullWidth[c - 0xFF61];
      if (full == U'゛' && !out.empty()) {
        if (takes_dakuten(out.back())) {
          ++out.back();
          continue;
        }
        if (out.back() == U'ウ') {
          out.back() = U'ヴ';
          continue;
        }
      }
      if (full == U'゜' && !out.empty() && takes_handakuten(out.back())) {
        out.back() += 2;
        continue;
      }
      out += full;
      continue;
    }
    if (c >= U'ぁ' && c <= U'ゖ') c += 0x60;  // hiragana → katakana
    out += c;
  }
  return sdk::u32_to_utf8(out);
}

}  // namespace wasshoi::members
