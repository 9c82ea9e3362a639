// Corrections of a アンケート's questions: edit, move, remove. Only before answers are entered:
// the paper sheets were filled in on the printed form, and are typed in its order with its
// choices, so a changed questionnaire would no longer match them. One transaction each; the
// host's row guard lets only the registering organization's 会長 and 役員 write.
#include <string>
#include <wasshoi/sdk/input.hpp>

#include "core/messages.hpp"
#include "core/surveys.hpp"

namespace wasshoi::evaluation {

namespace {

// The number of questions; InputError when there is no such アンケート or it has answers already.
int open_for_changes(sdk::Database& db, Id survey) {
  const std::string id = std::to_string(survey);
  if (!sdk::query_int(db, "SELECT 1 FROM evaluation_surveys WHERE id = " + id))
    throw sdk::InputError(tr_fill("evaluation.error.no_survey", {id}));
  const auto sheets = sdk::query_int(db, "SELECT count(*) FROM evaluation_sheets WHERE survey_id = " + id);
  if (sheets.value_or(0) > 0)
    throw sdk::InputError(tr_fill("evaluation.error.survey_answered", {std::to_string(*sheets)}));
  return static_cast<int>(
      sdk::query_int(db, "SELECT count(*) FROM evaluation_questions WHERE survey_id = " + id).value_or(0));
}

Id question_id(sdk::Database& db, Id survey, int number) {
  sdk::Statement st(db, "SELECT id FROM evaluation_questions WHERE survey_id = ? AND position = ?");
  st.bind_all(survey, number);
  if (!st.step())
    throw sdk::InputError(
        tr_fill("evaluation.error.no_question", {std::to_string(survey), std::to_string(number)}));
  return st.get_int(0);
}

// Positions `from` … `to` (inclusive) shift by `by` (+1 or -1), through negative positions:
// UNIQUE(survey_id, position) is checked row by row on both engines.
void shift(sdk::Database& db, Id survey, int from, int to, int by) {
  sdk::Statement(db,
                 "UPDATE evaluation_questions SET position = -position WHERE survey_id = ? AND position >= ? "
                 "AND position <= ?")
      .bind_all(survey, from, to)
      .run();
  sdk::Statement(
      db, "UPDATE evaluation_questions SET position = -position + ? WHERE survey_id = ? AND position < 0")
      .bind_all(by, survey)
      .run();
}

}  // namespace

void update_question(sdk::Database& db, Id survey, int number, const std::string& kind_text,
                     const std::string& text, std::vector<std::string> choices) {
  const std::string kind = check_question(kind_text, text, choices);
  sdk::Transaction tx(db, "evaluation.question.update",
                      std::to_string(survey) + " 問" + std::to_string(number) + " " + sdk::trim(text));
  open_for_changes(db, survey);
  const Id id = question_id(db, survey, number);
  std::string joined;
  for (const auto& c : choices) joined += (joined.empty() ? "" : "\n") + c;
  sdk::Statement(db, "UPDATE evaluation_questions SET kind = ?, text = ?, choices = ? WHERE id = ?")
      .bind_all(kind, sdk::trim(text), joined, id)
      .run();
  tx.commit();
}

void move_question(sdk::Database& db, Id survey, int number, int to) {
  sdk::Transaction tx(db, "evaluation.question.move",
                      std::to_string(survey) + " 問" + std::to_string(number) + " → " + std::to_string(to));
  const int count = open_for_changes(db, survey);
  const Id id = question_id(db, survey, number);
  if (to < 1 || to > count)
    throw sdk::InputError(tr_fill("evaluation.error.move_to", {std::to_string(count), std::to_string(to)}));
  if (to == number) return;  // nothing to do; the transaction rolls back, nothing is recorded
  sdk::Statement(db, "UPDATE evaluation_questions SET position = 0 WHERE id = ?").bind(1, id).run();
  if (to < number)
    shift(db, survey, to, number - 1, +1);
  else
    shift(db, survey, number + 1, to, -1);
  sdk::Statement(db, "UPDATE evaluation_questions SET position = ? WHERE id = ?").bind_all(to, id).run();
  tx.commit();
}

void remove_question(sdk::Database& db, Id survey, int number) {
  sdk::Transaction tx(db, "evaluation.question.remove",
                      std::to_string(survey) + " 問" + std::to_string(number));
  const std::string id_text = std::to_string(survey);
  if (!sdk::query_int(db, "SELECT 1 FROM evaluation_surveys WHERE id = " + id_text))
    throw sdk::InputError(tr_fill("evaluation.error.no_survey", {id_text}));
  const Id id = question_id(db, survey, number);
  // Its own answers first: the officer is told what would be lost.
  const auto answers =
      sdk::query_int(db, "SELECT count(DISTINCT sheet_id) FROM evaluation_answers WHERE question_id = " +
                             std::to_string(id));
  if (answers.value_or(0) > 0)
    throw sdk::InputError(
        tr_fill("evaluation.error.question_answered", {std::to_string(number), std::to_string(*answers)}));
  const int count = open_for_changes(db, survey);
  sdk::Statement(db, "DELETE FROM evaluation_questions WHERE id = ?").bind(1, id).run();
  if (number < count) shift(db, survey, number + 1, count, -1);
  tx.commit();
}

}  // namespace wasshoi::evaluation
