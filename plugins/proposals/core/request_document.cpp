// The 要望書: date and addressee, the organization and its 会長, title, the formal opening, 記,
// and the numbered sections the city's plan requires (1. 意見集約の方法 2. 経過 3. 具体的な提案).
#include <map>

#include "core/documents.hpp"
#include "core/proposals.hpp"

namespace wasshoi::proposals {

namespace {

constexpr const char* kOpening[] = {
    "　日頃より当会の活動に格別のご理解とご協力を賜り、厚く御礼申し上げます。",
    "　さて、下記のとおり地域の意見を取りまとめましたので、ご高配を賜りますようお願い申し上げます。"};

std::string s_or(const std::string& value, const std::string& label) {
  return value.empty() ? std::string() : label + value;
}

std::string title_line(const Proposal& p) {
  std::string t = p.title;
  if (!t.ends_with("について")) t += "について";
  return t + "（" + label(p.kind) + "）";
}

bool draft(const Proposal& p) {
  return p.state == State::Draft;
}

// 【案】 (a draft), 文書番号 and date at the right, the addressee, the organization and its 会長
// with a box for the seal (印).
void letter_head(sdk::Document& d, const Proposal& p, const std::string& to, const Signer& s) {
  if (draft(p)) d.subheading("【案】　この要望書は案です。役員会の承認後に提出してください。");
  if (!p.doc_number.empty()) d.paragraph(p.doc_number, sdk::Align::Right);
  d.paragraph(sdk::format_wareki(s.date), sdk::Align::Right);
  d.space(4);
  d.paragraph(to + "　様");
  d.space(4);
  d.paragraph(s.org_name, sdk::Align::Right);
  d.paragraph((s.chair_name.empty() ? "会長　　　　　　　　　　" : "会長　" + s.chair_name) + "　［印］",
              sdk::Align::Right);
  d.space(8);
}

// 連絡先: whom the city calls back about the letter.
void contact_lines(sdk::Document& d, const Proposal& p) {
  if (p.contact_name.empty() && p.contact_phone.empty()) return;
  d.space(4);
  d.paragraph("（連絡先）" + s_or(p.contact_name, "担当　") +
                  (p.contact_phone.empty() ? "" : "　電話　" + p.contact_phone),
              sdk::Align::Right);
}

void gathering_section(sdk::Document& d, const Proposal& p) {
  d.heading("1. 意見集約の方法");
  std::vector<std::vector<std::string>> rows;
  for (const auto& g : p.gatherings) {
    std::string figures;
    if (g.participants > 0) figures = "参加 " + std::to_string(g.participants) + "人";
    if (g.answers > 0)
      figures += (figures.empty() ? "" : "、") + std::string("回答 ") + std::to_string(g.answers) + "件";
    rows.push_back({label(g.method), wareki_or_unknown(g.held_on), figures, g.note});
  }
  d.table({{"方法", 1.1}, {"年月日", 1.4}, {"人数・回答数", 1.2}, {"結果・内容", 3.3}}, rows);
  if (!p.approved_meeting_label.empty() && p.approved_on)
    d.paragraph("本件は" + sdk::format_wareki(*p.approved_on) + "の" + p.approved_meeting_label +
                "において承認されました。");
}

void history_section(sdk::Document& d, const Proposal& p) {
  d.heading("2. 経過");
  std::vector<std::vector<std::string>> rows;
  for (const auto& h : p.history) rows.push_back({wareki_or_unknown(h.on), h.text});
  d.table({{"年月日", 1.4}, {"経過", 5.6}}, rows);
}

void actions_section(sdk::Document& d, const std::vector<const Action*>& actions) {
  d.heading("3. 具体的な提案");
  int n = 0;
  for (const Action* a : actions) {
    std::string line = "（" + std::to_string(++n) + "）" + a->text;
    if (!a->department_name.empty()) line += "　【担当: " + a->department_name + "】";
    d.paragraph(line);
  }
}

void particulars(sdk::Document& d, const Proposal& p) {
  std::vector<std::pair<std::string, std::string>> rows{{"件名", p.title}, {"種別", label(p.kind)}};
  if (!p.place.empty()) rows.emplace_back("場所", p.place);
  std::string issues;
  for (const auto& i : p.issues) issues += (issues.empty() ? "" : "、") + i.title;
  if (!issues.empty()) rows.emplace_back("関連課題", issues);
  if (p.reply_by)
    rows.emplace_back("回答期限",
                      sdk::format_wareki(*p.reply_by) + "までに文書でご回答くださいますようお願いします。");
  // 添付資料, each named as the 別紙 names it: 1. 位置図　… 2. 写真1　…
  std::string listed;
  int n = 0, photo = 0;
  for (const char* kind : {"map", "photo"})
    for (const auto& a : p.attachments) {
      if (a.kind != kind) continue;
      std::string label = a.kind == "map" ? std::string("位置図") : "写真" + std::to_string(++photo);
      listed += (listed.empty() ? "" : "\n") + std::to_string(++n) + ". " + label +
                (a.caption.empty() ? "" : "　" + a.caption);
    }
  if (!listed.empty()) rows.emplace_back("添付資料", listed + "\n（別紙のとおり）");
  d.fields(rows);
}

void sheet(sdk::Document& d, const Proposal& p, const std::string& to, const Signer& s,
           const std::vector<const Action*>& actions) {
  letter_head(d, p, to, s);
  d.title(title_line(p) + (draft(p) ? "（案）" : ""));
  for (const char* line : kOpening) d.paragraph(line);
  d.space(2);
  d.paragraph("記", sdk::Align::Center);
  particulars(d, p);
  gathering_section(d, p);
  history_section(d, p);
  actions_section(d, actions);
  d.space(4);
  d.paragraph("以上", sdk::Align::Right);
  contact_lines(d, p);
}

// 別紙: the map(s) first, then the photos, each scaled to the page width with its caption.
void attachments_sheet(sdk::Database& db, sdk::Document& d, const Proposal& p) {
  if (p.attachments.empty()) return;
  d.page_break().heading("別紙　位置図・写真");
  int photo = 0;
  for (const char* kind : {"map", "photo"})
    for (const auto& a : p.attachments) {
      if (a.kind != kind) continue;
      std::string label = a.kind == "map" ? std::string("位置図") : "写真" + std::to_string(++photo);
      d.image_data(a.name, attachment_data(db, a.id), a.caption.empty() ? label : label + "　" + a.caption);
    }
}

}  // namespace

sdk::Document request_document(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Proposal& p,
                               const Signer& s) {
  sdk::Document d(title_line(p));
  d.footer(s.org_name + "　" + title_line(p) + (draft(p) ? "（案）" : ""));
  // Items without a 担当課 go on the main sheet; each 担当課 gets a sheet of its own.
  std::vector<const Action*> main;
  std::map<std::string, std::vector<const Action*>> by_dept;
  for (const auto& a : p.actions)
    (a.department_name.empty() ? main : by_dept[a.department_name]).push_back(&a);
  std::string addressee = addressee_title(db, orgs, p.addressee, p.addressee_org);
  if (!p.addressee_person.empty()) addressee += "　" + p.addressee_person;
  if (!main.empty() || by_dept.empty()) sheet(d, p, addressee, s, main);
  bool first = main.empty() && !by_dept.empty();
  for (const auto& [dept, items] : by_dept) {
    if (!first) d.page_break();
    first = false;
    sheet(d, p, dept, s, items);
  }
  attachments_sheet(db, d, p);
  return d;
}

std::string request_preview(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Proposal& p,
                            const Signer& s) {
  return request_document(db, orgs, p, s).to_markdown();
}

}  // namespace wasshoi::proposals
