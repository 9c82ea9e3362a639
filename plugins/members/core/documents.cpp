#include "core/documents.hpp"

#include <map>

#include "core/dues.hpp"
#include "core/households.hpp"
#include "core/reading.hpp"
#include "core/roles.hpp"
#include "core/roster.hpp"
#include "core/safety.hpp"

namespace wasshoi::members {

namespace {

std::string han_label(const std::string& han) {
  return han.empty() ? "（班なし）" : han;
}

std::string or_dash(const std::string& s) {
  return s.empty() ? "—" : s;
}

// "3班" for one 班, "全班" for all.
std::string scope_label(sdk::Database& db, sdk::OrganizationDirectory& orgs, std::optional<HanId> han) {
  if (!han) return "全班";
  auto h = orgs.han_by_id(db, *han);
  return h ? h->name : "班 " + std::to_string(*han);
}

sdk::Document begin(const std::string& name, const std::string& footer) {
  sdk::Document doc(name);
  doc.footer(footer);
  return doc;
}

// "令和8年4月1日〜令和9年3月31日"
std::string term_of(int fiscal_year) {
  return sdk::format_wareki({fiscal_year, 4, 1}) + "〜" + sdk::format_wareki({fiscal_year + 1, 3, 31});
}

}  // namespace

std::optional<HanId> printable_han(const sdk::Access& access, OrgId org, std::optional<HanId> wanted,
                                   const char* what) {
  if (!access.may_see_personal_data(org))
    throw sdk::InputError(std::string("the ") + what + " of organization " + std::to_string(org) +
                          " is personal data of that 自治会: only its own officers print it");
  if (auto scope = access.han_scope(org)) {
    if (wanted && *wanted != *scope)
      throw sdk::InputError(std::string("a 班長 prints the ") + what + " of their own 班 only");
    return scope;
  }
  return wanted;
}

sdk::Document safety_document(sdk::Database& db, sdk::OrganizationDirectory& orgs, const sdk::Access& access,
                              const ListRequest& request, const Date& on) {
  const auto han = printable_han(access, request.org, request.han, "安否確認の一覧");
  const std::string org = orgs.name(db, request.org);
  const std::string scope = scope_label(db, orgs, han);
  const std::string title = "安否確認の一覧　" + scope;
  sdk::Document doc = begin(title, org + "　" + title);
  doc.landscape().text_scale(1.3);
  doc.title(title);
  doc.fields({{"自治会", org},
              {"作成日", sdk::format_wareki(on)},
              {"確認日時", "　　　年　　月　　日　　時　　分　　確認者："}});
  const auto entries = safety_list(db, request.org, han);
  if (entries.empty()) {
    doc.paragraph("この班に要支援者の登録はありません。");
    return doc;
  }
  const std::vector<sdk::TableColumn> cols{{"確認", 1.1, sdk::Align::Center},
                                           {"氏名（年齢）", 3.2},
                                           {"住所", 3.6},
                                           {"電話", 2.4},
                                           {"支援の内容", 3},
                                           {"見守り担当（電話）", 3.6}};
  std::map<std::string, std::vector<std::vector<std::string>>> by_han;
  std::vector<std::string> order;
  for (const auto& e : entries) {
    if (!by_han.count(e.han)) order.push_back(e.han);
    std::string age = e.birth_year ? "（" + std::to_string(on.year - *e.birth_year) + "歳）" : "";
    std::string helper = e.helper_name.empty() ? "（未定）" : e.helper_name;
    if (!e.helper_phone.empty()) helper += "\n" + e.helper_phone;
    by_han[e.han].push_back(
        {"", e.name + age, or_dash(e.address), or_dash(e.phone), or_dash(e.note), helper});
  }
  for (const auto& h : order) {
    if (order.size() > 1) doc.subheading(han_label(h) + "（" + std::to_string(by_han[h].size()) + "名）");
    doc.table(cols, by_han[h]);
  }
  doc.paragraph("要支援者 " + std::to_string(entries.size()) +
                "名。確認したら「確認」欄に○を付けてください。");
  doc.paragraph("個人情報です。訓練・災害対応のほかに使わず、終わったら班長が保管または廃棄してください。");
  return doc;
}

sdk::Document dues_sheet_document(sdk::Database& db, sdk::OrganizationDirectory& orgs,
                                  const sdk::Access& access, const ListRequest& request, int fiscal_year,
                                  std::optional<int> period) {
  const auto han = printable_han(access, request.org, request.han, "集金表");
  const auto setting = dues_setting(db, request.org, fiscal_year);
  if (!setting)
    throw sdk::InputError("no dues are set for " + sdk::format_fiscal_year_ja(fiscal_year) +
                          ": set the yearly amount first");
  const int p = period.value_or(current_period(db, request.org, fiscal_year));
  const std::string org = orgs.name(db, request.org);
  const std::string scope = scope_label(db, orgs, han);
  const std::string title = sdk::format_fiscal_year_ja(fiscal_year) + " 会費集金表　" + scope;
  sdk::Document doc = begin(title, org + "　" + title);
  doc.title(title);
  const bool yearly = setting->schedule == DuesSchedule::Yearly;
  doc.fields({{"自治会", org},
              {"年会費", yen(setting->amount) + "（1世帯）"},
              {"集金の期", yearly ? "年額" : period_name(setting->schedule, p) + "まで"},
              {"集金者", "　　　　　　　　　　　　　　　　　集金日　　　　年　　月　　日"}});
  const auto lines = dues_sheet(db, request.org, fiscal_year, han, p);
  std::vector<std::vector<std::string>> rows;
  std::int64_t due = 0, paid = 0, open = 0;
  int n = 0, exempt = 0;
  for (const auto& l : lines) {
    std::string note;
    if (l.exempt())
      note = "全額免除（" + l.exemption_reason + "）";
    else if (l.exemption == Exemption::Partial)
      note = "一部免除（" + l.exemption_reason + "）";
    else if (l.own_amount)
      note = "年額 " + yen(l.year_due);
    if (l.out_of_range) note = "金額を確認してください";
    const std::int64_t rest = l.exempt() ? 0 : std::max<std::int64_t>(0, l.due - l.paid);
    rows.push_back({std::to_string(++n), l.head_name, or_dash(l.address), l.exempt() ? "—" : yen(l.due),
                    l.paid ? yen(l.paid) : "", l.exempt() ? "" : (rest ? yen(rest) : "済"), "", note});
    if (l.out_of_range) continue;
    exempt += l.exempt();
    if (l.exempt()) continue;
    due += l.due, paid += l.paid, open += rest;
  }
  rows.push_back({"", "合計（" + std::to_string(lines.size()) + "世帯）", "", yen(due), yen(paid), yen(open),
                  "", exempt ? "免除 " + std::to_string(exempt) + "世帯" : ""});
  doc.table({{"No.", 1.0, sdk::Align::Right},
             {"世帯主", 2.6},
             {"住所", 3.2},
             {"納める額", 1.9, sdk::Align::Right},
             {"納入済", 1.9, sdk::Align::Right},
             {"未納", 1.9, sdk::Align::Right},
             {"受領印", 1.6, sdk::Align::Center},
             {"備考", 2.4}},
            rows);
  doc.paragraph("集金したら「受領印」欄に押印し、会計に集金表と会費を渡してください。");
  return doc;
}

sdk::Document receipts_document(sdk::Database& db, sdk::OrganizationDirectory& orgs,
                                const sdk::Access& access, HouseholdId household, int fiscal_year,
                                int per_page, const std::string& issuer) {
  if (per_page != 2 && per_page != 4)
    throw sdk::InputError("receipts are printed 2 or 4 to a page, not " + std::to_string(per_page));
  const Household h = get_household(db, household);
  printable_han(access, h.org, h.data.han ? h.data.han : std::optional<HanId>(-1), "領収書");
  std::vector<PaymentRecord> paid;
  for (const auto& r : payment_history(db, household, fiscal_year))
    if (!r.reverses && !r.reversed && r.amount > 0) paid.push_back(r);
  if (paid.empty())
    throw sdk::InputError("household " + std::to_string(household) + " (" + h.head_name +
                          ") paid nothing in " + sdk::format_fiscal_year_ja(fiscal_year) +
                          ": there is no receipt to print");
  const std::string org = orgs.name(db, h.org);
  const std::string title = "領収書　" + h.head_name + " 様　" + sdk::format_fiscal_year_ja(fiscal_year);
  sdk::Document doc = begin(title, org + "　領収書");
  // Each receipt fills its share of the page, so the cut lines fall where the paper is folded.
  const double share = per_page == 2 ? 118 : 54;  // mm a receipt's text leaves blank below it
  for (std::size_t i = 0; i < paid.size(); ++i) {
    const auto& r = paid[i];
    if (i && i % per_page == 0) doc.page_break();
    doc.subheading("領　収　書　　　No. " + std::to_string(r.id));
    doc.fields({{"", h.head_name + "　様"},
                {"金額", "￥" + yen(r.amount).substr(0, yen(r.amount).size() - 3) + "－"},
                {"但し", sdk::format_fiscal_year_ja(fiscal_year) + " 自治会費として（" +
                             han_label(h.han_name) + "）"},
                {"受領日", r.paid_on ? sdk::format_wareki(*r.paid_on) : "　　年　　月　　日"},
                {"", "上記の金額を正に領収いたしました。"},
                {"", org + "　" + (issuer.empty() ? r.collected_by : issuer) + "　　　　　　　　（印）"}});
    const bool last_on_page = (i + 1) % per_page == 0 || i + 1 == paid.size();
    if (!last_on_page) {
      doc.space(per_page == 2 ? share / 2.2 : 0.5);
      doc.paragraph("- - - - - - - - - - - - - - - - - 切り取り線 - - - - - - - - - - - - - - - - -",
                    sdk::Align::Center);
      doc.space(per_page == 2 ? share / 2.2 : 0.5);
    }
  }
  return doc;
}

sdk::Document roster_document(sdk::Database& db, sdk::OrganizationDirectory& orgs, const sdk::Access& access,
                              const ListRequest& request, bool outside, const Date& on) {
  const auto han = printable_han(access, request.org, request.han, "名簿");
  const std::string org = orgs.name(db, request.org);
  const std::string scope = scope_label(db, orgs, han);
  const std::string title = "会員名簿　" + scope;
  sdk::Document doc = begin(title, org + "　" + title);
  doc.title(title);
  doc.fields({{"自治会", org}, {"作成日", sdk::format_wareki(on)}});
  if (outside) doc.paragraph("自治会の外に渡す名簿です。電話番号と備考は載せていません。");
  RosterQuery q;
  q.org = request.org;
  q.han = han;
  q.heads_only = true;
  q.sort = RosterSort::Han;
  const auto rows = roster(db, q);
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::vector<std::string>>> by_han;
  for (const auto& r : rows) {
    if (!by_han.count(r.han)) order.push_back(r.han);
    std::vector<std::string> row{r.name, reading_for_display(r.reading), or_dash(r.address),
                                 std::to_string(r.people) + "人"};
    if (!outside) row.insert(row.begin() + 3, or_dash(r.phone));
    by_han[r.han].push_back(std::move(row));
  }
  std::vector<sdk::TableColumn> cols{
      {"世帯主", 2.6}, {"フリガナ", 2.8}, {"住所", 4}, {"人数", 1, sdk::Align::Right}};
  if (!outside) cols.insert(cols.begin() + 3, sdk::TableColumn{"電話", 2.4});
  if (rows.empty()) doc.paragraph("この班に世帯の登録はありません。");
  for (const auto& h : order) {
    doc.subheading(han_label(h) + "（" + std::to_string(by_han[h].size()) + "世帯）");
    doc.table(cols, by_han[h]);
  }
  return doc;
}

sdk::Document officers_document(sdk::Database& db, sdk::OrganizationDirectory& orgs,
                                const sdk::Access& access, OrgId org_id, int fiscal_year) {
  printable_han(access, org_id, std::nullopt, "役員名簿");
  if (access.han_scope(org_id))
    throw sdk::InputError("the 役員名簿 covers the whole 自治会: the 会長 or 役員 print it, not a 班長");
  const auto roles = roles_in_year(db, org_id, fiscal_year);
  if (roles.empty())
    throw sdk::InputError("nobody holds a role in " + sdk::format_fiscal_year_ja(fiscal_year) +
                          ": assign the 役員 first");
  const std::string org = orgs.name(db, org_id);
  const std::string title = sdk::format_fiscal_year_ja(fiscal_year) + " 役員名簿";
  sdk::Document doc = begin(title, org + "　" + title);
  doc.title(title);
  doc.paragraph(org, sdk::Align::Right);
  // Every officer of the 年度 serves the same term: said once, so the columns keep room for the
  // names and phone numbers (which are never broken).
  doc.fields({{"任期", term_of(fiscal_year)}});
  std::vector<std::vector<std::string>> rows;
  std::string chair;
  for (const auto& r : roles) {
    const auto hh = find_household(db, r.household);
    if (r.role == "会長" && chair.empty()) chair = r.person_name;
    rows.push_back({sdk::keep_together(r.han_name.empty() ? r.role : r.role + "（" + r.han_name + "）"),
                    sdk::keep_together(r.person_name), hh ? or_dash(hh->data.address) : "—",
                    hh ? or_dash(hh->data.phone) : "—"});
  }
  doc.table({{"役職", 2.4}, {"氏名", 2.6}, {"住所", 4.6}, {"電話", 2.6}}, rows);
  doc.space(4);
  doc.paragraph("上記のとおり、" + sdk::format_fiscal_year_ja(fiscal_year) + "の役員を届け出ます。");
  doc.paragraph("　　　年　　月　　日", sdk::Align::Right);
  doc.signatures({org + "　会長" + (chair.empty() ? "" : "　" + chair)});
  return doc;
}

}  // namespace wasshoi::members
