#pragma once
// Refusals of the corrections (core/project_edits.cpp, core/question_edits.cpp) in the officer's
// language: the catalog's text (i18n/evaluation.*.json) with each "{}" replaced by the next value.
#include <initializer_list>
#include <string>
#include <wasshoi/sdk/fill.hpp>
#include <wasshoi/sdk/i18n.hpp>

namespace wasshoi::evaluation {

using sdk::tr_fill;

}  // namespace wasshoi::evaluation
