#include "core/workflow.hpp"

#include <algorithm>
#include <map>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/exchange_formats.hpp"
#include "core/issues.hpp"

namespace wasshoi::issues {

namespace st = sdk::issue_status;

namespace {
const std::map<std::string, std::string, std::less<>>& labels() {
  static const std::map<std::string, std::string, std::less<>> m = {
      {st::kReceived, "受付"},   {st::kConsidering, "検討中"}, {st::kLocal, "自治会で対応"},
      {st::kToCity, "市へ要望"}, {st::kResolved, "解決"},      {st::kDeclined, "見送り"}};
  return m;
}

void insert_history(sdk::Database& db, IssueId id, const sdk::Date& on, const std::string& from,
                    const std::string& to, const std::string& note) {
  sdk::Statement(
      db,
      "INSERT INTO issues_history(uuid, issue_id, on_date, from_status, to_status, note) VALUES(?,?,?,?,?,?)")
      .bind_all(new_uuid(), id, on, from, to, note)
      .run();
}
}  // namespace

const std::vector<std::string>& statuses() {
  static const std::vector<std::string> all = {st::kReceived, st::kConsidering, st::kLocal,
                                               st::kToCity,   st::kResolved,    st::kDeclined};
  return all;
}

std::string parse_status(std::string_view text) {
  std::string t = sdk::trim(text);
  for (const auto& [id, label] : labels())
    if (t == id || t == label) return id;
  std::string valid;
  for (const auto& id : statuses())
    valid += (valid.empty() ? "" : ", ") + id + " (" + labels().find(id)->second + ")";
  throw sdk::InputError("status '" + t + "' is not one of: " + valid);
}

const char* status_label(std::string_view status) {
  auto it = labels().find(status);
  return it == labels().end() ? "?" : it->second.c_str();
}

bool is_closed(std::string_view s) {
  return s == st::kResolved || s == st::kDeclined;
}

bool can_move(std::string_view from, std::string_view to) {
  if (from == to) return false;
  if (to == st::kReceived) return false;               // 受付 is where every issue starts
  if (is_closed(from)) return to == st::kConsidering;  // reopened
  return true;
}

void set_status(sdk::Database& db, IssueId id, const std::string& to_text, const std::string& note,
                const sdk::Date& on) {
  std::string to = parse_status(to_text);
  Issue issue = get_issue(db, id);
  sdk::check_date("date", on);
  sdk::check_text(sdk::TextKind::Note, "note", note);
  if (!can_move(issue.status, to))
    throw sdk::InputError("issue " + std::to_string(id) + " cannot move from " + status_label(issue.status) +
                          " to " + status_label(to));
  sdk::Transaction tx(db, "issues.status", "#" + std::to_string(id) + " " + issue.status + " -> " + to);
  sdk::Statement(db, "UPDATE issues_issues SET status = ? WHERE id = ?").bind_all(to, id).run();
  insert_history(db, id, on, issue.status, to, note);
  touch(db, id);
  tx.commit();
}

void correct_status(sdk::Database& db, IssueId id, const std::string& to_text, const std::string& reason,
                    const sdk::Date& on) {
  const std::string to = parse_status(to_text);
  const std::string why = sdk::trim(reason);
  if (why.empty()) throw sdk::InputError("correcting a status needs a reason, which is kept in the history");
  sdk::check_text(sdk::TextKind::Note, "reason", why);
  sdk::check_date("date", on);
  const Issue issue = get_issue(db, id);
  if (issue.status == to)
    throw sdk::InputError("issue " + std::to_string(id) + " is " + status_label(to) + " already");
  sdk::Transaction tx(db, "issues.status_correct",
                      "#" + std::to_string(id) + " " + issue.status + " -> " + to + ": " + why);
  sdk::Statement(db, "UPDATE issues_issues SET status = ? WHERE id = ?").bind_all(to, id).run();
  insert_history(db, id, on, issue.status, to, "訂正: " + why);
  touch(db, id);
  tx.commit();
}

std::optional<std::string> previous_status(sdk::Database& db, IssueId id) {
  sdk::Statement q(db,
                   "SELECT from_status FROM issues_history WHERE issue_id = ? AND to_status <> '' "
                   "ORDER BY id DESC LIMIT 1");
  q.bind(1, id);
  if (!q.step() || q.get_text(0).empty()) return std::nullopt;
  return q.get_text(0);
}

std::string undo_status(sdk::Database& db, IssueId id, const std::string& reason, const sdk::Date& on) {
  get_issue(db, id);
  auto back = previous_status(db, id);
  if (!back) throw sdk::InputError("issue " + std::to_string(id) + " has no status change to take back");
  correct_status(db, id, *back, reason, on);
  return *back;
}

void add_note(sdk::Database& db, IssueId id, const std::string& note, const sdk::Date& on) {
  get_issue(db, id);
  if (sdk::trim(note).empty()) throw sdk::InputError("note: the note is empty");
  sdk::check_date("date", on);
  sdk::check_text(sdk::TextKind::Note, "note", note);
  sdk::Transaction tx(db, "issues.note", "#" + std::to_string(id));
  insert_history(db, id, on, "", "", note);
  touch(db, id);
  tx.commit();
}

std::vector<HistoryEntry> history(sdk::Database& db, IssueId id) {
  sdk::Statement q(db,
                   "SELECT uuid, on_date, from_status, to_status, note FROM issues_history WHERE issue_id = "
                   "? ORDER BY on_date, id");
  q.bind(1, id);
  std::vector<HistoryEntry> out;
  while (q.step()) out.push_back({q.get_text(0), q.get_date(1), q.get_text(2), q.get_text(3), q.get_text(4)});
  return out;
}

void set_split(sdk::Database& db, IssueId id, const Split& s) {
  get_issue(db, id);
  for (int v : {s.self, s.mutual, s.pub})
    if (v < 0 || v > 100)
      throw sdk::InputError("自助・共助・公助: each share is 0 to 100 percent, got " + std::to_string(v));
  int sum = s.self + s.mutual + s.pub;
  if (sum != 100 && sum != 0)
    throw sdk::InputError("自助・共助・公助: the shares add up to " + std::to_string(sum) + "%, not 100%");
  sdk::Transaction tx(db, "issues.split", "#" + std::to_string(id));
  sdk::Statement(
      db, "UPDATE issues_issues SET self_share=?, mutual_share=?, public_share=?, split_note=? WHERE id=?")
      .bind_all(s.self, s.mutual, s.pub, s.note, id)
      .run();
  touch(db, id);
  tx.commit();
}

}  // namespace wasshoi::issues
