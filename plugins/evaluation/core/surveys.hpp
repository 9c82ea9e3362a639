#pragma once
// アンケート of a 協働事業: questions (single and multiple choice, a 5-point scale, a number, free
// text, attributes such as 年代 and 地区), answer sheets that never carry a name, fast entry (one
// sheet as a row of values, or a CSV of sheets), and the tally: counts, percentages, means and a
// cross-tabulation by an attribute in which every cell of fewer than 3 answers is suppressed
// (shown as 「—」), so no small group's answers can be singled out.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/projects.hpp"

namespace wasshoi::evaluation {

inline constexpr int kMinCell = 3;               // fewer answers than this: the cell is not shown
inline constexpr const char* kSuppressed = "—";  // what is shown instead

struct Question {
  Id id = 0;
  int number = 0;    // 問1 → 1
  std::string kind;  // single, multiple, scale, number, text, attribute
  std::string text;
  std::vector<std::string> choices;  // single, multiple, attribute; the scale's 5 labels
  bool has_choices() const {
    return kind == "single" || kind == "multiple" || kind == "scale" || kind == "attribute";
  }
};
std::string parse_question_kind(std::string_view field, std::string_view text);  // key or 日本語
std::string question_kind_label(std::string_view kind);                          // 単一選択 …
// The labels of the 5-point scale when none are given.
const std::vector<std::string>& default_scale();

struct Survey {
  Id id = 0;
  Id project = 0;
  std::string title;
  std::vector<Question> questions;
  int sheets = 0;
};

Id add_survey(sdk::Database& db, Id project, const std::string& title);
// The next question; its number. InputError for a choice question with fewer than 2 choices, a
// scale with other than 5 labels, choices on a number or free-text question.
int add_question(sdk::Database& db, Id survey, const std::string& kind, const std::string& text,
                 std::vector<std::string> choices);
// Checks a question as add_question and update_question take it: the kind's key; `choices` are
// trimmed (a scale without labels gets default_scale()). InputError naming the option otherwise.
std::string check_question(const std::string& kind, const std::string& text,
                           std::vector<std::string>& choices);

// Corrections of the questionnaire, allowed only while no answer sheet is entered (the sheets
// were typed in the order and with the choices of the printed form): InputError saying so, and
// nothing written, once the アンケート has answers. Refused below the plugin, like every write,
// for anyone but the registering organization's 会長 and 役員.
// Question `number` (問2 → 2) gets a new kind, text and choices.
void update_question(sdk::Database& db, Id survey, int number, const std::string& kind,
                     const std::string& text, std::vector<std::string> choices);
// Question `number` moves to place `to` (1 … the number of questions); those between shift by one.
void move_question(sdk::Database& db, Id survey, int number, int to);
// Removes question `number`; those after it move up. Refused when it has answers (they would be
// lost with it).
void remove_question(sdk::Database& db, Id survey, int number);
// The survey as `viewer` sees it: refused like the project it belongs to.
Survey survey(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId viewer, Id id);
std::vector<Survey> list_surveys(sdk::Database& db, Id project);

// One answer sheet typed as it is on paper, one value per question in order: a choice's number
// (1, 2 …), several for a multiple choice ("1,3" or "1/3" or "1 3"), a number, a text; "-" or
// empty for no answer. One transaction; InputError naming the question for a value that does not fit.
Id add_sheet(sdk::Database& db, Id survey, const std::vector<std::string>& values);
// A CSV of sheets (a header line, then one sheet per line, the values as above): all or nothing.
// InputError naming the line and the question.
int import_sheets(sdk::Database& db, Id survey, std::string_view csv_bytes);

struct Count {
  std::string label;
  int count = 0;
  double percent = 0;  // of those who answered the question
};
struct FreeText {
  Id answer = 0;  // the answer's id, to make it a local issue
  std::string text;
  std::optional<Id> issue;
};
struct QuestionTally {
  Question question;
  int answered = 0;
  std::vector<Count> counts;   // choice questions
  std::optional<double> mean;  // scale and number
  std::optional<double> min, max;
  std::vector<FreeText> texts;  // free text
};
// A cell of the cross-tabulation: a count (choice questions) or a mean (scale, number) over the
// answers of one group; nullopt and `suppressed` when fewer than 3 answers are behind it.
struct Cell {
  std::optional<double> value;
  std::optional<double> percent;  // of the group's answers to the question (counts)
  bool suppressed = false;
};
struct CrossRow {
  std::string group;        // the attribute's choice (30代, 北地区)
  Cell answered;            // how many of the group answered the question
  std::vector<Cell> cells;  // per choice; one (the mean) for scale and number questions
};
struct CrossTab {
  Question question;
  std::vector<std::string> columns;  // the choices, or 平均 for scale and number
  std::vector<CrossRow> rows;
};
struct Tally {
  Survey survey;
  std::vector<QuestionTally> questions;
  std::optional<Question> by;   // the attribute of the cross-tabulation
  std::vector<CrossTab> cross;  // one per question other than free text and the attribute itself
};
// `by`: the number of an attribute question (問2 → 2) for the cross-tabulation.
Tally tally(sdk::Database& db, const Survey& s, std::optional<int> by);

// A free-text answer made into a local issue of `org` through the issues plugin's IssueTracker;
// its id. The answer remembers it: a second time is refused.
Id answer_to_issue(sdk::Database& db, sdk::IssueTracker& issues, const Survey& s, sdk::OrgId org, Id answer,
                   const std::string& category);

// How every output of the plugin (text, CSV, PDF, window) writes a percentage and a mean:
// 71.4% and 3.57.
std::string format_percent(double percent);
std::string format_mean(double mean);

// The tally as a table of text (the CLI), with 「—」 for every suppressed cell.
std::string format_cell(const Cell& c, bool mean);

}  // namespace wasshoi::evaluation
