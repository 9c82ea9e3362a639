#pragma once
// What a roster search compares: text folded once on write (sdk::fold_for_search — NFKC,
// katakana→hiragana, lower case, no spaces) plus the variant kanji officers treat as one
// (髙→高, 﨑→崎, 𠮷→吉 …), so 高橋 also finds 髙橋. Queries are folded the same way.
//
// The folded text is stored one character per word ("た か は し …") and indexed by an FTS5
// table (schema.cpp), so the index answers one character (林) as well as ten — FTS5's trigram
// tokenizer cannot answer queries shorter than three characters, and a scan of 100 000 rows is
// too slow. The index narrows to the persons holding the query's characters; a substring test
// on those few rows (search_query) makes the match exact.
#include <cstdint>
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

// A query as the index and the stored text answer it. The index records which characters a
// person's text holds, not where (schema.cpp): `match` finds the persons holding every indexed
// character of the query, and `spaced` (the query as it is stored, "た か") keeps those holding
// them in a row, i.e. the substring. Both are empty when the query folds to nothing searchable;
// `match` alone is empty for a query of ASCII punctuation, which the index leaves out.
struct SearchQuery {
  std::string match;   // FTS5 expression: each distinct indexed character quoted, "た" "か"
  std::string spaced;  // for instr(search, spaced)
  std::string words;   // the same characters as `match`, unquoted, a space apart (PostgreSQL's
                       // string_to_array(search, ' ') @> string_to_array(words, ' '))
  bool empty() const { return spaced.empty(); }
};
SearchQuery search_query(std::string_view query);

// The search index holds each person's 自治会 as a word of its own before their characters
// (schema.cpp, version 8): "org12", which no folded text holds (one character per word). Asking
// for it with the query's characters keeps the index to that 自治会's persons.
inline std::string org_word(std::int64_t org) {
  return "org" + std::to_string(org);
}
// `q.match` for the persons of `org` (FTS5, SQLite); empty when q.match is.
inline std::string org_match(const SearchQuery& q, std::int64_t org) {
  return q.match.empty() ? std::string() : "\"" + org_word(org) + "\" " + q.match;
}
// `q.words` for the persons of `org` (PostgreSQL's array, kServerIndexedWords); never empty.
inline std::string org_words(const SearchQuery& q, std::int64_t org) {
  return q.words.empty() ? org_word(org) : org_word(org) + " " + q.words;
}
// PostgreSQL: the expression the GIN index is on, for persons `p` (schema.cpp, version 8);
// a query must write it exactly so for the index to answer.
inline constexpr const char* kServerIndexedWords =
    "string_to_array('org' || CAST(p.org_id AS TEXT) || ' ' || p.search, ' ')";

// Separates the fields on the way into folding; stored as kFieldToken, a word no query holds.
inline constexpr char kFieldSeparator = '\x1F';
inline constexpr std::string_view kFieldToken = "\xEE\x80\x80";  // U+E000 (private use)

}  // namespace wasshoi::members
