#include "fake_services.hpp"

#include <wasshoi/sdk/error.hpp>

namespace wasshoi::test::fakes {

std::vector<sdk::Migration> migrations() {
  return {{1, "meetings and issues for the proposals tests",
           "CREATE TABLE testservices_meetings(id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, kind TEXT NOT NULL, "
           "title TEXT NOT NULL, on_date TEXT NOT NULL);"
           "CREATE TABLE testservices_issues(id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, title TEXT NOT NULL, "
           "category TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'received');"
           "CREATE TABLE testservices_history(id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, status TEXT, note TEXT);"}};
}

std::int64_t add_meeting(sdk::Database& db, sdk::OrgId org, const std::string& kind, const std::string& title,
                         const sdk::Date& on) {
  sdk::Transaction tx(db, "testservices.meeting", title);
  sdk::Statement(db, "INSERT INTO testservices_meetings(org_id, kind, title, on_date) VALUES(?,?,?,?)")
      .bind_all(org, kind, title, on.iso())
      .run();
  auto id = db.last_insert_id();
  tx.commit();
  return id;
}

namespace {
sdk::MeetingRef meeting_ref(const sdk::Statement& st) {
  sdk::Date d = *sdk::parse_iso_date(st.get_text(4));
  return {st.get_int(0), st.get_int(1), st.get_text(2), st.get_text(3), sdk::DateTime{d, 10, 0}, "approved"};
}
sdk::IssueRef issue_ref(const sdk::Statement& st) {
  return {st.get_int(0), st.get_int(1), st.get_text(2), st.get_text(3), st.get_text(4), 0};
}
}  // namespace

std::optional<sdk::MeetingRef> Meetings::meeting(sdk::Database& db, std::int64_t id) {
  sdk::Statement st(db, "SELECT id, org_id, kind, title, on_date FROM testservices_meetings WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return meeting_ref(st);
}

std::vector<sdk::MeetingRef> Meetings::meetings(sdk::Database& db, sdk::OrgId org, const sdk::Date& from, const sdk::Date& to) {
  sdk::Statement st(db, "SELECT id, org_id, kind, title, on_date FROM testservices_meetings "
                        "WHERE org_id = ? AND on_date BETWEEN ? AND ? ORDER BY on_date, id");
  st.bind_all(org, from.iso(), to.iso());
  std::vector<sdk::MeetingRef> out;
  while (st.step()) out.push_back(meeting_ref(st));
  return out;
}

std::int64_t Issues::create_issue(sdk::Database& db, const sdk::IssueDraft& d) {
  sdk::Transaction tx(db, "testservices.issue", d.title);
  sdk::Statement(db, "INSERT INTO testservices_issues(org_id, title, category) VALUES(?,?,?)")
      .bind_all(d.org, d.title, d.category.empty() ? "その他" : d.category)
      .run();
  auto id = db.last_insert_id();
  tx.commit();
  return id;
}

std::optional<sdk::IssueRef> Issues::issue(sdk::Database& db, std::int64_t id) {
  sdk::Statement st(db, "SELECT id, org_id, title, category, status FROM testservices_issues WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return issue_ref(st);
}

std::vector<sdk::IssueRef> Issues::search(sdk::Database& db, sdk::OrgId org, std::string_view query, int limit) {
  sdk::Statement st(db, "SELECT id, org_id, title, category, status FROM testservices_issues "
                        "WHERE org_id = ? AND instr(title, ?) > 0 ORDER BY id LIMIT ?");
  st.bind_all(org, std::string(query), limit);
  std::vector<sdk::IssueRef> out;
  while (st.step()) out.push_back(issue_ref(st));
  return out;
}

void Issues::set_status(sdk::Database& db, std::int64_t id, const std::string& status, const std::string& note) {
  auto i = issue(db, id);
  if (!i) throw sdk::InputError("no issue with id " + std::to_string(id));
  bool closed = i->status == "resolved" || i->status == "declined";
  if (status == i->status || status == "received" || (closed && status != "considering"))
    throw sdk::InputError("issue " + std::to_string(id) + " cannot move from " + i->status + " to " + status);
  sdk::Transaction tx(db, "testservices.status", std::to_string(id));
  sdk::Statement(db, "UPDATE testservices_issues SET status = ? WHERE id = ?").bind_all(status, id).run();
  sdk::Statement(db, "INSERT INTO testservices_history(issue_id, status, note) VALUES(?,?,?)").bind_all(id, status, note).run();
  tx.commit();
}

std::vector<std::string> status_notes(sdk::Database& db, std::int64_t issue) {
  sdk::Statement st(db, "SELECT note FROM testservices_history WHERE issue_id = ? ORDER BY id");
  st.bind(1, issue);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.get_text(0));
  return out;
}

}  // namespace wasshoi::test::fakes
