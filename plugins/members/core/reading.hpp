#pragma once
// How a reading (フリガナ) is shown: full-width katakana, whatever it was imported or typed in —
// ｻﾄｳ ﾏｺﾄ, さとう まこと and サトウ マコト all show as サトウ マコト. What is stored stays as it
// was (search folds it anyway, search_text.hpp); only the screen and printed lists change.
#include <string>
#include <string_view>

namespace wasshoi::members {

// Half-width katakana (with ﾞ and ﾟ joined to the kana before them: ｶﾞ → ガ, ﾊﾟ → パ) and
// hiragana become full-width katakana; everything else (spaces, kanji, Latin) is left as it is.
std::string reading_for_display(std::string_view reading);

}  // namespace wasshoi::members
