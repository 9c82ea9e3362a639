// Meeting kinds that fit (issue 18): a 臨時総会 gets its own 議案 template, a kind without 議決権
// (班長会 that reports) refuses a 議決 and its minutes print none, the templates are data the
// 会長 and 役員 edit in 会議の設定 — refused to a 班長, a 閲覧 and other organizations' officers,
// nothing written. Real file, real plugin libraries.
#include <catch2/catch.hpp>
#include <wasshoi/host/accounts.hpp>

#include "core/agenda.hpp"
#include "core/attendance.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::minutes;

namespace {

std::vector<std::string> titles(sdk::Database& db, MeetingId m) {
  std::vector<std::string> out;
  for (const auto& i : agenda(db, m)) out.push_back(i.title);
  return out;
}

}  // namespace

TEST_CASE("a 臨時総会 created with the standard agenda gets its own template and not the 定期総会's") {
  test::Roster r;
  const auto rinji =
      schedule_meeting(r.db(), test::Roster::meeting_input(r.org(), "臨時総会", {2026, 9, 6}), nullptr, true);
  CHECK(titles(r.db(), rinji) == std::vector<std::string>{"（議案名）"});
  const auto teiki =
      schedule_meeting(r.db(), test::Roster::meeting_input(r.org(), "総会", {2026, 4, 19}), nullptr, true);
  const auto t = titles(r.db(), teiki);
  REQUIRE(t.size() == 6);
  CHECK(t[0] == "令和7年度 事業報告について");
  CHECK(t[4] == "令和8年度 収支予算（案）について");
  CHECK(t[5] == "役員の選任について");
}

TEST_CASE("a 班長会 without votes refuses a 議決 in core and its minutes print no 議決 lines") {
  test::Roster r;
  CHECK_FALSE(find_kind(r.db(), r.org(), "班長会").has_votes);
  CHECK(find_kind(r.db(), r.org(), "役員会").has_votes);
  const auto id =
      schedule_meeting(r.db(), test::Roster::meeting_input(r.org(), "班長会", {2026, 6, 7}), nullptr, true);
  CHECK_FALSE(get_meeting(r.db(), id).has_votes);
  const auto before = sdk::query_text(r.db(),
                                      "SELECT string_agg(coalesce(result, '-'), ',') FROM minutes_items "
                                      "WHERE meeting_id = " +
                                          std::to_string(id));
  CHECK_THROWS_WITH(record_vote(r.db(), id, 1, Votes{3, 0, 0}),
                    Catch::Contains("no votes are taken at a 班長会") && Catch::Contains("会議の設定"));
  CHECK_THROWS_WITH(edit_item(r.db(), id, 1, ItemOutcome{"各班から報告があった。", Votes{2, 0, 0}, {}}),
                    Catch::Contains("no votes are taken"));
  CHECK(sdk::query_text(r.db(),
                        "SELECT string_agg(coalesce(result, '-'), ',') FROM minutes_items WHERE "
                        "meeting_id = " +
                            std::to_string(id)) == before);
  // Notes alone are kept.
  edit_item(r.db(), id, 1, ItemOutcome{"各班から報告があった。", {}, {}});
  CHECK(get_item(r.db(), id, 1).discussion == "各班から報告があった。");
  const auto text = minutes_document(r.db(), r.orgs(), &r.members(), id).to_markdown();
  CHECK(text.find("各班から報告があった。") != std::string::npos);
  CHECK(text.find("採決") == std::string::npos);
  CHECK(text.find("審議の結果") == std::string::npos);
  CHECK(text.find("議決") == std::string::npos);
}

TEST_CASE("an edited template and a kind switched to votes are used by the next meeting of that kind") {
  test::Roster r;
  host::AppContext ctx(r.app, r.org());
  set_template(ctx, r.org(), "臨時総会",
               {"規約改正（案）について", "{年度} 補正予算（案）について", "髙﨑𠮷 ｶﾀｶﾅ 記念事業"});
  CHECK(template_items(r.db(), r.org(), "臨時総会").size() == 3);
  CHECK(test::audits(r.db(), "minutes.template_edit") == 1);
  const auto id = schedule_meeting(r.db(), test::Roster::meeting_input(r.org(), "臨時総会", {2026, 11, 1}),
                                   nullptr, true);
  CHECK(titles(r.db(), id) == std::vector<std::string>{"規約改正（案）について",
                                                       "令和8年度 補正予算（案）について",
                                                       "髙﨑𠮷 ｶﾀｶﾅ 記念事業"});
  // Another 自治会 still has the standard one.
  CHECK(template_items(r.db(), r.opts.jichikai.at(1), "臨時総会") == std::vector<std::string>{"（議案名）"});
  // Removed down to nothing: no items.
  set_template(ctx, r.org(), "班長会", {});
  const auto h =
      schedule_meeting(r.db(), test::Roster::meeting_input(r.org(), "班長会", {2026, 7, 5}), nullptr, true);
  CHECK(agenda(r.db(), h).empty());
  CHECK_THROWS_WITH(set_template(ctx, r.org(), "役員会", {"報告事項", "  "}), Catch::Contains("blank"));
  CHECK_THROWS_WITH(set_template(ctx, r.org(), "運動会", {"x"}), Catch::Contains("unknown meeting kind"));
  set_kind_votes(ctx, r.org(), "班長会", true);
  CHECK(get_meeting(r.db(), h).has_votes);
  CHECK_THROWS_WITH(set_kind_votes(ctx, r.org(), "班長会", true), Catch::Contains("already"));
  add_item(r.db(), h, "防犯灯の増設について");
  CHECK(record_vote(r.db(), h, 1, Votes{0, 0, 0}, VoteResult::Approved) == VoteResult::Approved);
}

TEST_CASE("a 班長 a 閲覧 and other organizations' officers are refused editing templates and kinds") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  test::Roster r;
  const auto file = r.scratch.target();
  {
    host::Accounts acc(r.db());
    const auto full = sdk::Access::everything();
    const auto han = r.app.orgs().han(r.org()).front().id;
    acc.add(full, "kaicho", "髙橋 一郎", test::kPassphrase, sdk::Role::Chair, r.org(), std::nullopt);
    acc.add(full, "hancho", "𠮷田 ｼﾞﾛｳ", test::kPassphrase, sdk::Role::HanLeader, r.org(), han);
    acc.add(full, "etsuran", "閲覧 三郎", test::kPassphrase, sdk::Role::Viewer, r.org(), std::nullopt);
    acc.add(full, "kaicho_b", "第二 会長", test::kPassphrase, sdk::Role::Chair, r.opts.jichikai.at(1),
            std::nullopt);
    acc.add(full, "kyodo", "協議会 会長", test::kPassphrase, sdk::Role::Chair, r.opts.kyodotai, std::nullopt);
  }
  for (const char* login : {"hancho", "etsuran", "kaicho_b", "kyodo"}) {
    INFO(login);
    host::App app(host::AppOptions{.db_path = file,
                                   .plugin_dir = test::bin_dir() / "plugins",
                                   .login = login,
                                   .passphrase = test::kPassphrase});
    app.open_database();
    host::AppContext ctx(app, r.org());
    const auto rows = test::count_rows(app.db(), "minutes_templates");
    const auto log = test::count_rows(app.db(), "audit_log");
    CHECK_THROWS_AS(set_template(ctx, r.org(), "総会", {"事業報告"}), sdk::Error);
    CHECK_THROWS_AS(set_kind_votes(ctx, r.org(), "班長会", true), sdk::Error);
    CHECK(test::count_rows(app.db(), "minutes_templates") == rows);
    CHECK(test::count_rows(app.db(), "minutes_kind_options") == 0);
    CHECK(test::count_rows(app.db(), "audit_log") == log);
  }
}
