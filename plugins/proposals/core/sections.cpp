// The three required sections (意見集約の方法, 経過, 具体的な提案), linked issues and attachments.
#include <fstream>
#include <iterator>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/orgs.hpp"
#include "core/proposals.hpp"
#include "core/schema.hpp"
#include "core/stored_fields.hpp"

namespace wasshoi::proposals {

namespace {

void require_date(const std::optional<sdk::Date>& d, const char* what) {
  if (!d || !d->valid()) throw sdk::InputError(std::string(what) + ": not a date");
  sdk::check_date(what, *d);
}

std::string require_text(const std::string& text, const char* what) {
  std::string t = sdk::trim(text);
  if (t.empty()) throw sdk::InputError(std::string(what) + ": the text is empty");
  sdk::check_text(sdk::TextKind::Note, what, t);
  return t;
}

void check_department(sdk::Database& db, sdk::OrganizationDirectory& orgs, std::optional<OrgId> dept) {
  if (!dept) return;
  const sdk::OrgRef o = orgs.get(db, *dept);
  if (o.kind != sdk::OrgKind::City || !o.parent)
    throw sdk::InputError("担当課: " + o.name + " (org " + std::to_string(*dept) +
                          ") is not a department or branch of the city");
}

// The attachment with its proposal's id; owner 0 when there is none with that id.
std::pair<ProposalId, Attachment> find_attachment(sdk::Database& db, std::int64_t attachment_id) {
  sdk::Statement st(db,
                    "SELECT proposal_id, kind, name, caption, length(data) FROM proposals_attachments "
                    "WHERE id = ?");
  st.bind(1, attachment_id);
  if (!st.step()) return {0, {}};
  return {st.get_int(0),
          {attachment_id, st.get_text(1), st.get_text(2), st.get_text(3),
           static_cast<std::size_t>(st.get_int(4))}};
}

}  // namespace

std::int64_t add_gathering(sdk::Database& db, ProposalId id, const Gathering& g) {
  require_date(g.held_on, "意見集約の方法: date");
  if (g.participants < 0 || g.answers < 0)
    throw sdk::InputError("意見集約の方法: figures cannot be negative");
  sdk::check_text(sdk::TextKind::Note, "意見集約の方法: note", g.note);
  if (g.method == GatheringMethod::Survey && g.answers == 0)
    throw sdk::InputError("意見集約の方法: アンケート needs the number of answers (回答数)");
  require_editable(db, id);
  sdk::Transaction tx(db, "proposals.section", id_text(id) + " 意見集約の方法");
  sdk::Statement(
      db,
      "INSERT INTO proposals_gatherings(proposal_id, method, held_on, participants, answers, note) "
      "VALUES(?,?,?,?,?,?)")
      .bind_all(id, to_string(g.method), g.held_on, g.participants, g.answers, sdk::trim(g.note))
      .run();
  auto row = db.last_insert_id();
  tx.commit();
  return row;
}

std::int64_t add_history(sdk::Database& db, ProposalId id, const HistoryEntry& h) {
  require_date(h.on, "経過: date");
  std::string text = require_text(h.text, "経過");
  require_editable(db, id);
  sdk::Transaction tx(db, "proposals.section", id_text(id) + " 経過");
  sdk::Statement(db, "INSERT INTO proposals_history(proposal_id, on_date, text) VALUES(?,?,?)")
      .bind_all(id, h.on, text)
      .run();
  auto row = db.last_insert_id();
  tx.commit();
  return row;
}

std::int64_t add_action(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id, const Action& a) {
  std::string text = require_text(a.text, "具体的な提案");
  check_department(db, orgs, a.department);
  require_editable(db, id);
  sdk::Transaction tx(db, "proposals.section", id_text(id) + " 具体的な提案");
  sdk::Statement(db,
                 "INSERT INTO proposals_actions(proposal_id, position, text, department_org_id) "
                 "VALUES(?1, (SELECT COALESCE(MAX(position), 0) + 1 FROM proposals_actions WHERE proposal_id "
                 "= ?1), ?2, ?3)")
      .bind_all(id, text, a.department)
      .run();
  auto row = db.last_insert_id();
  tx.commit();
  return row;
}

void remove_entry(sdk::Database& db, ProposalId id, Section section, std::int64_t entry_id) {
  static constexpr const char* kSql[] = {"DELETE FROM proposals_gatherings WHERE id = ? AND proposal_id = ?",
                                         "DELETE FROM proposals_history WHERE id = ? AND proposal_id = ?",
                                         "DELETE FROM proposals_actions WHERE id = ? AND proposal_id = ?"};
  require_editable(db, id);
  sdk::Transaction tx(db, "proposals.section", id_text(id) + " remove " + label(section));
  if (sdk::Statement(db, kSql[static_cast<int>(section)]).bind_all(entry_id, id).run() == 0)
    throw sdk::InputError(std::string(label(section)) + ": no entry " + std::to_string(entry_id) + " in " +
                          id_text(id));
  tx.commit();
}

void link_issue(sdk::Database& db, ProposalId id, sdk::IssueTracker* tracker, std::int64_t issue_id) {
  if (!tracker) throw sdk::InputError("linking issues needs the issues plugin (地域課題): enable it");
  require_editable(db, id);
  auto issue = tracker->issue(db, issue_id);
  if (!issue) throw sdk::InputError("no issue with id " + std::to_string(issue_id));
  sdk::Transaction tx(db, "proposals.link_issue", id_text(id) + " issue " + std::to_string(issue_id));
  sdk::Statement(db,
                 "INSERT INTO proposals_issues(proposal_id, issue_id, title) VALUES(?,?,?) "
                 "ON CONFLICT(proposal_id, issue_id) DO UPDATE SET title = excluded.title")
      .bind_all(id, issue_id, issue->title)
      .run();
  tx.commit();
}

std::int64_t add_attachment(sdk::Database& db, ProposalId id, const std::string& kind,
                            const std::string& name, const std::string& caption, const sdk::Blob& data) {
  if (kind != "photo" && kind != "map")
    throw sdk::InputError("attachment kind '" + kind + "' is not photo or map");
  sdk::check_text(sdk::TextKind::Line, "attachment name", name);
  sdk::check_text(sdk::TextKind::Line, "caption", caption);
  if (data.empty()) throw sdk::InputError("attachment " + name + " is empty");
  if (data.size() > kMaxAttachmentBytes)
    throw sdk::InputError("attachment " + name + " is " + std::to_string(data.size() / 1024) +
                          " KB; the limit is " + std::to_string(kMaxAttachmentBytes / 1024) + " KB");
  sdk::check_printable_image(name, data);  // the 要望書 prints it: only what the writer can print
  state_of(db, id);  // photos may be added after submission too (e.g. of the finished work)
  sdk::Transaction tx(db, "proposals.attach", id_text(id) + " " + name);
  sdk::Statement(
      db, "INSERT INTO proposals_attachments(proposal_id, kind, name, caption, data) VALUES(?,?,?,?,?)")
      .bind_all(id, kind, name, sdk::trim(caption), data)
      .run();
  auto row = db.last_insert_id();
  tx.commit();
  return row;
}

std::int64_t add_attachment_file(sdk::Database& db, ProposalId id, const std::string& kind,
                                 const std::filesystem::path& file, const std::string& caption) {
  const std::string bytes = sdk::read_input_file(file, sdk::FileKind::Picture, "attachment");
  sdk::Blob data(bytes.begin(), bytes.end());
  return add_attachment(db, id, kind, file.filename().string(), caption, data);
}

Attachment remove_attachment(sdk::Database& db, ProposalId id, std::int64_t attachment_id) {
  sdk::Transaction tx(db, "proposals.attach");  // checked inside it: nothing can change in between
  require_editable(db, id);
  std::string which = "attachment " + std::to_string(attachment_id);
  auto [owner, removed] = find_attachment(db, attachment_id);
  if (owner == 0) throw sdk::InputError(id_text(id) + " has no " + which);
  if (owner != id) throw sdk::InputError(which + " belongs to " + id_text(owner) + ", not to " + id_text(id));
  sdk::Statement(db, "DELETE FROM proposals_attachments WHERE id = ?").bind_all(attachment_id).run();
  tx.set_detail(id_text(id) + " remove " + removed.name);
  tx.commit();
  return removed;
}

sdk::Blob attachment_data(sdk::Database& db, std::int64_t attachment_id) {
  sdk::Statement st(db, "SELECT data FROM proposals_attachments WHERE id = ?");
  st.bind(1, attachment_id);
  if (!st.step()) throw sdk::InputError("no attachment with id " + std::to_string(attachment_id));
  return st.get_blob(0);
}

}  // namespace wasshoi::proposals
