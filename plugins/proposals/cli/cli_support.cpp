#include "cli/cli_support.hpp"

#include <wasshoi/sdk/error.hpp>

#include "core/documents.hpp"
#include "core/lifecycle.hpp"

namespace wasshoi::proposals::cli {

namespace {
// A stored date that is not one (sdk/db.hpp) is null in JSON.
nlohmann::json date_json(const std::optional<sdk::Date>& d) {
  return d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr);
}
}  // namespace

using nlohmann::json;

namespace {
json opt_date(const std::optional<sdk::Date>& d) {
  return d ? json(d->iso()) : json();
}
}  // namespace

json summary_json(const ProposalSummary& s) {
  return {{"id", s.id},
          {"org", s.org},
          {"organization", s.org_name},
          {"title", s.title},
          {"kind", to_string(s.kind)},
          {"addressee", s.addressee},
          {"state", to_string(s.state)},
          {"state_label", label(s.state)},
          {"fiscal_year", s.fiscal_year},
          {"continuing", s.continuing},
          {"submitted_on", opt_date(s.submitted_on)},
          {"answered_on", opt_date(s.answered_on)},
          {"answer", s.answer ? json(to_string(*s.answer)) : json()}};
}

json proposal_json(const Proposal& p) {
  json j = {{"id", p.id},
            {"org", p.org},
            {"organization", p.org_name},
            {"title", p.title},
            {"kind", to_string(p.kind)},
            {"addressee", to_string(p.addressee)},
            {"addressee_org", p.addressee_org},
            {"place", p.place},
            {"doc_number", p.doc_number},
            {"contact_name", p.contact_name},
            {"contact_phone", p.contact_phone},
            {"reply_by", opt_date(p.reply_by)},
            {"state", to_string(p.state)},
            {"state_label", label(p.state)},
            {"fiscal_year", p.fiscal_year},
            {"approved_meeting", p.approved_meeting ? json(*p.approved_meeting) : json()},
            {"approved_on", opt_date(p.approved_on)},
            {"submitted_on", opt_date(p.submitted_on)},
            {"submitted_to", p.submitted_to},
            {"carried_into", p.carried_into},
            {"missing", missing_for_submit(p)}};
  for (const auto& g : p.gatherings)
    j["gatherings"].push_back({{"id", g.id},
                               {"method", to_string(g.method)},
                               {"date", date_json(g.held_on)},
                               {"participants", g.participants},
                               {"answers", g.answers},
                               {"note", g.note}});
  for (const auto& h : p.history)
    j["history"].push_back({{"id", h.id}, {"date", date_json(h.on)}, {"text", h.text}});
  for (const auto& a : p.actions)
    j["actions"].push_back(
        {{"id", a.id}, {"text", a.text}, {"department", a.department ? json(*a.department) : json()}});
  for (const auto& i : p.issues) j["issues"].push_back({{"id", i.issue_id}, {"title", i.title}});
  for (const auto& a : p.attachments)
    j["attachments"].push_back(
        {{"id", a.id}, {"kind", a.kind}, {"name", a.name}, {"caption", a.caption}, {"bytes", a.size}});
  if (p.answer)
    j["answer"] = {{"date", date_json(p.answer->on)},
                   {"category", to_string(p.answer->category)},
                   {"text", p.answer->text},
                   {"by", p.answer->answered_by}};
  for (const auto& g : p.progress)
    j["progress"].push_back({{"id", g.id}, {"date", date_json(g.on)}, {"text", g.text}});
  for (const char* k : {"gatherings", "history", "actions", "issues", "attachments", "progress"})
    if (!j.contains(k)) j[k] = json::array();
  return j;
}

json step_json(ProposalId id, const Proposal& p, const StepResult& r) {
  json j = {{"id", id}, {"state", to_string(p.state)}, {"issues", json::array()}};
  for (const auto& u : r.issues)
    j["issues"].push_back({{"id", u.issue_id}, {"from", u.from}, {"to", u.to}, {"reason", u.reason}});
  if (!r.warning.empty()) j["warning"] = r.warning;
  return j;
}

void print_summary_line(std::ostream& out, const ProposalSummary& s) {
  out << s.id << "\t" << sdk::format_fiscal_year_ja(s.fiscal_year) << "\t" << label(s.state)
      << (s.continuing && s.state != State::Continuing ? "(継続)" : "") << "\t" << s.org_name << "\t"
      << s.title << "\t→ " << s.addressee;
  if (s.answer) out << "\t回答: " << label(*s.answer);
  out << "\n";
}

void print_proposal(std::ostream& out, const Proposal& p) {
  out << "No." << p.id << " " << p.title << "（" << label(p.kind) << "）\n"
      << "状態: " << label(p.state) << "　" << sdk::format_fiscal_year_ja(p.fiscal_year) << "　" << p.org_name
      << "\n";
  out << "1. 意見集約の方法\n";
  for (const auto& g : p.gatherings) out << "  [" << g.id << "] " << gathering_line(g) << "\n";
  out << "2. 経過\n";
  for (const auto& h : p.history)
    out << "  [" << h.id << "] " << wareki_or_unknown(h.on) << "　" << h.text << "\n";
  out << "3. 具体的な提案\n";
  for (const auto& a : p.actions)
    out << "  [" << a.id << "] " << a.text
        << (a.department_name.empty() ? "" : "【" + a.department_name + "】") << "\n";
  if (!p.attachments.empty()) out << "位置図・写真\n";
  for (const auto& a : p.attachments)
    out << "  [" << a.id << "] " << (a.kind == "map" ? "位置図" : "写真") << "　" << a.name
        << (a.caption.empty() ? "" : "　" + a.caption) << "（" << (a.size + 1023) / 1024 << " KB）\n";
  if (!p.approved_meeting_label.empty())
    out << "承認: " << wareki_or_blank(p.approved_on) << " " << p.approved_meeting_label << "\n";
  if (p.submitted_on) out << "提出: " << sdk::format_wareki(*p.submitted_on) << " " << p.submitted_to << "\n";
  if (p.answer)
    out << "回答: " << wareki_or_unknown(p.answer->on) << " " << label(p.answer->category) << " "
        << p.answer->text << "\n";
  for (const auto& g : p.progress) out << "進捗: " << wareki_or_unknown(g.on) << " " << g.text << "\n";
  if (auto m = missing_for_submit(p); !m.empty() && (p.state == State::Draft || p.state == State::Approved))
    for (const auto& s : m) out << "未記入: " << s << "\n";
}

void print_step(std::ostream& out, const Proposal& p, const StepResult& r) {
  out << "proposal " << p.id << ": " << label(p.state) << "\n";
  for (const auto& u : r.issues)
    out << "  issue " << u.issue_id << ": "
        << (u.to.empty() ? "left as " + u.from + " (" + u.reason + ")" : u.from + " → " + u.to) << "\n";
  if (!r.warning.empty()) out << "  warning: " << r.warning << "\n";
}

}  // namespace wasshoi::proposals::cli
