#include "core/surveys.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <wasshoi/sdk/csv.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>
#include <wasshoi/sdk/row_lock.hpp>

namespace wasshoi::evaluation {

namespace {

struct Kind {
  const char* key;
  const char* ja;
};
const Kind kKinds[] = {{"single", "単一選択"}, {"multiple", "複数選択"}, {"scale", "5段階"},
                       {"number", "数値"},     {"text", "自由記述"},     {"attribute", "属性"}};

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    auto end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::optional<sdk::OrgId> survey_owner(sdk::Database& db, Id survey) {
  sdk::Statement st(
      db,
      "SELECT p.org_id FROM evaluation_surveys s JOIN evaluation_projects p ON p.id = s.project_id "
      "WHERE s.id = ?");
  st.bind(1, survey);
  if (!st.step()) return std::nullopt;
  return st.get_int(0);
}

// First in each transaction that adds a question or answer sheets: "no sheets yet" (questions
// change only before the first answer) and the question list a sheet is read against stay true
// until it commits. SQLite's transaction holds the file's write lock already; on PostgreSQL this
// locks the survey's row, so the other writer waits (docs/engines.md).
void lock_survey(sdk::Database& db, Id survey) {
  sdk::lock_row(db, "evaluation_surveys", "id", survey);
}

std::vector<Question> questions_of(sdk::Database& db, Id survey) {
  sdk::Statement st(db,
                    "SELECT id, position, kind, text, choices FROM evaluation_questions WHERE survey_id = ? "
                    "ORDER BY position");
  st.bind(1, survey);
  std::vector<Question> out;
  while (st.step())
    out.push_back({st.get_int(0), static_cast<int>(st.get_int(1)), st.get_text(2), st.get_text(3),
                   split_lines(st.get_text(4))});
  return out;
}

// Parses one whole number typed on a sheet (ASCII or full-width digits).
std::optional<std::int64_t> whole(std::string_view text) {
  try {
    return sdk::parse_integer("value", text, {-1'000'000'000, 1'000'000'000});
  } catch (const sdk::InputError&) {
    return std::nullopt;
  }
}

struct Value {
  std::vector<int> choices;
  std::optional<double> number;
  std::optional<std::string> text;
};

// One value of a sheet for one question; nullopt for no answer.
std::optional<Value> parse_value(const Question& q, const std::string& raw, const std::string& where) {
  const std::string t = sdk::trim(raw);
  if (t.empty() || t == "-" || t == "－" || t == "ー") return std::nullopt;
  const std::string field =
      where + "問" + std::to_string(q.number) + " (" + question_kind_label(q.kind) + ")";
  Value v;
  if (q.kind == "text") {
    sdk::check_text(sdk::TextKind::Note, field, t);
    v.text = t;
    return v;
  }
  if (q.kind == "number") {
    char* end = nullptr;
    std::string ascii = sdk::fold_for_search(t);  // full-width digits typed on a Japanese keyboard
    double d = std::strtod(ascii.c_str(), &end);
    if (ascii.empty() || end != ascii.c_str() + ascii.size() || !std::isfinite(d))
      throw sdk::InputError(field + ": '" + sdk::displayable_text(t) + "' is not a number");
    v.number = d;
    return v;
  }
  std::string list = t;
  for (const char* sep : {"、", "・", "／"}) {
    for (std::size_t at; (at = list.find(sep)) != std::string::npos;)
      list.replace(at, std::string(sep).size(), " ");
  }
  for (char& c : list)
    if (c == ',' || c == '/' || c == ';') c = ' ';
  std::set<int> seen;
  std::size_t pos = 0;
  while (pos < list.size()) {
    auto end = list.find(' ', pos);
    if (end == std::string::npos) end = list.size();
    const std::string part = list.substr(pos, end - pos);
    pos = end + 1;
    if (part.empty()) continue;
    auto n = whole(part);
    if (!n || *n < 1 || *n > static_cast<std::int64_t>(q.choices.size()))
      throw sdk::InputError(field + ": '" + sdk::displayable_text(part) + "' is not a choice (1 … " +
                            std::to_string(q.choices.size()) + ")");
    if (!seen.insert(static_cast<int>(*n)).second)
      throw sdk::InputError(field + ": choice " + part + " is given twice");
    v.choices.push_back(static_cast<int>(*n));
  }
  if (v.choices.size() > 1 && q.kind != "multiple")
    throw sdk::InputError(field + ": '" + sdk::displayable_text(t) +
                          "' gives several choices; this question takes one");
  return v;
}

void insert_sheet(sdk::Database& db, Id survey, const std::vector<Question>& qs,
                  const std::vector<std::string>& values, const std::string& where) {
  if (values.size() > qs.size())
    throw sdk::InputError(where + std::to_string(values.size()) + " values for " + std::to_string(qs.size()) +
                          " questions");
  std::vector<std::optional<Value>> parsed;
  for (std::size_t i = 0; i < qs.size(); ++i)
    parsed.push_back(parse_value(qs[i], i < values.size() ? values[i] : std::string(), where));
  if (std::none_of(parsed.begin(), parsed.end(), [](const auto& v) { return v.has_value(); }))
    throw sdk::InputError(where + "an answer sheet with no answer at all");
  sdk::Statement(db, "INSERT INTO evaluation_sheets(survey_id) VALUES(?)").bind(1, survey).run();
  const Id sheet = db.last_insert_id();
  sdk::Statement ins(
      db,
      "INSERT INTO evaluation_answers(sheet_id, question_id, choice, number, text) VALUES(?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < qs.size(); ++i) {
    if (!parsed[i]) continue;
    const Value& v = *parsed[i];
    if (!v.choices.empty()) {
      for (int c : v.choices) {
        ins.bind_all(sheet, qs[i].id, c, std::optional<double>(), std::optional<std::string>()).run();
        ins.reset();
      }
    } else {
      ins.bind_all(sheet, qs[i].id, std::optional<int>(), v.number, v.text).run();
      ins.reset();
    }
  }
}

Cell count_cell(int n, int of) {
  if (n < kMinCell) return {std::nullopt, std::nullopt, true};
  return {double(n), of > 0 ? std::optional<double>(100.0 * n / of) : std::nullopt, false};
}

// Complementary suppression. A hidden cell must not be worked out by subtraction: it may not be
// the only hidden one of a column (the question's own counts, answered and mean are printed
// beside the cross-tabulation, so a column adds up to a known total), nor, for a single-choice
// question, of a row (a group's cells add up to its answered). When it is, the smallest shown
// cell of that row or column is hidden too (in a column of means, the one of the fewest
// answers), until no row or column has a single hidden cell. With two groups, one small group
// hides the whole column: that is the price of not singling anyone out.
void protect_by_subtraction(CrossTab& ct, bool single_choice) {
  auto hide = [](Cell& c) {
    c.value.reset();
    c.percent.reset();
    c.suppressed = true;
  };
  // Hides the shown cell of `line` with the smallest `weight` when exactly one of `line` is hidden.
  auto settle = [&](const std::vector<Cell*>& line, const std::vector<double>& weight) {
    std::size_t hidden = 0, pick = line.size();
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i]->suppressed)
        ++hidden;
      else if (pick == line.size() || weight[i] < weight[pick])
        pick = i;
    }
    if (hidden != 1 || pick == line.size()) return false;
    hide(*line[pick]);
    return true;
  };
  auto value = [](const Cell& c) { return c.value.value_or(0); };
  const std::size_t columns = ct.columns.size();
  for (bool changed = true; changed;) {
    changed = false;
    if (single_choice)
      for (auto& r : ct.rows) {
        std::vector<Cell*> line;
        std::vector<double> weight;
        for (auto& c : r.cells) line.push_back(&c), weight.push_back(value(c));
        line.push_back(&r.answered), weight.push_back(value(r.answered) + 1e9);  // the cells go first
        changed |= settle(line, weight);
      }
    if (ct.rows.size() < 2) continue;
    for (std::size_t col = 0; col <= columns; ++col) {  // every column, then answered
      std::vector<Cell*> line;
      std::vector<double> weight;
      for (auto& r : ct.rows) {
        Cell& c = col < columns ? r.cells[col] : r.answered;
        line.push_back(&c);
        const bool mean = col < columns && ct.columns[0] == "平均";
        weight.push_back(mean ? value(r.answered) : value(c));
      }
      changed |= settle(line, weight);
    }
  }
  // A percentage with its count gives the group's size: none where that size is hidden.
  for (auto& r : ct.rows)
    if (r.answered.suppressed)
      for (auto& c : r.cells) c.percent.reset();
}

}  // namespace

std::string parse_question_kind(std::string_view field, std::string_view text) {
  const std::string t = sdk::trim(text);
  for (const auto& k : kKinds)
    if (t == k.key || t == k.ja) return k.key;
  std::string all;
  for (const auto& k : kKinds) all += std::string(all.empty() ? "" : ", ") + k.key + " (" + k.ja + ")";
  throw sdk::InputError(std::string(field) + ": '" + sdk::displayable_text(text) +
                        "' is not a kind of question: " + all);
}

std::string question_kind_label(std::string_view kind) {
  for (const auto& k : kKinds)
    if (kind == k.key) return k.ja;
  return std::string(kind);
}

const std::vector<std::string>& default_scale() {
  static const std::vector<std::string> labels = {"そう思わない", "あまりそう思わない", "どちらともいえない",
                                                  "ややそう思う", "そう思う"};
  return labels;
}

Id add_survey(sdk::Database& db, Id project, const std::string& title) {
  if (sdk::trim(title).empty()) throw sdk::InputError("a アンケート needs a title");
  sdk::check_text(sdk::TextKind::Line, "title", title);
  sdk::Transaction tx(db, "evaluation.survey.add", std::to_string(project) + " " + title);
  if (!sdk::query_int(db, "SELECT 1 FROM evaluation_projects WHERE id = " + std::to_string(project)))
    throw sdk::InputError("no 協働事業 with id " + std::to_string(project));
  sdk::Statement(db, "INSERT INTO evaluation_surveys(project_id, title) VALUES(?, ?)")
      .bind_all(project, sdk::trim(title))
      .run();
  const Id id = db.last_insert_id();
  tx.commit();
  return id;
}

std::string check_question(const std::string& kind_text, const std::string& text,
                           std::vector<std::string>& choices) {
  const std::string kind = parse_question_kind("--kind", kind_text);
  if (sdk::trim(text).empty()) throw sdk::InputError("--text: a question needs its text");
  sdk::check_text(sdk::TextKind::Line, "--text", text);
  for (auto& c : choices) {
    c = sdk::trim(c);
    if (c.empty()) throw sdk::InputError("--choice: an empty choice");
    sdk::check_text(sdk::TextKind::Line, "--choice", c);
  }
  if (kind == "scale" && choices.empty()) choices = default_scale();
  if (kind == "scale" && choices.size() != 5)
    throw sdk::InputError("--choice: a 5-point scale has 5 labels (or none: " + join(default_scale(), "・") +
                          ")");
  if ((kind == "single" || kind == "multiple" || kind == "attribute") && choices.size() < 2)
    throw sdk::InputError("--choice: a " + question_kind_label(kind) + " question needs 2 choices or more");
  if ((kind == "number" || kind == "text") && !choices.empty())
    throw sdk::InputError("--choice: a " + question_kind_label(kind) + " question has no choices");
  return kind;
}

int add_question(sdk::Database& db, Id survey, const std::string& kind_text, const std::string& text,
                 std::vector<std::string> choices) {
  const std::string kind = check_question(kind_text, text, choices);
  sdk::Transaction tx(db, "evaluation.question.add", std::to_string(survey) + " " + text);
  lock_survey(db, survey);
  if (!survey_owner(db, survey)) throw sdk::InputError("no アンケート with id " + std::to_string(survey));
  if (sdk::query_int(db, "SELECT 1 FROM evaluation_sheets WHERE survey_id = " + std::to_string(survey)))
    throw sdk::InputError("the アンケート " + std::to_string(survey) +
                          " already has answers: its questions can no longer change");
  const int number = static_cast<int>(*sdk::query_int(
      db, "SELECT COALESCE(MAX(position), 0) + 1 FROM evaluation_questions WHERE survey_id = " +
              std::to_string(survey)));
  sdk::Statement(
      db, "INSERT INTO evaluation_questions(survey_id, position, kind, text, choices) VALUES(?, ?, ?, ?, ?)")
      .bind_all(survey, number, kind, sdk::trim(text), join(choices, "\n"))
      .run();
  tx.commit();
  return number;
}

Survey survey(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId viewer, Id id) {
  sdk::Statement st(db, "SELECT project_id, title FROM evaluation_surveys WHERE id = ?");
  st.bind(1, id);
  const std::string missing = "no アンケート with id " + std::to_string(id) +
                              " among those of the 協働事業 " + orgs.name(db, viewer) + " takes part in";
  if (!st.step()) throw sdk::InputError(missing);
  Survey s{id, st.get_int(0), st.get_text(1), {}, 0};
  try {
    project(db, orgs, viewer, s.project);
  } catch (const sdk::InputError&) {
    throw sdk::InputError(missing);
  }
  s.questions = questions_of(db, id);
  s.sheets = static_cast<int>(
      *sdk::query_int(db, "SELECT count(*) FROM evaluation_sheets WHERE survey_id = " + std::to_string(id)));
  return s;
}

std::vector<Survey> list_surveys(sdk::Database& db, Id project) {
  sdk::Statement st(db, "SELECT id, title FROM evaluation_surveys WHERE project_id = ? ORDER BY id");
  st.bind(1, project);
  std::vector<Survey> out;
  while (st.step()) out.push_back({st.get_int(0), project, st.get_text(1), {}, 0});
  for (auto& s : out) {
    s.questions = questions_of(db, s.id);
    s.sheets = static_cast<int>(*sdk::query_int(
        db, "SELECT count(*) FROM evaluation_sheets WHERE survey_id = " + std::to_string(s.id)));
  }
  return out;
}

Id add_sheet(sdk::Database& db, Id survey, const std::vector<std::string>& values) {
  sdk::Transaction tx(db, "evaluation.sheet.add", std::to_string(survey));
  lock_survey(db, survey);
  if (!survey_owner(db, survey)) throw sdk::InputError("no アンケート with id " + std::to_string(survey));
  const auto qs = questions_of(db, survey);
  if (qs.empty()) throw sdk::InputError("the アンケート " + std::to_string(survey) + " has no questions yet");
  insert_sheet(db, survey, qs, values, "");
  const Id id = *sdk::query_int(
      db, "SELECT MAX(id) FROM evaluation_sheets WHERE survey_id = " + std::to_string(survey));
  tx.commit();
  return id;
}

int import_sheets(sdk::Database& db, Id survey, std::string_view bytes) {
  const auto records = sdk::read_csv_bytes(bytes);
  if (records.size() < 2)
    throw sdk::InputError("the CSV has no answer sheet (a header line, then one sheet per line)");
  sdk::Transaction tx(db, "evaluation.sheet.import", std::to_string(survey));
  lock_survey(db, survey);
  if (!survey_owner(db, survey)) throw sdk::InputError("no アンケート with id " + std::to_string(survey));
  const auto qs = questions_of(db, survey);
  if (qs.empty()) throw sdk::InputError("the アンケート " + std::to_string(survey) + " has no questions yet");
  int n = 0;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& f = records[i].fields;
    if (std::all_of(f.begin(), f.end(), [](const std::string& s) { return sdk::trim(s).empty(); })) continue;
    insert_sheet(db, survey, qs, f, "line " + std::to_string(records[i].line) + ", ");
    ++n;
  }
  tx.set_detail(std::to_string(survey) + ": " + std::to_string(n) + " sheets");
  tx.commit();
  return n;
}

Tally tally(sdk::Database& db, const Survey& s, std::optional<int> by) {
  Tally t;
  t.survey = s;
  // Every answer, read once: sheet → question → values.
  struct Answer {
    Id id;
    Id sheet;
    Id question;
    std::optional<std::int64_t> choice;
    std::optional<double> number;
    std::optional<std::string> text;
    std::optional<Id> issue;
  };
  std::vector<Answer> answers;
  sdk::Statement st(db,
                    "SELECT a.id, a.sheet_id, a.question_id, a.choice, a.number, a.text, a.issue_id "
                    "FROM evaluation_answers a JOIN evaluation_sheets h ON h.id = a.sheet_id "
                    "WHERE h.survey_id = ? ORDER BY a.id");
  st.bind(1, s.id);
  while (st.step())
    answers.push_back({st.get_int(0), st.get_int(1), st.get_int(2), st.get_optional_int(3),
                       st.is_null(4) ? std::nullopt : std::optional<double>(st.get_double(4)),
                       st.get_optional_text(5), st.get_optional_int(6)});
  if (by) {
    auto it = std::find_if(s.questions.begin(), s.questions.end(),
                           [&](const Question& q) { return q.number == *by; });
    if (it == s.questions.end() || it->kind != "attribute")
      throw sdk::InputError("--by: 問" + std::to_string(*by) +
                            " is not an attribute question (年代, 地区 …) of this アンケート");
    t.by = *it;
  }
  std::map<Id, int> group_of;  // sheet → its choice of the attribute
  if (t.by)
    for (const auto& a : answers)
      if (a.question == t.by->id && a.choice) group_of[a.sheet] = static_cast<int>(*a.choice);

  for (const auto& q : s.questions) {
    QuestionTally qt;
    qt.question = q;
    std::set<Id> sheets;
    std::vector<int> counts(q.choices.size(), 0);
    double sum = 0;
    int n = 0;
    for (const auto& a : answers) {
      if (a.question != q.id) continue;
      sheets.insert(a.sheet);
      if (a.choice && *a.choice >= 1 && *a.choice <= static_cast<std::int64_t>(counts.size())) {
        ++counts[*a.choice - 1];
        if (q.kind == "scale") sum += double(*a.choice), ++n;
      }
      if (a.number) {
        sum += *a.number, ++n;
        qt.min = qt.min ? std::min(*qt.min, *a.number) : *a.number;
        qt.max = qt.max ? std::max(*qt.max, *a.number) : *a.number;
      }
      if (a.text) qt.texts.push_back({a.id, *a.text, a.issue});
    }
    qt.answered = static_cast<int>(sheets.size());
    for (std::size_t i = 0; i < counts.size(); ++i)
      qt.counts.push_back({q.choices[i], counts[i], qt.answered ? 100.0 * counts[i] / qt.answered : 0.0});
    if ((q.kind == "scale" || q.kind == "number") && n > 0) qt.mean = sum / n;
    t.questions.push_back(std::move(qt));

    if (!t.by || q.kind == "text" || q.id == t.by->id) continue;
    CrossTab ct;
    ct.question = q;
    const bool mean = q.kind == "scale" || q.kind == "number";
    if (mean)
      ct.columns = {"平均"};
    else
      ct.columns = q.choices;
    for (std::size_t g = 0; g < t.by->choices.size(); ++g) {
      CrossRow row;
      row.group = t.by->choices[g];
      std::set<Id> group_sheets;
      std::vector<int> gc(q.choices.size(), 0);
      double gsum = 0;
      int gn = 0;
      for (const auto& a : answers) {
        if (a.question != q.id) continue;
        auto grp = group_of.find(a.sheet);
        if (grp == group_of.end() || grp->second != static_cast<int>(g + 1)) continue;
        group_sheets.insert(a.sheet);
        if (a.choice && *a.choice >= 1 && *a.choice <= static_cast<std::int64_t>(gc.size())) {
          ++gc[*a.choice - 1];
          if (q.kind == "scale") gsum += double(*a.choice), ++gn;
        }
        if (a.number) gsum += *a.number, ++gn;
      }
      const int of = static_cast<int>(group_sheets.size());
      row.answered = count_cell(of, 0);
      if (mean) {
        if (gn < kMinCell)
          row.cells.push_back({std::nullopt, std::nullopt, true});
        else
          row.cells.push_back({gsum / gn, std::nullopt, false});
      } else {
        for (int c : gc) row.cells.push_back(count_cell(c, of));
      }
      ct.rows.push_back(std::move(row));
    }
    protect_by_subtraction(ct, q.kind == "single" || q.kind == "attribute");
    t.cross.push_back(std::move(ct));
  }
  return t;
}

Id answer_to_issue(sdk::Database& db, sdk::IssueTracker& issues, const Survey& s, sdk::OrgId org, Id answer,
                   const std::string& category) {
  sdk::check_text(sdk::TextKind::Line, "--category", category);
  sdk::Transaction tx(db, "evaluation.answer.issue", std::to_string(s.id) + " " + std::to_string(answer));
  sdk::Statement st(
      db,
      "SELECT a.text, a.issue_id, q.kind FROM evaluation_answers a "
      "JOIN evaluation_sheets h ON h.id = a.sheet_id JOIN evaluation_questions q ON q.id = a.question_id "
      "WHERE a.id = ? AND h.survey_id = ?");
  st.bind_all(answer, s.id);
  if (!st.step())
    throw sdk::InputError("ANSWER: the アンケート " + std::to_string(s.id) + " has no answer " +
                          std::to_string(answer));
  if (st.get_text(2) != "text" || st.is_null(0))
    throw sdk::InputError("ANSWER: answer " + std::to_string(answer) + " is not a free-text answer");
  if (auto issue = st.get_optional_int(1))
    throw sdk::InputError("ANSWER: answer " + std::to_string(answer) + " is already the local issue " +
                          std::to_string(*issue));
  const std::string text = st.get_text(0);
  // The title: the answer's first line, cut at 40 characters (whole UTF-8 characters).
  std::string title = text.substr(0, text.find('\n'));
  std::size_t chars = 0, cut = 0;
  for (std::size_t i = 0; i < title.size(); ++i)
    if ((static_cast<unsigned char>(title[i]) & 0xC0) != 0x80 && chars++ == 40) {
      cut = i;
      break;
    }
  if (cut) title = title.substr(0, cut) + "…";
  const Id issue = issues.create_issue(
      db, {org, title, text, category, "", "評価・検証: アンケート「" + s.title + "」の自由記述"});
  sdk::Statement(db, "UPDATE evaluation_answers SET issue_id = ? WHERE id = ?").bind_all(issue, answer).run();
  tx.commit();
  return issue;
}

std::string format_percent(double percent) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", percent);
  return buf;
}

std::string format_mean(double mean) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", mean);
  return buf;
}

std::string format_cell(const Cell& c, bool mean) {
  if (c.suppressed || !c.value) return kSuppressed;
  std::string out = mean ? format_mean(*c.value) : format_number(*c.value);
  if (c.percent) out += " (" + format_percent(*c.percent) + ")";
  return out;
}

}  // namespace wasshoi::evaluation
