#pragma once
// The evaluation plugin's paper: the printed questionnaire (A4, large check boxes, no name asked),
// the tally (PDF and CSV, cells of fewer than 3 answers as 「—」), and the 評価報告書 for the public
// (the project, goals against results, every partner's evaluation and the comparison, the
// アンケート's charts and free-text answers, the improvements; no personal data).
#include <string>
#include <wasshoi/sdk/document.hpp>

#include "core/projects.hpp"
#include "core/surveys.hpp"

namespace wasshoi::evaluation {

sdk::Document questionnaire_document(const Survey& s, const Project& p);
sdk::Document tally_document(const Tally& t, const Project& p);
// The tally as CSV (UTF-8 with BOM, through the SDK's CSV writer).
std::string tally_csv(const Tally& t);
// `tallies`: one per アンケート of the project (cross-tabulated when an attribute was chosen).
sdk::Document report_document(const Project& p, const std::vector<ComparisonRow>& comparison,
                              const std::vector<Tally>& tallies);
// The 評価報告書 of `p` as the CLI and the window make it: every アンケート of the project,
// cross-tabulated by its first attribute (年代, 地区).
sdk::Document report_document(sdk::Database& db, const Project& p);

}  // namespace wasshoi::evaluation
