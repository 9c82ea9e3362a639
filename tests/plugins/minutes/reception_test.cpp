// A 総会's reception by 班 (issue 18): the checklist of every member household under its 班, one
// mark per household as one audited write, the head count of those not on the list counted in
// the quorum and printed in the minutes' 定足数 sentence; a 班長, a 閲覧, another 自治会's 会長 and
// the 地域協働体's officer are refused with nothing written. Real file, real plugin libraries.
#include "core/reception.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <wasshoi/host/accounts.hpp>

#include "core/agenda.hpp"
#include "core/attendance.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"
#include "core/quorum.hpp"
#include "core/reception_papers.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::minutes;

namespace {

std::int64_t marks(sdk::Database& db, MeetingId m) {
  const std::string id = std::to_string(m);
  return sdk::query_int(db, "SELECT (SELECT count(*) FROM minutes_attendees WHERE meeting_id = " + id +
                                ") + (SELECT count(*) FROM minutes_absent_votes WHERE meeting_id = " + id +
                                ") + (SELECT count(*) FROM minutes_unlisted WHERE meeting_id = " + id + ")")
      .value_or(-1);
}

}  // namespace

TEST_CASE("the reception sheet lists every member household under its 班 in the 班 order") {
  test::Roster r(137);
  const MeetingId id = r.meeting("総会", {2026, 4, 19});
  const Meeting m = get_meeting(r.db(), id);
  const auto sheet = reception_sheet(r.db(), r.members(), r.orgs(), m);
  std::size_t rows = 0;
  for (const auto& g : sheet) {
    rows += g.rows.size();
    for (const auto& row : g.rows) {
      CHECK(row.household.han == g.name);
      CHECK(row.presence == Presence::Absent);
    }
  }
  CHECK(static_cast<int>(rows) == r.members().member_household_count(r.db(), r.org(), {2026, 4, 19}));
  const auto han = r.orgs().han(r.db(), r.org());
  REQUIRE(sheet.size() >= 2);
  std::size_t at = 0;  // the sheet's 班 follow the 自治会's order
  for (const auto& g : sheet) {
    while (at < han.size() && han[at].name != g.name) ++at;
    CHECK(at < han.size());
  }
  // A 役員会 has no reception.
  const Meeting board = get_meeting(r.db(), r.meeting("役員会", {2026, 5, 9}));
  CHECK_THROWS_WITH(reception_sheet(r.db(), r.members(), r.orgs(), board), Catch::Contains("総会 only"));
}

TEST_CASE("marks and the head count not on the list give the quorum the minutes print") {
  test::Roster r(120);
  const MeetingId id = r.meeting("総会", {2026, 4, 19});
  const Meeting m = get_meeting(r.db(), id);
  const auto sheet = reception_sheet(r.db(), r.members(), r.orgs(), m);
  const auto& first = sheet.front().rows;
  REQUIRE(first.size() >= 4);
  mark_household(r.db(), r.members(), id, first[0].household.id, Presence::Present);
  mark_household(r.db(), r.members(), id, first[1].household.id, Presence::Proxy);
  mark_household(r.db(), r.members(), id, first[2].household.id, Presence::Written);
  mark_household(r.db(), r.members(), id, first[3].household.id, Presence::Present);
  CHECK(test::audits(r.db(), "minutes.reception") == 4);
  CHECK(sdk::query_text(
            r.db(), "SELECT detail FROM audit_log WHERE action = 'minutes.reception' ORDER BY id LIMIT 1") ==
        "meeting " + std::to_string(id) + ": " + first[0].household.head_name + " 欠席 → 出席");
  // A changed mark replaces the old one; the same mark again writes nothing.
  mark_household(r.db(), r.members(), id, first[3].household.id, Presence::Proxy);
  const auto before = test::audits(r.db());
  mark_household(r.db(), r.members(), id, first[3].household.id, Presence::Proxy);
  CHECK(test::audits(r.db()) == before);
  CHECK(presence_of(r.db(), id, first[3].household.id) == Presence::Proxy);
  CHECK(absent_votes(r.db(), id).size() == 3);

  set_unlisted_count(r.db(), id, 3);
  CHECK(unlisted_count(r.db(), id) == 3);
  CHECK(sdk::query_text(r.db(), "SELECT detail FROM audit_log WHERE action = 'minutes.unlisted'") ==
        "meeting " + std::to_string(id) + ": 0 → 3");
  const QuorumStatus q = quorum(r.db(), r.members(), m);
  CHECK(q.present == 4);  // 1 on the list + 3 not
  CHECK(q.unlisted == 3);
  CHECK(q.proxies == 2);
  CHECK(q.written == 1);
  CHECK(q.counted == 7);
  CHECK(voters(r.db(), m) == 7);
  const std::string sentence = quorum_statement(q, m.kind);
  CHECK_THAT(sentence,
             Catch::Contains("出席4世帯（名簿外3世帯を含む）、委任状2世帯、議決権行使書1世帯、計7世帯"));
  const auto pdf = r.tmp / "minutes.pdf";
  minutes_document(r.db(), r.orgs(), &r.members(), id).save_pdf(pdf);
  CHECK_THAT(test::squeeze(test::pdf_text(pdf)), Catch::Contains(test::squeeze(sentence)));

  CHECK_THROWS_WITH(set_unlisted_count(r.db(), id, -1), Catch::Contains("0 to 9999"));
  CHECK(unlisted_count(r.db(), id) == 3);
}

TEST_CASE("reception marks at a 役員会 or of another 自治会's household write nothing") {
  test::Roster r(40);
  const MeetingId sokai = r.meeting("総会", {2026, 4, 19});
  const MeetingId board = r.meeting("役員会", {2026, 5, 9});
  const auto own = r.households(r.org()).front();
  const auto other = r.households(r.opts.jichikai.at(1)).front();
  const auto before = test::audits(r.db());
  CHECK_THROWS_WITH(mark_household(r.db(), r.members(), board, own.id, Presence::Present),
                    Catch::Contains("総会 only"));
  CHECK_THROWS_WITH(set_unlisted_count(r.db(), board, 2), Catch::Contains("総会 only"));
  CHECK_THROWS_WITH(mark_household(r.db(), r.members(), sokai, other.id, Presence::Present),
                    Catch::Contains("not a member of the meeting's organization"));
  CHECK(marks(r.db(), sokai) == 0);
  CHECK(marks(r.db(), board) == 0);
  CHECK(test::audits(r.db()) == before);
}

TEST_CASE("a 班長 of either 班 and a 閲覧 and other organizations' officers are refused reception marks") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  test::Roster r(40);
  const std::filesystem::path file = r.scratch.target();
  const MeetingId id = r.meeting("総会", {2026, 4, 19});
  const Meeting m = get_meeting(r.db(), id);
  const auto sheet = reception_sheet(r.db(), r.members(), r.orgs(), m);
  REQUIRE(sheet.size() >= 2);
  const auto han_a = *sheet[0].han_id;
  const auto han_b = *sheet[1].han_id;
  host::Accounts acc(r.db());
  const auto full = sdk::Access::everything();
  acc.add(full, "kaicho", "髙橋 一郎", test::kPassphrase, sdk::Role::Chair, r.org(), std::nullopt);
  acc.add(full, "hancho_a", "𠮷田 ｼﾞﾛｳ", test::kPassphrase, sdk::Role::HanLeader, r.org(), han_a);
  acc.add(full, "hancho_b", "﨑山 ﾊﾅｺ", test::kPassphrase, sdk::Role::HanLeader, r.org(), han_b);
  acc.add(full, "etsuran", "閲覧 三郎", test::kPassphrase, sdk::Role::Viewer, r.org(), std::nullopt);
  acc.add(full, "kaicho_b", "第二 会長", test::kPassphrase, sdk::Role::Chair, r.opts.jichikai.at(1),
          std::nullopt);
  acc.add(full, "kyodo", "協議会 会長", test::kPassphrase, sdk::Role::Chair, r.opts.kyodotai, std::nullopt);
  auto as = [&](const std::string& login) {
    auto app = std::make_unique<host::App>(host::AppOptions{.db_path = file,
                                                            .plugin_dir = test::bin_dir() / "plugins",
                                                            .login = login,
                                                            .passphrase = test::kPassphrase});
    app->open_database();
    app->enter(app->access().org, "minutes");
    return app;
  };
  const auto household_a = sheet[0].rows.front().household.id;  // of the 班 of hancho_a
  for (const char* login : {"hancho_a", "hancho_b", "etsuran", "kaicho_b", "kyodo"}) {
    INFO(login);
    auto app = as(login);
    auto& dir = app->services().get<sdk::MemberDirectory>();
    const auto before = test::audits(app->db());
    CHECK_THROWS(mark_household(app->db(), dir, id, household_a, Presence::Present));
    CHECK_THROWS(mark_household(app->db(), dir, id, household_a, Presence::Proxy));
    CHECK_THROWS(set_unlisted_count(app->db(), id, 5));
    CHECK(marks(app->db(), id) == 0);
    CHECK(test::audits(app->db()) == before);
  }
  // The 会長 may.
  auto app = as("kaicho");
  mark_household(app->db(), app->services().get<sdk::MemberDirectory>(), id, household_a, Presence::Present);
  set_unlisted_count(app->db(), id, 2);
  CHECK(marks(app->db(), id) == 2);
}

namespace {

// Without spaces, half- or full-width (pdftotext drops or spreads them).
std::string flat(std::string s) {
  s = test::squeeze(std::move(s));
  for (auto at = s.find("　"); at != std::string::npos; at = s.find("　"))
    s.erase(at, std::string("　").size());
  return s;
}

// pdftotext of one page.
std::string page_text(const std::filesystem::path& pdf, int page) {
  const auto txt = pdf.string() + "." + std::to_string(page) + ".txt";
  const std::string p = std::to_string(page);
  REQUIRE(std::system(
              ("pdftotext -layout -f " + p + " -l " + p + " '" + pdf.string() + "' '" + txt + "'").c_str()) ==
          0);
  return flat(test::read_file(txt));
}

}  // namespace

TEST_CASE("the 受付名簿 prints one 班 a page with each household's name under its 班") {
  test::Roster r(60);
  const MeetingId id = r.meeting("総会", {2026, 4, 19});
  const Meeting m = get_meeting(r.db(), id);
  const auto sheet = reception_sheet(r.db(), r.members(), r.orgs(), m);
  const auto pdf = r.tmp / "list.pdf";
  sdk::Document doc = reception_list_document(r.db(), r.members(), r.orgs(), id);
  doc.save_pdf(pdf);
  REQUIRE(doc.page_count() == static_cast<int>(sheet.size()));
  for (std::size_t g = 0; g < sheet.size(); ++g) {
    const std::string page = page_text(pdf, static_cast<int>(g) + 1);
    INFO(sheet[g].name);
    CHECK_THAT(page, Catch::Contains("受付名簿"));
    CHECK_THAT(page, Catch::Contains(sheet[g].name));
    CHECK_THAT(page, Catch::Contains("計" + std::to_string(sheet[g].rows.size()) + "世帯"));
    CHECK_THAT(page, Catch::Contains("署名"));
    for (const auto& row : sheet[g].rows) CHECK_THAT(page, Catch::Contains(flat(row.household.head_name)));
    for (std::size_t other = 0; other < sheet.size(); ++other)
      if (other != g)
        for (const auto& row : sheet[other].rows)
          CHECK_THAT(page, !Catch::Contains(flat(row.household.address) + "□"));
  }
}

TEST_CASE("the 開催通知 with 出欠票 and 委任状 is one page per household in 班 order or blank forms") {
  test::Roster r(40);
  const MeetingId id = r.meeting("総会", {2026, 4, 19});
  add_item(r.db(), id, "令和7年度 事業報告について");
  add_item(r.db(), id, "規約の一部改正について");
  const Meeting m = get_meeting(r.db(), id);
  const auto sheet = reception_sheet(r.db(), r.members(), r.orgs(), m);
  const auto pdf = r.tmp / "notice.pdf";
  sdk::Document doc = notice_document(r.db(), &r.members(), r.orgs(), id, {{2026, 4, 12}, true, 0});
  doc.save_pdf(pdf);
  std::vector<std::pair<std::string, std::string>> order;  // 班, 世帯主
  for (const auto& g : sheet)
    for (const auto& row : g.rows) order.emplace_back(g.name, row.household.head_name);
  REQUIRE(doc.page_count() == static_cast<int>(order.size()));
  for (int page : {1, static_cast<int>(order.size()) / 2, static_cast<int>(order.size())}) {
    const auto& [han, name] = order[static_cast<std::size_t>(page - 1)];
    const std::string text = page_text(pdf, page);
    INFO("page " << page << ": " << text);
    CHECK_THAT(text, Catch::Contains(han + flat(name) + "様"));
    CHECK_THAT(text, Catch::Contains("令和8年4月19日"));
    CHECK_THAT(text, Catch::Contains("2026年4月19日"));
    CHECK_THAT(text, Catch::Contains("第1号議案令和7年度事業報告について"));
    CHECK_THAT(text, Catch::Contains("第2号議案規約の一部改正について"));
    CHECK_THAT(text, Catch::Contains("令和8年4月12日"));
    CHECK_THAT(text, Catch::Contains("きりとり線"));
    CHECK_THAT(text, Catch::Contains("議長を代理人と定め"));
  }
  // Blank forms: no names, the 受任者 left blank.
  const auto blank = r.tmp / "blank.pdf";
  sdk::Document forms = notice_document(r.db(), &r.members(), r.orgs(), id, {{2026, 4, 12}, false, 3});
  forms.save_pdf(blank);
  CHECK(forms.page_count() == 3);
  const std::string text = page_text(blank, 2);
  CHECK_THAT(text, Catch::Contains("会員各位"));
  CHECK_THAT(text, !Catch::Contains("議長を代理人"));
  for (const auto& [han, name] : order) CHECK_THAT(text, !Catch::Contains(flat(name)));
  // A deadline on or after the meeting, a 役員会: refused.
  CHECK_THROWS_WITH(notice_document(r.db(), &r.members(), r.orgs(), id, {{2026, 4, 19}, true, 0}),
                    Catch::Contains("before the meeting"));
  const MeetingId board = r.meeting("役員会", {2026, 5, 9});
  CHECK_THROWS_WITH(notice_document(r.db(), &r.members(), r.orgs(), board, {{2026, 5, 1}, true, 0}),
                    Catch::Contains("for a 総会"));
}
