// The 総括表 (yearly summary, PDF and CSV), the 処理簿 (tracking ledger) and the letter's signer.
#include <algorithm>
#include <tuple>
#include <wasshoi/sdk/csv.hpp>
#include <wasshoi/sdk/short_dates.hpp>

#include "core/documents.hpp"
#include "core/orgs.hpp"
#include "core/proposals.hpp"

namespace wasshoi::proposals {

std::string wareki_or_blank(const std::optional<sdk::Date>& d) {
  return d ? sdk::format_wareki(*d) : "";
}

std::string wareki_or_unknown(const std::optional<sdk::Date>& d) {
  return d ? sdk::format_wareki(*d) : std::string(sdk::kDateUnknown);
}

// The 総括表's one date style: the SDK's short 和暦 (R2.3.31, H31.4.30) for every row, so no
// date is written in a longer form that breaks inside its column.
std::string short_wareki(const std::optional<sdk::Date>& d) {
  return d ? sdk::format_wareki_short(*d) : "";
}

std::string gathering_line(const Gathering& g) {
  std::string s = std::string(label(g.method)) + "　" + wareki_or_unknown(g.held_on);
  if (g.participants > 0) s += "　参加 " + std::to_string(g.participants) + "人";
  if (g.answers > 0) s += "　回答 " + std::to_string(g.answers) + "件";
  if (!g.note.empty()) s += "　" + g.note;
  return s;
}

Signer signer_for(sdk::Database& db, const Proposal& p, sdk::MemberDirectory* members) {
  Signer s{p.org_name, "", p.submitted_on.value_or(sdk::today()), ""};
  int fy = sdk::fiscal_year(s.date);
  if (!members) {
    s.no_chair = "the members plugin (会員名簿) is not enabled: the 会長's name is left blank";
    return s;
  }
  for (const auto& r : members->officers(db, p.org, fy))
    if (r.role == "会長") {
      s.chair_name = r.person.name;
      return s;
    }
  s.no_chair = "no 会長 recorded for " + sdk::format_fiscal_year_ja(fy) + " of " + p.org_name +
               " in the members roster (会員名簿 → 役職): the name is left blank";
  return s;
}

namespace {

std::string answer_cell(const ProposalSummary& s) {
  if (!s.answer) return "";
  std::string t = std::string(label(*s.answer));
  if (!s.answer_text.empty()) t += "：" + s.answer_text;
  return t;
}

std::string state_cell(const ProposalSummary& s) {
  std::string t = label(s.state);
  if (s.continuing && s.state != State::Continuing) t += "（継続）";
  return t;
}

std::vector<std::string> summary_row(const ProposalSummary& s, int n, bool with_org) {
  std::vector<std::string> row{std::to_string(n)};
  if (with_org) row.push_back(s.org_name);
  std::string dates = short_wareki(s.submitted_on);
  if (s.answered_on) dates += "\n" + short_wareki(s.answered_on);
  for (auto& cell : {s.title, std::string(label(s.kind)), s.addressee, state_cell(s), dates, answer_cell(s)})
    row.push_back(cell);
  return row;
}

std::string scope_name(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org) {
  const sdk::OrgRef o = orgs.get(db, org);
  return o.kind == sdk::OrgKind::Kyodotai ? o.name + "（構成自治会を含む）" : o.name;
}

}  // namespace

sdk::Document summary_document(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, int fy) {
  auto list = list_proposals(db, orgs, org, fy);
  bool with_org = org_scope(db, orgs, org).size() > 1;
  std::string title = sdk::format_fiscal_year_ja(fy) + "　要望・提言 総括表";
  sdk::Document d(title);
  d.landscape();  // eight columns: the 件名 and the answer need the width
  d.title(title)
      .paragraph(scope_name(db, orgs, org), sdk::Align::Right)
      .paragraph(sdk::format_wareki_short(sdk::today()) + " 現在", sdk::Align::Right);
  int answered = 0;
  for (const auto& s : list) answered += s.answer ? 1 : 0;
  d.fields({{"件数", std::to_string(list.size()) + "件"}, {"回答済", std::to_string(answered) + "件"}});
  std::vector<sdk::TableColumn> cols{{"No", 0.45, sdk::Align::Right}};
  if (with_org) cols.push_back({"団体", 2.3});
  for (auto c : std::vector<sdk::TableColumn>{
           {"件名", 3.1}, {"種別", 1.05}, {"宛先", 2.2}, {"状態", 1.0}, {"提出／回答", 1.2}, {"回答", 3.2}})
    cols.push_back(c);
  std::vector<std::vector<std::string>> rows;
  int n = 0;
  for (const auto& s : list) rows.push_back(summary_row(s, ++n, with_org));
  d.table(cols, rows).footer(scope_name(db, orgs, org) + "　" + title);
  return d;
}

std::string summary_csv(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, int fy) {
  sdk::CsvWriter w;
  w.write_row(
      {"No", "団体", "年度", "件名", "種別", "宛先", "状態", "継続", "提出日", "回答日", "回答区分", "回答"});
  int n = 0;
  for (const auto& s : list_proposals(db, orgs, org, fy))
    w.write_row({std::to_string(++n), s.org_name, std::to_string(s.fiscal_year), s.title, label(s.kind),
                 s.addressee, label(s.state), s.continuing ? "継続" : "",
                 s.submitted_on ? s.submitted_on->iso() : "", s.answered_on ? s.answered_on->iso() : "",
                 s.answer ? label(*s.answer) : "", s.answer_text});
  return w.to_utf8_bom();
}

namespace {

// date (empty: 日付不明, first), 件名, 事項, 内容
using LedgerRow = std::tuple<std::optional<sdk::Date>, std::string, std::string, std::string>;

void ledger_rows(const Proposal& p, const std::string& title, std::vector<LedgerRow>& out) {
  if (p.approved_on) out.emplace_back(*p.approved_on, title, "承認", p.approved_meeting_label);
  if (p.submitted_on) out.emplace_back(*p.submitted_on, title, "提出", p.submitted_to);
  if (p.answer)
    out.emplace_back(p.answer->on, title, "回答",
                     std::string(label(p.answer->category)) + "：" + p.answer->text +
                         (p.answer->answered_by.empty() ? "" : "（" + p.answer->answered_by + "）"));
  for (const auto& g : p.progress) out.emplace_back(g.on, title, "進捗", g.text);
  for (int fy : p.carried_into)
    out.emplace_back(sdk::Date{fy, 4, 1}, title, "継続", sdk::format_fiscal_year_ja(fy) + "へ継続");
}

}  // namespace

sdk::Document ledger_document(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, int fy) {
  std::vector<LedgerRow> rows;
  for (const auto& s : list_proposals(db, orgs, org, fy)) {
    Proposal p = get_proposal(db, orgs, s.id);
    ledger_rows(p, "No." + std::to_string(p.id) + " " + p.title, rows);
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
  std::string title = sdk::format_fiscal_year_ja(fy) + "　要望・提言 処理簿";
  sdk::Document d(title);
  d.title(title).paragraph(scope_name(db, orgs, org), sdk::Align::Right);
  std::vector<std::vector<std::string>> cells;
  for (const auto& [date, name, what, text] : rows)
    cells.push_back({wareki_or_unknown(date), name, what, text});
  d.table({{"年月日", 1.3}, {"件名", 2.4}, {"事項", 1.0}, {"内容", 3.3}}, cells);
  d.footer(scope_name(db, orgs, org) + "　" + title);
  return d;
}

}  // namespace wasshoi::proposals
