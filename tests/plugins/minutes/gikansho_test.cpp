// The 総会's 議案書 (core/gikansho.hpp) on a real file with the real plugin libraries: the usual 議案
// numbered in order, the 年度 reported on, the officer's order and typed 議案 kept and printed, the
// cover, 目次 and page numbers read back from the PDF page by page; changes refused to a 班長, a 閲覧
// and other organizations' officers with nothing written.
#include "core/gikansho.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <wasshoi/host/accounts.hpp>

#include "core/meetings.hpp"
#include "fixture.hpp"
#include "pdf_pages.hpp"

using namespace wasshoi;
using namespace wasshoi::minutes;
using Catch::Matchers::Contains;

namespace {

// Text as compared: without spaces, line ends and full-width spaces (pdftotext spreads text out).
std::string flat(std::string s) {
  for (std::size_t at; (at = s.find("\u3000")) != std::string::npos;) s.erase(at, 3);
  return test::squeeze(s);
}

std::string last_audit(sdk::Database& db, const std::string& action) {
  return sdk::query_text(
             db, "SELECT detail FROM audit_log WHERE action = '" + action + "' ORDER BY id DESC LIMIT 1")
      .value_or("");
}

std::string page(const std::vector<std::string>& pages, int n) {
  REQUIRE(n >= 1);
  REQUIRE(n <= static_cast<int>(pages.size()));
  return flat(pages[static_cast<std::size_t>(n - 1)]);
}

}  // namespace

TEST_CASE("a 総会's 議案書 has the usual 議案 in order with a cover and a 目次 giving their pages") {
  test::Roster r(60);
  const MeetingId id = r.meeting("総会", {2026, 5, 17});
  const Gikansho g = build_gikansho(r.ctx, id);
  CHECK(g.period.fiscal_year == 2025);  // a 総会 in May reports the 年度 just ended
  REQUIRE(g.entries.size() == 6);
  CHECK(g.entries[0].item.title == "令和7年度 事業報告について");
  CHECK(g.entries[1].item.title == "令和7年度 決算報告について");
  CHECK(g.entries[3].item.title == "令和8年度 事業計画（案）について");
  CHECK(g.entries[4].item.title == "令和8年度 予算（案）について");
  CHECK(g.entries[5].item.title == "役員改選（案）について");
  // The minutes plugin's own sections are in the 事業報告, meetings before 行事.
  std::vector<std::string> ids;
  for (const auto& s : g.entries[0].sections) ids.push_back(s.id);
  INFO(Catch::Detail::stringify(ids));
  const auto meetings = std::find(ids.begin(), ids.end(), "minutes.meetings");
  const auto events = std::find(ids.begin(), ids.end(), "minutes.events");
  REQUIRE(meetings != ids.end());
  REQUIRE(events != ids.end());
  CHECK(meetings < events);

  g.document.save_pdf(r.tmp / "g.pdf");
  const auto pages = test::pdf_page_texts(r.tmp / "g.pdf");
  CHECK_THAT(page(pages, 1), Contains("令和8年度定期総会"));
  CHECK_THAT(page(pages, 1), Contains("議案書"));
  CHECK_THAT(page(pages, 1), Contains("令和8年5月17日（日）"));
  CHECK_THAT(flat(pages[0]), !Contains("-1-"));
  CHECK_THAT(page(pages, 2), Contains("目次"));
  for (const auto& e : g.entries) {
    INFO(e.item.title);
    const std::string heading = "第" + std::to_string(e.number) + "号議案";
    CHECK_THAT(page(pages, e.page), Contains(flat(heading + "　" + e.item.title)));
    CHECK_THAT(page(pages, 2), Contains(flat(heading + "　" + e.item.title) + std::to_string(e.page)));
    CHECK_THAT(page(pages, e.page), Contains("-" + std::to_string(e.page) + "-"));
  }
  CHECK(g.entries.front().page == 3);
  for (const auto& p : g.problems()) UNSCOPED_INFO(p.error);
  CHECK(g.problems().empty());
  CHECK(test::count_rows(r.db(), "minutes_gikansho_items") == 0);  // building is a read
}

TEST_CASE("the 年度 reported on follows the 総会's date and the officer may change it") {
  CHECK(default_report_year({2026, 4, 19}) == 2025);
  CHECK(default_report_year({2026, 9, 30}) == 2025);
  CHECK(default_report_year({2026, 10, 1}) == 2026);
  CHECK(default_report_year({2027, 3, 20}) == 2026);
  test::Roster r(40);
  const MeetingId id = r.meeting("総会", {2026, 4, 19});
  set_gikansho_year(r.ctx, id, 2024);
  CHECK(last_audit(r.db(), "minutes.gikansho_year") == "meeting " + std::to_string(id) + ": 2024");
  Gikansho g = build_gikansho(r.ctx, id);
  CHECK(g.period.fiscal_year == 2024);
  CHECK(g.entries[0].item.title == "令和6年度 事業報告について");
  CHECK(g.entries[3].item.title == "令和7年度 事業計画（案）について");
  CHECK(build_gikansho(r.ctx, id, 2023).period.fiscal_year == 2023);  // `--year` for one booklet
  set_gikansho_year(r.ctx, id, std::nullopt);
  CHECK(build_gikansho(r.ctx, id).period.fiscal_year == 2025);
  // Stored 議案 with their usual titles follow the 年度; a title the officer wrote stays.
  edit_gikansho_item(r.ctx, id, 6, "役員改選（案）について（髙﨑 ｶﾀｶﾅ）", "");
  set_gikansho_year(r.ctx, id, 2024);
  const auto items = gikansho_items(r.db(), get_meeting(r.db(), id));
  CHECK(items[0].title == "令和6年度 事業報告について");
  CHECK(items[4].title == "令和7年度 予算（案）について");
  CHECK(items[5].title == "役員改選（案）について（髙﨑 ｶﾀｶﾅ）");
}

TEST_CASE("the officer's order and typed 議案 are kept and printed in their place") {
  test::Roster r(40);
  const MeetingId id = r.meeting("総会", {2026, 5, 17});
  const std::string text = "第5条を次のように改める。\n会費は年額 3,000円 とする（髙﨑 𠮷田 ｶﾀｶﾅ）。";
  CHECK(add_gikansho_item(r.ctx, id, "規約改正について", text) == 7);
  move_gikansho_item(r.ctx, id, 7, -1);
  move_gikansho_item(r.ctx, id, 1, +1);
  edit_gikansho_item(r.ctx, id, 1, "令和7年度 決算報告について",
                     "収入合計 1,234,000円\n支出合計 1,111,000円");
  CHECK(test::audits(r.db(), "minutes.gikansho_add") == 1);
  CHECK(test::audits(r.db(), "minutes.gikansho_move") == 2);
  CHECK(last_audit(r.db(), "minutes.gikansho_edit") ==
        "第1号議案 of meeting " + std::to_string(id) + ": 令和7年度 決算報告について");
  CHECK_THROWS_WITH(move_gikansho_item(r.ctx, id, 1, -1), Contains("already first"));
  CHECK_THROWS_WITH(edit_gikansho_item(r.ctx, id, 9, "x", ""), Contains("no 第9号議案"));
  CHECK_THROWS_WITH(add_gikansho_item(r.ctx, id, "  ", ""), Contains("title"));

  const Gikansho g = build_gikansho(r.ctx, id);
  REQUIRE(g.entries.size() == 7);
  CHECK(g.entries[0].item.title == "令和7年度 決算報告について");
  CHECK(g.entries[1].item.title == "令和7年度 事業報告について");
  CHECK(g.entries[5].item.title == "規約改正について");
  CHECK_FALSE(g.entries[5].item.part.has_value());
  CHECK(g.entries[6].item.title == "役員改選（案）について");
  g.document.save_pdf(r.tmp / "g.pdf");
  const auto pages = test::pdf_page_texts(r.tmp / "g.pdf");
  CHECK_THAT(page(pages, g.entries[5].page), Contains(flat("第6号議案　規約改正について")));
  CHECK_THAT(page(pages, g.entries[5].page), Contains(flat("会費は年額 3,000円 とする（髙﨑 𠮷田 ｶﾀｶﾅ）")));
  CHECK_THAT(page(pages, g.entries[0].page), Contains("収入合計1,234,000円"));

  remove_gikansho_item(r.ctx, id, 6);
  CHECK(gikansho_items(r.db(), get_meeting(r.db(), id)).size() == 6);
  CHECK(last_audit(r.db(), "minutes.gikansho_remove") ==
        "第6号議案 of meeting " + std::to_string(id) + ": 規約改正について");
}

TEST_CASE("a meeting that is not a 総会 has no 議案書") {
  test::Roster r(20);
  const MeetingId id = r.meeting("役員会", {2026, 5, 9});
  CHECK_THROWS_WITH(build_gikansho(r.ctx, id), Contains("a 議案書 is made for a 総会 or 臨時総会"));
  CHECK_THROWS_WITH(add_gikansho_item(r.ctx, id, "規約改正について", ""), Contains("総会"));
  CHECK(test::count_rows(r.db(), "minutes_gikansho_items") == 0);
}

TEST_CASE(
    "a 班長, a 閲覧 and other organizations' officers cannot change the 議案書 and nothing is written") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  test::Roster r(40);
  const MeetingId id = r.meeting("総会", {2026, 5, 17});
  const std::filesystem::path file = r.scratch.target();
  {
    host::Accounts acc(r.db());
    const auto full = sdk::Access::everything();
    const auto hans = r.app.orgs().han(r.org());
    const auto other_han = hans.back().id;  // a 班長 of a 班 (the meeting is the whole 自治会's)
    acc.add(full, "kaicho", "髙橋 一郎", test::kPassphrase, sdk::Role::Chair, r.org(), std::nullopt);
    acc.add(full, "hancho", "𠮷田 ｼﾞﾛｳ", test::kPassphrase, sdk::Role::HanLeader, r.org(), other_han);
    acc.add(full, "etsuran", "閲覧 三郎", test::kPassphrase, sdk::Role::Viewer, r.org(), std::nullopt);
    acc.add(full, "kaicho_b", "第二 会長", test::kPassphrase, sdk::Role::Chair, r.opts.jichikai.at(1),
            std::nullopt);
    acc.add(full, "kyodo", "協議会 会長", test::kPassphrase, sdk::Role::Chair, r.opts.kyodotai, std::nullopt);
  }
  auto as = [&](const std::string& login) {
    auto app = std::make_unique<host::App>(host::AppOptions{.db_path = file,
                                                            .plugin_dir = test::bin_dir() / "plugins",
                                                            .login = login,
                                                            .passphrase = test::kPassphrase});
    app->open_database();
    app->enter(app->access().org, "minutes");
    return app;
  };
  for (const char* login : {"hancho", "etsuran", "kaicho_b", "kyodo"}) {
    INFO(login);
    auto app = as(login);
    host::AppContext ctx(*app, app->access().org);
    const auto before = sdk::query_int(app->db(), "SELECT count(*) FROM audit_log");
    CHECK_THROWS_AS(move_gikansho_item(ctx, id, 2, -1), sdk::InputError);
    CHECK_THROWS_AS(edit_gikansho_item(ctx, id, 2, "令和7年度 決算報告について", "収入 0円"),
                    sdk::InputError);
    CHECK_THROWS_AS(add_gikansho_item(ctx, id, "規約改正について", ""), sdk::InputError);
    CHECK_THROWS_AS(remove_gikansho_item(ctx, id, 1), sdk::InputError);
    CHECK_THROWS_AS(set_gikansho_year(ctx, id, 2020), sdk::InputError);
    CHECK(sdk::query_int(app->db(), "SELECT count(*) FROM minutes_gikansho_items") == 0);
    CHECK(sdk::query_int(app->db(), "SELECT count(*) FROM minutes_gikansho_years") == 0);
    CHECK(sdk::query_int(app->db(), "SELECT count(*) FROM audit_log") == before);
  }
  // Reading it is anyone's of the 自治会: the 班長 and the 閲覧 build it; another 自治会 does not see it.
  for (const char* login : {"hancho", "etsuran"}) {
    auto app = as(login);
    host::AppContext ctx(*app, app->access().org);
    CHECK(build_gikansho(ctx, id).entries.size() == 6);
  }
  {
    auto app = as("kaicho_b");
    host::AppContext ctx(*app, app->access().org);
    CHECK_THROWS_AS(build_gikansho(ctx, id), sdk::InputError);
  }
  {
    auto app = as("kaicho");
    host::AppContext ctx(*app, app->access().org);
    move_gikansho_item(ctx, id, 2, -1);
    CHECK(gikansho_items(app->db(), get_meeting(app->db(), id)).front().title ==
          "令和7年度 決算報告について");
  }
}

TEST_CASE("the 事業計画 lists the plan 年度's meetings by month or last 年度's months as a draft") {
  test::Roster r(20);
  r.meeting("総会", {2025, 4, 20});
  r.meeting("役員会", {2025, 6, 8});
  r.meeting("役員会", {2025, 6, 22});
  // A 臨時総会 in March reports its own 年度 (令和7年度) and plans 令和8年度.
  const MeetingId march = r.meeting("臨時総会", {2026, 3, 15});
  auto plan_of = [](const Gikansho& g) {
    REQUIRE(g.entries.size() == 6);
    const GikanshoEntry& plan = g.entries[3];
    REQUIRE(plan.sections.size() == 1);
    CHECK(plan.sections[0].id == "minutes.plan");
    CHECK(plan.sections[0].error.empty());
    REQUIRE(plan.sections[0].figures.size() == 1);
    return plan.sections[0].figures[0].value;
  };
  auto text_of = [&](const Gikansho& g, const std::string& name) {
    g.document.save_pdf(r.tmp / name);
    std::string all;
    for (const auto& p : test::pdf_page_texts(r.tmp / name)) all += flat(p);
    return all;
  };
  // Nothing scheduled in 令和8年度 yet: last 年度's months, one kind a month, stand in as a draft.
  Gikansho g = build_gikansho(r.ctx, march);
  CHECK(g.period.fiscal_year == 2025);
  CHECK(plan_of(g) == 3);  // 4月 総会, 6月 役員会 (held twice: listed once), 3月 臨時総会
  std::string all = text_of(g, "draft.pdf");
  CHECK_THAT(all, Contains("令和7年度に開催した月をもとにしています"));
  CHECK_THAT(all, Contains("6月役員会"));
  CHECK_THAT(all, !Contains("役員会、役員会"));
  // Once a meeting of 令和8年度 is scheduled, the plan lists what is scheduled, by its name.
  r.meeting("総会", {2026, 5, 17});
  g = build_gikansho(r.ctx, march);
  CHECK(plan_of(g) == 1);
  all = text_of(g, "plan.pdf");
  CHECK_THAT(all, Contains("令和8年度に予定している会議・行事"));
  CHECK_THAT(all, Contains("5月"));
  CHECK_THAT(all, !Contains("6月役員会"));
}
