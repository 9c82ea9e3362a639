#include "core/reception_papers.hpp"

#include "core/agenda.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"
#include "core/reception.hpp"

namespace wasshoi::minutes {

namespace {

constexpr const char* kBox = "□";

std::string title_of(const Meeting& m) {
  return m.title.empty() ? m.kind : m.title;
}

}  // namespace

sdk::Document reception_list_document(sdk::Database& db, sdk::MemberDirectory& members,
                                      sdk::OrganizationDirectory& orgs, MeetingId id) {
  const Meeting m = get_meeting(db, id);
  const auto sheet = reception_sheet(db, members, orgs, m);
  const std::string org = orgs.name(db, m.org);
  sdk::Document doc(title_of(m) + " 受付名簿");
  doc.footer(org + "　" + title_of(m) + " 受付名簿");
  bool first = true;
  for (const auto& g : sheet) {
    if (!first) doc.page_break();
    first = false;
    doc.title(title_of(m) + " 受付名簿　" + g.name);
    doc.paragraph(org + "　" + meeting_when(m), sdk::Align::Right);
    std::vector<std::vector<std::string>> rows;
    int n = 0;
    for (const auto& r : g.rows)
      rows.push_back({std::to_string(++n), sdk::keep_together(r.household.head_name), r.household.address,
                      kBox, kBox, kBox, kBox, ""});
    rows.push_back({"", "計 " + std::to_string(g.rows.size()) + "世帯", "", "", "", "", "", ""});
    doc.table({{"No.", 0.45, sdk::Align::Right},
               {"世帯主", 1.6},
               {"住所", 2.6},
               {"出席", 0.6, sdk::Align::Center},
               {"委任状", 0.75, sdk::Align::Center},
               {"書面議決", 0.95, sdk::Align::Center},
               {"欠席", 0.6, sdk::Align::Center},
               {"署名", 1.6}},
              std::move(rows));
    doc.fields(
        {{"集計", "出席＿＿世帯　委任状＿＿世帯　書面議決＿＿世帯　欠席＿＿世帯　名簿外の出席＿＿世帯"}});
  }
  return doc;
}

sdk::Document notice_document(sdk::Database& db, sdk::MemberDirectory* members,
                              sdk::OrganizationDirectory& orgs, MeetingId id, const NoticeOptions& o) {
  const Meeting m = get_meeting(db, id);
  if (!m.general_assembly)
    throw sdk::InputError("the 開催通知 with 出欠票・委任状 is for a 総会; meeting " + std::to_string(id) +
                          " is a " + m.kind);
  const DateTime& start = m.start_at();
  if (!o.deadline.valid() || !(o.deadline < start.date))
    throw sdk::InputError("the deadline for the 出欠票 must be a date before the meeting (" +
                          sdk::format_wareki(start.date) + ")");
  if (o.blank_forms < 0 || o.blank_forms > 500)
    throw sdk::InputError("blank forms: 1 to 500; got " + std::to_string(o.blank_forms));
  const std::string org = orgs.name(db, m.org);
  const auto items = agenda(db, id);
  const std::string deadline = sdk::format_wareki(o.deadline) + "（西暦 " + std::to_string(o.deadline.year) +
                               "年" + std::to_string(o.deadline.month) + "月" +
                               std::to_string(o.deadline.day) + "日）";

  struct Form {
    std::string han, name;
  };
  std::vector<Form> forms;
  if (o.blank_forms > 0) {
    forms.assign(static_cast<std::size_t>(o.blank_forms), Form{});
  } else {
    if (!members)
      throw sdk::InputError("the 出欠票 per household need the roster (会員名簿), which is not enabled");
    for (const auto& g : reception_sheet(db, *members, orgs, m))
      for (const auto& r : g.rows) forms.push_back({g.name, r.household.head_name});
  }

  sdk::Document doc(title_of(m) + " 開催通知");
  doc.footer(org + "　" + title_of(m) + " 開催通知");
  bool first = true;
  for (const auto& f : forms) {
    if (!first) doc.page_break();
    first = false;
    doc.paragraph(f.name.empty() ? "会員各位" : f.han + "　" + sdk::keep_together(f.name) + " 様",
                  sdk::Align::Left);
    doc.paragraph(org + "　会長", sdk::Align::Right);
    doc.title(title_of(m) + " 開催のお知らせ");
    doc.paragraph("下記のとおり" + m.kind + "を開催いたします。ご出席くださいますようお願いいたします。" +
                  "ご欠席の場合は、下の委任状または書面議決書をご提出ください。");
    std::string list;
    for (const auto& it : items)
      list += (list.empty() ? "" : "\n") + ("第" + std::to_string(it.number) + "号議案　" + it.title);
    doc.fields({{"日時", meeting_when(m)},
                {"場所", m.place.empty() ? "—" : m.place},
                {"議案", list.empty() ? "当日お知らせします" : list},
                {"提出期限", deadline + "までに班長へお渡しください"}});
    std::string dashes;
    for (int i = 0; i < 20; ++i) dashes += "- ";
    doc.space(6);
    doc.paragraph(dashes + "きりとり線 " + dashes, sdk::Align::Center);
    doc.space(4);
    doc.subheading("出欠票・委任状・書面議決書（" + title_of(m) + "）");
    doc.fields({{"班", f.han.empty() ? "＿＿＿＿班" : f.han},
                {"世帯主", f.name.empty() ? "＿＿＿＿＿＿＿＿＿＿" : sdk::keep_together(f.name)},
                {"出欠", std::string(kBox) + " 出席します　　" + kBox + " 欠席します"}});
    const std::string holder = o.proxy_to_chair ? "議長" : "＿＿＿＿＿＿＿＿";
    doc.paragraph(std::string(kBox) + " 委任状：私は、" + holder + " を代理人と定め、" + title_of(m) +
                  "における議決権の行使を委任します。");
    if (!items.empty()) {
      doc.paragraph(std::string(kBox) + " 書面議決：各議案について次のとおり議決権を行使します。");
      std::vector<std::vector<std::string>> rows;
      for (const auto& it : items)
        rows.push_back({"第" + std::to_string(it.number) + "号議案　" + it.title, kBox, kBox});
      doc.table({{"議案", 5.0}, {"賛成", 0.8, sdk::Align::Center}, {"反対", 0.8, sdk::Align::Center}},
                std::move(rows));
    }
    doc.signatures({"署名"});
  }
  return doc;
}

}  // namespace wasshoi::minutes
