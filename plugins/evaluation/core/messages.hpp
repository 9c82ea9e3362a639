#pragma once
// Refusals of the corrections (core/project_edits.cpp, core/question_edits.cpp) in the officer's
// language: the catalog's text (i18n/evaluation.*.json) with each "{}" replaced by the next value.
#include <initializer_list>
#include <string>
#include <wasshoi/sdk/i18n.hpp>

namespace wasshoi::evaluation {

inline std::string fill(const char* key, std::initializer_list<std::string> values) {
  std::string text = sdk::tr(key);
  std::size_t at = 0;
  for (const auto& v : values) {
    if ((at = text.find("{}", at)) == std::string::npos) break;
    text.replace(at, 2, v);
    at += v.size();
  }
  return text;
}

}  // namespace wasshoi::evaluation
