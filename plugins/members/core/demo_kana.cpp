#include <wasshoi/sdk/text.hpp>

#include "core/demo.hpp"

namespace wasshoi::members {

std::string to_halfwidth_katakana(std::string_view fullwidth) {
  static const std::u32string kFull =
      U"アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェ"
      U"ォャュョッー　";
  static const std::u32string kHalf = U"ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ ";
  static const std::u32string kVoiced = U"ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
  static const std::u32string kVoicedBase = U"ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ";
  static const std::u32string kSemi = U"パピプペポ";
  static const std::u32string kSemiBase = U"ﾊﾋﾌﾍﾎ";
  std::u32string out;
  for (char32_t c : sdk::utf8_to_u32(fullwidth)) {
    if (auto i = kFull.find(c); i != std::u32string::npos) {
      out += kHalf[i];
    } else if (auto v = kVoiced.find(c); v != std::u32string::npos) {
      out += kVoicedBase[v];
      out += U'ﾞ';
    } else if (auto s = kSemi.find(c); s != std::u32string::npos) {
      out += kSemiBase[s];
      out += U'ﾟ';
    } else {
      out += c;
    }
  }
  return sdk::u32_to_utf8(out);
}

}  // namespace wasshoi::members
