#pragma once
// What a roster search compares: text folded once on write (sdk::fold_for_search — NFKC,
// katakana→hiragana, lower case, no spaces) plus the variant kanji officers treat as one
// (髙→高, 﨑→崎, 𠮷→吉 …), so 高橋 also finds 髙橋. Queries are folded the same way.
//
// The folded text is stored one character per word ("た か は し …") and indexed by an FTS5
// table (schema.cpp). A phrase query of the query's characters is then exactly a substring
// match, answered from the index for one character (林) as for ten — FTS5's trigram tokenizer
// cannot answer queries shorter than three characters, and a scan of 100 000 rows is too slow.
#include <string>
#include <string_view>

namespace wasshoi::members {

// Folds one piece of text (a query, or one field).
std::string fold(std::string_view text);

struct PersonSearchText {
  std::string search;    // name, reading and address folded, a character per word, fields apart
  std::string sort_key;  // folded reading, or the folded name when there is no reading
};
// One ICU call for the three fields (this runs 100 000 times in an import).
PersonSearchText person_search_text(std::string_view name, std::string_view reading,
                                    std::string_view address);

// The FTS5 MATCH expression for a query: the phrase "c h a r s". Empty when the query folds to
// nothing searchable.
std::string search_phrase(std::string_view query);
// The query as it appears inside the stored text ("た か"), for a plain substring test.
std::string spaced_query(std::string_view query);

// Separates the fields on the way into folding; stored as kFieldToken, a word no query holds.
inline constexpr char kFieldSeparator = '\x1F';
inline constexpr std::string_view kFieldToken = "\xEE\x80\x80";  // U+E000 (private use)

}  // namespace wasshoi::members
