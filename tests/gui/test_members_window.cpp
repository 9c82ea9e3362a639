// 会費 in the window, as officers work it. A 自治会 with 1班 and 3班, two households in each
// (made through wasshoi-cli, as an import would), a 会長 (yamada) and the 3班 班長 (suzuki).
// The clicks, for reuse (the window in Japanese; the panel 会員名簿 → 会費, id members.dues):
//   1. set the 年度's dues: click into the field right of 「年会費（円）」, type 6000, click 「設定」
//      (「集め方」 beside it stays 年払い; 半期（前期・後期） / 月払い are its other choices);
//   2. record a payment: 「集金済みにする」 on a household's row of the 集金表 (the button of the
//      row drawn last is the last household of the last 班); the household is then picked and its
//      payments are listed under the sheet;
//   3. reverse it: 「取消」 on the payment's row, type the reason (the reason field has the keyboard),
//      click 「取り消す」.
// Then the SQLite file is read back. As the 3班 班長 the sheet lists 3班's households only.
// Real plugins from bin/plugins, real SQLite, ImGui without a window.
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "shell_driver.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

// The roster: households 1, 2 in 1班, 3, 4 in 3班 (the sheet's last row is 江藤 of 3班).
struct Roster {
  test::TempDir dir;
  fs::path db = dir / "members.db";
  sdk::OrgId org = 0;

  Roster() {
    {
      host::App app{host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"}};
      app.open_database();
      org = app.add_organization(host::OrgKind::Jichikai, "わっしょい台自治会", std::nullopt);
      app.orgs().add_han(org, "1班");
      app.orgs().add_han(org, "3班");
    }
    const std::string o = std::to_string(org);
    for (const auto& [name, reading, han] : {std::tuple{"青木　一郎", "ｱｵｷ ｲﾁﾛｳ", "1"},
                                             {"井上　二郎", "イノウエ ジロウ", "1"},
                                             {"上田　三郎", "ウエダ サブロウ", "3"},
                                             {"江藤　四郎", "えとう しろう", "3"}}) {
      auto r = test::run_cli({"--db", db.string(), "--org", o, "members", "household", "add", "--name", name,
                              "--reading", reading, "--han", han, "--address", "わっしょい台1-1"});
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
    }
    host::App app{host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"}};
    app.open_database();
    std::int64_t han3 = 0;
    for (const auto& h : app.orgs().han(org))
      if (h.name == "3班") han3 = h.id;
    host::Accounts accounts(app.db());
    const sdk::Access setup = sdk::Access::everything();
    accounts.add(setup, "yamada", "山田 花子", test::kPassphrase, sdk::Role::Chair, org, std::nullopt);
    accounts.add(setup, "suzuki", "鈴木 一郎", test::kPassphrase, sdk::Role::HanLeader, org, han3);
  }
};

// The window, signed in as `login` on the sign-in screen (typed, Enter), on the dues panel.
struct Window : test::ShellDriver {
  std::unique_ptr<host::App> app;

  Window(const fs::path& db, const std::string& login) {
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    app = std::make_unique<host::App>(
        host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"});
    app->open_database();
    shell = std::make_unique<gui::Shell>(*app, fonts, gui::ShellOptions{.remember = false});
    frame();
    frame();
    type_and_enter(login);
    frame();
    type_and_enter(test::kPassphrase);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (shell->busy() && std::chrono::steady_clock::now() < deadline) {
      frame();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE(shell->signed_in());
    REQUIRE(shell->show_panel("members.dues"));
    for (int i = 0; i < 4; ++i) frame();  // tables take their size on the second frame
  }
  ~Window() { shell.reset(); }
  void type_and_enter(const std::string& text) {
    type_text(text);
    press_enter();
  }
  // The members forms put labels left of their fields (8 characters from the label's middle).
  void type(const std::string& label, const std::string& text) { type_after(label, text); }
};

bool shows(const std::string& screen, const std::string& text) {
  std::string s = screen, t = text;
  for (std::string* x : {&s, &t}) {
    std::erase(*x, ' ');
    for (auto at = x->find("\u3000"); at != std::string::npos; at = x->find("\u3000", at)) x->erase(at, 3);
  }
  return s.find(t) != std::string::npos;
}

}  // namespace

TEST_CASE("as the 会長 the window sets the dues records a payment and reverses it with the reason") {
  Roster roster;
  {
    Window w(roster.db, "yamada");
    w.type("年会費（円）", "6000");
    w.click("設定");
    CHECK(shows(w.frame(), "年度の会費を設定しました"));

    w.click("集金済みにする");  // the last row: 江藤　四郎 of 3班
    std::string screen = w.frame();
    INFO(screen);
    CHECK(shows(screen, "集金を記録しました"));
    CHECK(shows(screen, "6,000円"));  // in the household's payments under the sheet

    w.click("取消");
    w.frame();
    ImGui::GetIO().AddInputCharactersUTF8("別の世帯の分を誤って記録");
    w.frame();
    w.frame();
    w.click("取り消す");
    screen = w.frame();
    INFO(screen);
    CHECK(shows(screen, "入金を取り消しました"));
    CHECK(shows(screen, "取消：別の世帯の分を誤"));  // the reason, "…" where the column ends
    CHECK(shows(screen, "（取消済み）"));
  }
  sdk::Database db = sdk::Database::open(roster.db, sdk::Database::Mode::ReadOnly);
  CHECK(sdk::query_text(db, "SELECT amount || ' ' || schedule FROM members_dues_rates") == "6000 yearly");
  // The payment and its reversal, both kept; the reversal names the payment and the reason.
  CHECK(sdk::query_int(db, "SELECT count(*) FROM members_dues_payments") == 2);
  CHECK(sdk::query_text(db,
                        "SELECT p.name || ' ' || d.amount || ' ' || coalesce(d.reverses, '-') FROM "
                        "members_dues_payments d JOIN members_persons p ON p.household_id = d.household_id "
                        "WHERE d.reverses IS NULL") == "江藤　四郎 6000 -");
  CHECK(sdk::query_text(db,
                        "SELECT r.reason FROM members_dues_payments r JOIN members_dues_payments d ON "
                        "d.id = r.reverses") == "別の世帯の分を誤って記録");
  CHECK(sdk::query_text(db,
                        "SELECT actor || ' ' || detail FROM audit_log WHERE action = 'members.dues.reverse'")
            ->find("yamada") == 0);
  CHECK(sdk::query_text(db, "SELECT detail FROM audit_log WHERE action = 'members.dues.reverse'")
            ->find("reason: 別の世帯の分を誤って記録") != std::string::npos);
  // Unpaid again: what was paid and taken back adds up to nothing.
  CHECK(sdk::query_int(db,
                       "SELECT total(CASE WHEN reverses IS NULL THEN amount ELSE -amount END) FROM "
                       "members_dues_payments") == 0);
  // The window agrees: the household has its 集金済みにする button back.
  Window again(roster.db, "yamada");
  const std::string screen = again.frame();
  INFO(screen);
  CHECK(shows(screen, "0/6,000"));
}

TEST_CASE("as the 3班 班長 the dues sheet lists only 3班's households") {
  Roster roster;
  Window w(roster.db, "suzuki");
  const std::string screen = w.frame();
  INFO(screen);
  CHECK(shows(screen, "上田　三郎"));
  CHECK(shows(screen, "江藤　四郎"));
  CHECK_FALSE(shows(screen, "青木　一郎"));
  CHECK_FALSE(shows(screen, "井上　二郎"));
  CHECK_FALSE(shows(screen, "設定"));  // the 年度's dues are the officers' to set
}
