// The roster's lists on paper (core/documents.cpp): each PDF read back with pdftotext, and who may
// print what — a 班長 only their 班, nobody the roster of another organization.
#include "core/documents.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "core/dues.hpp"
#include "core/households.hpp"
#include "core/roles.hpp"
#include "core/roster.hpp"
#include "members_fixture.hpp"
#include "pdf_pages.hpp"

using namespace wasshoi;
using namespace wasshoi::members;

namespace {

HanId han_named(test::RosterDb& r, const std::string& name) {
  return r.orgs().find_han(r.db(), r.org, name)->id;
}

// The PDF's text, spaces and line breaks removed (names are printed with their full-width space).
std::string text_of(test::RosterDb& r, const sdk::Document& doc, const std::string& name) {
  const auto pdf = r.dir / (name + ".pdf");
  doc.save_pdf(pdf);
  const auto txt = r.dir / (name + ".txt");
  const std::string cmd = "pdftotext '" + pdf.string() + "' '" + txt.string() + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string s = test::read_file(txt);
  std::erase_if(s, [](char c) { return c == ' ' || c == '\n' || c == '\r'; });
  return s;
}

sdk::Access han_leader(test::RosterDb& r, const std::string& han) {
  sdk::Access a;
  a.role = sdk::Role::HanLeader, a.org = r.org, a.han = han_named(r, han);
  return a;
}

void need_support(test::RosterDb& r, const std::string& reading, const std::string& note,
                  std::optional<PersonId> helper = {}) {
  Person p = get_person(r.db(), r.person_of(reading));
  p.data.needs_support = true;
  p.data.support_note = note;
  p.data.helper = helper;
  update_person(r.db(), p.id, p.data);
}

const sdk::Access kAll = sdk::Access::everything();

}  // namespace

TEST_CASE("the 安否確認 list of a 班 names its 要支援者 and helpers and a 班長 gets only their 班") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  need_support(r, "たかはしいちろう", "耳が遠い", r.person_of("たかはしはなこ"));
  need_support(r, "はやし", "足が不自由");
  const sdk::Date on{2026, 6, 1};

  const auto all = text_of(r, safety_document(r.db(), r.orgs(), kAll, {r.org, {}}, on), "all");
  CHECK(all.find("安否確認の一覧全班") != std::string::npos);
  CHECK(all.find("髙橋一郎") != std::string::npos);
  CHECK(all.find("林美智子") != std::string::npos);
  CHECK(all.find("足が不自由") != std::string::npos);

  const auto mine = safety_document(r.db(), r.orgs(), han_leader(r, "1班"), {r.org, {}}, on);
  CHECK(mine.is_landscape());
  CHECK(mine.text_scale() > 1.2);  // large type
  const auto one = text_of(r, mine, "han1");
  CHECK(one.find("髙橋一郎") != std::string::npos);
  CHECK(one.find("耳が遠い") != std::string::npos);
  CHECK(one.find("高橋花子0191-00-2222") != std::string::npos);  // the helper and their telephone
  CHECK(one.find("0191-00-1111") != std::string::npos);
  CHECK(one.find("確認") != std::string::npos);
  CHECK(one.find("林美智子") == std::string::npos);

  CHECK_THROWS_WITH(safety_document(r.db(), r.orgs(), han_leader(r, "1班"), {r.org, han_named(r, "3班")}, on),
                    Catch::Contains("own 班 only"));
  sdk::Access viewer;
  viewer.role = sdk::Role::Viewer, viewer.org = r.org, viewer.read_only = true;
  CHECK_NOTHROW(safety_document(r.db(), r.orgs(), viewer, {r.org, {}}, on));  // reading is 閲覧's
  sdk::Access outsider;  // a 地域協働体's officer asking for a 自治会's list
  outsider.role = sdk::Role::Chair, outsider.org = r.org + 1000;
  CHECK_THROWS_WITH(safety_document(r.db(), r.orgs(), outsider, {r.org, {}}, on),
                    Catch::Contains("personal data"));
}

TEST_CASE("the 集金表 of a 班 lists what each household owes and has paid with totals") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  set_dues_amount(r.db(), r.org, 2026, 3600);
  record_payment(r.db(),
                 DuesPayment{r.household_of("たかはしいちろう"), 2026, std::nullopt, {2026, 5, 10}, "班長"});
  set_household_dues(r.db(), r.household_of("たかはしはなこ"), 2026,
                     HouseholdDues{.exemption = Exemption::Partial, .waived = 1200, .reason = "単身世帯"});

  const auto doc = dues_sheet_document(r.db(), r.orgs(), han_leader(r, "1班"), {r.org, {}}, 2026, 1);
  const auto t = text_of(r, doc, "dues");
  CHECK(t.find("令和8年度会費集金表1班") != std::string::npos);
  CHECK(t.find("髙橋一郎") != std::string::npos);
  CHECK(t.find("高橋花子") != std::string::npos);
  CHECK(t.find("2,400円") != std::string::npos);  // 3,600 less 1,200 waived
  CHECK(t.find("一部免除（単身世帯）") != std::string::npos);
  CHECK(t.find("受領印") != std::string::npos);
  const auto total = t.find("合計（2世帯）");
  REQUIRE(total != std::string::npos);
  CHECK(t.find("6,000円", total) != std::string::npos);  // owed: 3,600 + 2,400
  CHECK(t.find("3,600円", total) != std::string::npos);  // paid
  CHECK(t.find("2,400円", total) != std::string::npos);  // still open
  CHECK(t.find("林美智子") == std::string::npos);
  CHECK(t.find("山﨑健太") == std::string::npos);

  CHECK_THROWS_WITH(
      dues_sheet_document(r.db(), r.orgs(), han_leader(r, "1班"), {r.org, han_named(r, "2班")}, 2026),
      Catch::Contains("own 班 only"));
  CHECK_THROWS_WITH(dues_sheet_document(r.db(), r.orgs(), kAll, {r.org, {}}, 2030),
                    Catch::Contains("no dues"));
}

TEST_CASE("領収書 come 2 or 4 to a page with cut lines and only for a household a 班長 may see") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  set_dues_amount(r.db(), r.org, 2026, 12000, DuesSchedule::Monthly);
  const HouseholdId h = r.household_of("はやし");
  for (int m = 4; m <= 8; ++m) record_payment(r.db(), DuesPayment{h, 2026, 1000, {2026, m, 5}, "会計"});
  const auto reversed = record_payment(r.db(), DuesPayment{h, 2026, 777, {2026, 9, 1}, "会計"});
  reverse_payment(r.db(), reversed, "二重に記録", {2026, 9, 2});

  const auto four = receipts_document(r.db(), r.orgs(), kAll, h, 2026, 4, "会計　千葉");
  CHECK(four.page_count() == 2);  // five receipts, four to a page
  const auto t = text_of(r, four, "receipts");
  CHECK(t.find("林美智子様") != std::string::npos);
  CHECK(t.find("￥1,000－") != std::string::npos);
  CHECK(t.find("令和8年8月5日") != std::string::npos);
  CHECK(t.find("切り取り線") != std::string::npos);
  CHECK(t.find("777") == std::string::npos);  // a reversed payment gets no receipt
  CHECK(receipts_document(r.db(), r.orgs(), kAll, h, 2026, 2).page_count() == 3);

  CHECK_THROWS_WITH(receipts_document(r.db(), r.orgs(), kAll, h, 2026, 3), Catch::Contains("2 or 4"));
  CHECK_THROWS_WITH(receipts_document(r.db(), r.orgs(), han_leader(r, "1班"), h, 2026, 2),
                    Catch::Contains("own 班 only"));
  CHECK_NOTHROW(receipts_document(r.db(), r.orgs(), han_leader(r, "3班"), h, 2026, 2));
  CHECK_THROWS_WITH(receipts_document(r.db(), r.orgs(), kAll, r.household_of("さとう"), 2026, 2),
                    Catch::Contains("paid nothing"));
}

TEST_CASE("the 名簿 by 班 for outside the 自治会 has no telephones") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  const sdk::Date on{2026, 6, 1};
  const auto full = text_of(r, roster_document(r.db(), r.orgs(), kAll, {r.org, {}}, false, on), "full");
  CHECK(full.find("1班（2世帯）") != std::string::npos);
  CHECK(full.find("3班（2世帯）") != std::string::npos);
  CHECK(full.find("0191-00-5555") != std::string::npos);
  CHECK(full.find("ハヤシミチコ") != std::string::npos);  // the reading in full-width katakana
  const auto outside = text_of(r, roster_document(r.db(), r.orgs(), kAll, {r.org, {}}, true, on), "outside");
  CHECK(outside.find("林美智子") != std::string::npos);
  CHECK(outside.find("0191-00") == std::string::npos);
  CHECK(outside.find("電話番号と備考は載せていません") != std::string::npos);
  const auto mine =
      text_of(r, roster_document(r.db(), r.orgs(), han_leader(r, "3班"), {r.org, {}}, false, on), "han3");
  CHECK(mine.find("林美智子") != std::string::npos);
  CHECK(mine.find("髙橋一郎") == std::string::npos);
  CHECK(mine.find("山﨑健太") == std::string::npos);
}

TEST_CASE("the 役員名簿 of a 年度 has 役職 氏名 住所 電話 and 任期 and is the officers' to print") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  assign_role(r.db(), r.org, r.person_of("たかはしいちろう"), find_role_kind(r.db(), r.org, "会長").id, 2026);
  assign_role(r.db(), r.org, r.person_of("はやし"), find_role_kind(r.db(), r.org, "会計").id, 2026);
  const auto t = text_of(r, officers_document(r.db(), r.orgs(), kAll, r.org, 2026), "officers");
  CHECK(t.find("令和8年度役員名簿") != std::string::npos);
  CHECK(t.find("会長髙橋一郎") != std::string::npos);
  CHECK(t.find("一関市山目字中野1-2,101号") != std::string::npos);
  CHECK(t.find("0191-00-1111") != std::string::npos);
  CHECK(t.find("令和8年4月1日〜令和9年3月31日") != std::string::npos);
  CHECK(t.find("会計林美智子") != std::string::npos);
  CHECK(t.find("会長髙橋一郎") != std::string::npos);
  CHECK(t.find("印") != std::string::npos);
  // One row, one line: the 役職 and the whole phone number side by side (pdftotext -layout).
  const auto pages = test::pdf_page_texts(r.dir / "officers.pdf");
  REQUIRE(pages.size() == 1);
  bool whole_row = false;
  std::size_t start = 0;
  for (std::size_t end; (end = pages[0].find('\n', start)) != std::string::npos; start = end + 1) {
    const std::string line = pages[0].substr(start, end - start);
    whole_row |= line.find("会長") != std::string::npos && line.find("0191-00-1111") != std::string::npos;
  }
  INFO(pages[0]);
  CHECK(whole_row);
  CHECK_THROWS_WITH(officers_document(r.db(), r.orgs(), han_leader(r, "1班"), r.org, 2026),
                    Catch::Contains("not a 班長"));
  CHECK_THROWS_WITH(officers_document(r.db(), r.orgs(), kAll, r.org, 2019), Catch::Contains("nobody holds"));
  sdk::Access outsider;
  outsider.role = sdk::Role::Officer, outsider.org = r.org + 7;
  CHECK_THROWS_WITH(officers_document(r.db(), r.orgs(), outsider, r.org, 2026),
                    Catch::Contains("personal data"));
}
