// Meeting kinds that fit and the 役員改選 in the window (issue 18). The file has the sample roster,
// a 会長's account, 六月の班長会 (a kind without 議決権) with one 議案, and 令和8年度 定期総会 with
// 「役員の選任について」. Signed in as the 会長:
//  1. 会議一覧: 「六月の班長会」; 議案・議決・承認 says 「この種類の会議では議決をとりません」 and shows
//     no 賛成 box and no 議決権者数.
//  2. 会議一覧: 「令和8年度 定期総会」; 議案・議決・承認: 「役員の候補」, 「一関」 typed into
//     「氏名で探す（候補）」, 「候補に加える」 on the first person found (role 会長, the first).
// Then the file is read back: the proposed officer's row.
#include <catch2/catch.hpp>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app_context.hpp>
#include <wasshoi/host/demo.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/registry.hpp>

#include "shell_driver.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

std::string no_spaces(std::string s) {
  std::erase(s, ' ');
  for (auto at = s.find("　"); at != std::string::npos; at = s.find("　"))
    s.erase(at, std::string("　").size());
  return s;
}

struct File {
  test::TempDir dir;
  fs::path db = dir / "kinds.db";
  sdk::OrgId org = 0;
  std::string first;  // the first person 「一関」 finds

  File() {
    host::App app{
        host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins", .actor = "setup"}};
    app.open_database();
    host::AppContext ctx(app);
    const sdk::DemoOptions opts = host::create_sample_organizations(app, 60);
    for (const auto& r : app.plugins().plugins())
      if (r.id == "members")
        for (const auto& step : sdk::impl::contributions(*r.contributions).demo_steps) step.fill(ctx, opts);
    org = opts.jichikai.front();
    auto& members = app.services().get<sdk::MemberDirectory>();
    const auto found = members.search_persons(app.db(), org, "一関", 8, std::nullopt);
    REQUIRE(!found.empty());
    first = found.front().name;
    const std::string o = std::to_string(org);
    app.db().exec(
        "INSERT INTO minutes_meetings(id, org_id, kind, title, start_at, end_at) VALUES"
        "(1, " +
        o +
        ", '班長会', '六月の班長会', '2026-06-07T19:00', '2026-06-07T20:30'),"
        "(2, " +
        o +
        ", '総会', '令和8年度 定期総会', '2026-04-19T10:00', '2026-04-19T11:30');"
        "INSERT INTO minutes_items(meeting_id, number, title) VALUES"
        "(1, 1, '回覧・配布物について'), (2, 1, '役員の選任について');");
    host::Accounts(app.db()).add(sdk::Access::everything(), "kaicho", "髙橋 一郎", test::kPassphrase,
                                 sdk::Role::Chair, org, std::nullopt);
  }
};

struct Window : test::ShellDriver {
  std::unique_ptr<host::App> app;

  explicit Window(File& f) {
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    app = std::make_unique<host::App>(host::AppOptions{.db_path = f.db,
                                                       .plugin_dir = test::bin_dir() / "plugins",
                                                       .login = "kaicho",
                                                       .passphrase = test::kPassphrase});
    app->open_database();
    shell =
        std::make_unique<gui::Shell>(*app, fonts, gui::ShellOptions{.start_org = f.org, .remember = false});
  }
  ~Window() { shell.reset(); }
  bool shows(const std::string& text) {
    return no_spaces(frame()).find(no_spaces(text)) != std::string::npos;
  }
};

}  // namespace

TEST_CASE("a 班長会 without votes shows no vote boxes and a 役員改選 takes a candidate from the roster") {
  File file;
  {
    Window w(file);
    w.frame();
    if (!w.shows("会議一覧")) w.click("議事録");
    REQUIRE(w.shell->show_panel("minutes.meetings"));
    w.click("六月の班長会");
    REQUIRE(w.shell->show_panel("minutes.agenda"));
    CHECK(w.shows("回覧・配布物について"));
    CHECK(w.shows("この種類の会議では議決をとりません"));
    CHECK_FALSE(w.shows("賛成"));
    CHECK_FALSE(w.shows("議決権者数"));

    REQUIRE(w.shell->show_panel("minutes.meetings"));
    w.click("令和8年度 定期総会");
    REQUIRE(w.shell->show_panel("minutes.agenda"));
    CHECK(w.shows("賛成"));
    REQUIRE(w.shows("役員の候補"));
    CHECK(w.shows("候補はまだいません"));
    w.type_before("氏名で探す（候補）", "一関", 2);
    w.click("候補に加える");
    CHECK_FALSE(w.shows("候補はまだいません"));
    // The person added is the first found (the window's order); the file says who.
    const auto name = sdk::query_text(w.app->db(), "SELECT name FROM minutes_officer_proposals");
    REQUIRE(name);
    CHECK(w.shows("会長" + *name));
  }
  sdk::Database db = sdk::Database::open(file.db, sdk::Database::Mode::ReadOnly);
  CHECK(sdk::query_text(
            db, "SELECT role || ' ' || fiscal_year || ' ' || count(*) FROM minutes_officer_proposals") ==
        "会長 2026 1");
  CHECK_THAT(sdk::query_text(db, "SELECT detail FROM audit_log WHERE action = 'minutes.officer_propose'")
                 .value_or(""),
             Catch::Contains("会長") && Catch::Contains("令和8年度"));
}
