// The minutes in the window, as the 会長 does it with the mouse and the keyboard (issue 15). The
// file has the sample roster, a 会長's account, and three 役員会: 四月の役員会 (signed, approved at
// 五月の役員会), 五月の役員会 with 第1号議案 voted 賛成2 反対1 (no attendance yet) and 六月の役員会.
// Signed in as the 会長:
//  1. sidebar 議事録 → 会議の設定: the radio button 「3分の2以上」, then 「定足数を保存」.
//  2. 会議一覧: the row 「五月の役員会」. 出席簿と定足数: 「一関」 typed into the search field
//     (left of 「氏名・ふりがな・住所で検索」), 「出席」 clicked beside three people; the last one's
//     「外す」, then 「元に戻す」.
//  3. 議案・議決・承認: 賛成 1 and 反対 2 typed over the recorded 2 and 1, the result 可決 → 否決,
//     「この議案を保存」: the window asks why (「議決の訂正」); 「挙手の数え違い」 typed, 「実行」.
//  4. 会議一覧: 「四月の役員会」. 議案・議決・承認 says 「承認済みの議事録は変更できません
//     （令和8年5月9日の役員会で承認）」; 「再開する」, 「前回の出席者の誤記」 typed, 「再開する」 in the
//     question.
// Then the file is read back: the rule, the attendance, the 議決, the audit log with both reasons.
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

// What the screen shows of a text: spaces, half- and full-width, draw nothing.
std::string no_spaces(std::string s) {
  std::erase(s, ' ');
  for (auto at = s.find("　"); at != std::string::npos; at = s.find("　"))
    s.erase(at, std::string("　").size());
  return s;
}

// Writes through SQL what the test starts from (the minutes plugin's own functions are in its
// library, not linked here): three 役員会 of the main 自治会, the first approved at the second.
struct File {
  test::TempDir dir;
  fs::path db = dir / "minutes.db";
  sdk::OrgId org = 0;
  std::vector<std::string> names;  // three persons 「一関」 finds, distinct names

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
    for (const auto& p : members.search_persons(app.db(), org, "一関", 30, std::nullopt))
      if (names.size() < 3 && std::find(names.begin(), names.end(), p.name) == names.end())
        names.push_back(p.name);
    REQUIRE(names.size() == 3);
    const std::string o = std::to_string(org);
    app.db().exec(
        "INSERT INTO minutes_meetings(id, org_id, kind, title, start_at, end_at, state, approved_at) VALUES"
        "(1, " +
        o +
        ", '役員会', '四月の役員会', '2026-04-11T19:00', '2026-04-11T20:30', 'approved', 2),"
        "(2, " +
        o +
        ", '役員会', '五月の役員会', '2026-05-09T19:00', '2026-05-09T20:30', 'draft', NULL),"
        "(3, " +
        o +
        ", '役員会', '六月の役員会', '2026-06-13T19:00', '2026-06-13T20:30', 'draft', NULL);"
        "INSERT INTO minutes_signatories(meeting_id, position, name, signed_on) VALUES"
        "(1, 1, '佐藤 一郎', '2026-04-18'), (1, 2, '鈴木 花子', '2026-04-18');"
        "INSERT INTO minutes_items(meeting_id, number, title, votes_for, votes_against, votes_abstain, "
        "result) "
        "VALUES(2, 1, '夏祭りの開催について', 2, 1, 0, 'approved');");
    host::Accounts(app.db()).add(sdk::Access::everything(), "kaicho", "髙橋 一郎", test::kPassphrase,
                                 sdk::Role::Chair, org, std::nullopt);
  }
};

struct Window : test::ShellDriver {
  File& file;
  std::unique_ptr<host::App> app;

  explicit Window(File& f) : file(f) {
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
  void type_here(const std::string& text) { type_text(text); }
  // A field whose label is drawn right of it: a click `left` em left of the label, then the text.
  void type_left_of(const std::string& label, const std::string& text, float left) {
    type_before(label, text, left);
  }
  // The button drawn left of `text` on its line (出席 left of a name in the search results).
  void click_left_of(const std::string& text, float left) {
    frame();
    auto at = imgui->find_start(text);
    INFO("looking for " << text << "; on screen: " << frame());
    REQUIRE(at);
    click_at(ImVec2(at->x - em() * left, at->y));
  }
  bool shows(const std::string& text) {
    return no_spaces(frame()).find(no_spaces(text)) != std::string::npos;
  }
};

}  // namespace

TEST_CASE(
    "as the 会長, the 定足数 rule, attendance, a 議決 correction and a re-opening are done in the window") {
  File file;
  {
    Window w(file);
    w.frame();
    // 1. 会議の設定, from the sidebar.
    if (!w.shows("会議の設定")) w.click("議事録");
    w.click("会議の設定");
    REQUIRE(w.shows("いまの決まり：会員世帯の過半数"));
    w.click("3分の2以上");
    w.click("定足数を保存");
    CHECK(w.shows("定足数の決まりを保存しました"));
    CHECK(w.shows("いまの決まり：会員世帯の3分の2以上（委任状・議決権行使書を含む）"));

    // 2. Attendance of 五月の役員会.
    REQUIRE(w.shell->show_panel("minutes.meetings"));
    w.click("五月の役員会");
    REQUIRE(w.shell->show_panel("minutes.attendance"));
    w.type_left_of("氏名・ふりがな・住所で検索", "一関", 2);
    for (const auto& name : file.names) {
      INFO(name);
      w.click_left_of(name, 1.5f);  // 出席
    }
    std::string screen = no_spaces(w.frame());
    CHECK(screen.find("記録済みの出席（3）") != std::string::npos);
    w.click("外す");  // the last row: the third person
    CHECK(w.shows(file.names[2] + "さんを外しました"));
    CHECK(w.shows("記録済みの出席（2）"));
    w.click("元に戻す");
    CHECK(w.shows("元に戻しました"));
    CHECK(w.shows("記録済みの出席（3）"));

    // 3. The 議決 of 第1号議案 corrected, with the reason.
    REQUIRE(w.shell->show_panel("minutes.agenda"));
    w.type_left_of("賛成", "1", 1.2f);
    w.type_left_of("反対", "2", 1.2f);
    w.click("可決");  // the result's list
    w.click("否決");
    w.click("この議案を保存");
    REQUIRE(w.shows("議決の訂正"));
    CHECK(w.shows("賛成2反対1棄権0可決→賛成1反対2棄権0否決"));
    w.type_here("挙手の数え違い");
    w.click("実行");
    CHECK(w.shows("議決を訂正しました"));

    // 4. 四月の役員会 is approved: the window says why, 再開する asks the reason.
    REQUIRE(w.shell->show_panel("minutes.meetings"));
    w.click("四月の役員会");
    REQUIRE(w.shell->show_panel("minutes.agenda"));
    CHECK(w.shows("承認済みの議事録は変更できません（令和8年5月9日の役員会で承認）"));
    w.click("再開する");
    REQUIRE(w.shows("議事録の再開"));
    w.type_here("前回の出席者の誤記");
    w.click("再開する");  // the question's button, in front
    CHECK(w.shows("議事録を再開しました"));
    CHECK_FALSE(w.shows("承認済みの議事録は変更できません"));
  }

  sdk::Database db = sdk::Database::open(file.db, sdk::Database::Mode::ReadOnly);
  const std::string o = std::to_string(file.org);
  CHECK(sdk::query_text(db,
                        "SELECT numerator || '/' || denominator || ' ' || strictly_more || count_proxies || "
                        "count_written FROM minutes_quorum_rules WHERE org_id = " +
                            o) == "2/3 011");
  CHECK(sdk::query_text(db,
                        "SELECT group_concat(name, ',') FROM (SELECT name FROM minutes_attendees WHERE "
                        "meeting_id = 2 ORDER BY name)") == [&] {
    auto n = file.names;
    std::sort(n.begin(), n.end());
    return n[0] + "," + n[1] + "," + n[2];
  }());
  CHECK(sdk::query_text(db,
                        "SELECT votes_for || '/' || votes_against || ' ' || result FROM minutes_items WHERE "
                        "meeting_id = 2") == "1/2 rejected");
  CHECK_THAT(
      sdk::query_text(db, "SELECT detail FROM audit_log WHERE action = 'minutes.vote_correct'").value_or(""),
      Catch::Contains("賛成2 反対1 棄権0 可決 → 賛成1 反対2 棄権0 否決: 挙手の数え違い"));
  CHECK_THAT(sdk::query_text(db, "SELECT detail FROM audit_log WHERE action = 'minutes.reopen'").value_or(""),
             Catch::Contains("前回の出席者の誤記"));
  CHECK(sdk::query_text(db, "SELECT actor FROM audit_log WHERE action = 'minutes.reopen'").value_or("") ==
        "kaicho");
  CHECK(sdk::query_text(db, "SELECT reason FROM minutes_reopenings WHERE meeting_id = 1") ==
        "前回の出席者の誤記");
  CHECK(sdk::query_text(db, "SELECT state FROM minutes_meetings WHERE id = 1") == "draft");
  CHECK(sdk::query_int(db, "SELECT count(*) FROM audit_log WHERE action = 'minutes.attend_restore'") == 1);
}
