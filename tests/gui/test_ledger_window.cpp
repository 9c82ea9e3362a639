// The 出納帳 typed as a 会計 types it: the cursor starts in 科目; a reading typed in part picks the
// 科目, Tab goes on to 金額, 摘要 and 領収書番号, Enter adds the entry and puts the cursor back in
// 科目 for the next one. Then 訂正 with the reason. The SQLite file is read back. Real plugins from
// bin/plugins, ImGui without a window, a file without officer accounts (the 会計's own laptop).
#include <catch2/catch.hpp>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "headless.hpp"
#include "scratch_db.hpp"
#include "shell_driver.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

struct Window {
  test::TempDir dir;
  test::ScratchDb scratch;  // the engine under test (label `engines`)
  const std::string db = scratch.target();
  gui::FontSet fonts{gui::find_japanese_font()};
  std::unique_ptr<host::App> app;
  std::unique_ptr<test::HeadlessImGui> imgui;
  std::unique_ptr<gui::Shell> shell;
  static constexpr int kEnter = 2, kTab = 3;

  Window() {
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    app = std::make_unique<host::App>(
        host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins", .create = true});
    app->open_database();
    const auto org = app->add_organization(host::OrgKind::Jichikai, "わっしょい台自治会", std::nullopt);
    imgui = std::make_unique<test::HeadlessImGui>(fonts);
    ImGui::GetIO().DisplaySize = ImVec2(1600, 1200);
    ImGui::GetIO().KeyMap[ImGuiKey_Enter] = kEnter;
    ImGui::GetIO().KeyMap[ImGuiKey_Tab] = kTab;
    shell = std::make_unique<gui::Shell>(*app, fonts, gui::ShellOptions{.start_org = org, .remember = false});
    frame();
    REQUIRE(shell->show_panel("ledger.book"));
    for (int i = 0; i < 4; ++i) frame();
  }
  ~Window() {
    shell.reset();
    imgui.reset();
  }
  std::string frame() {
    return imgui->frame([&] { shell->draw_frame(); });
  }
  void type(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
  }
  void press(int key) {
    ImGui::GetIO().KeysDown[key] = true;
    frame();
    ImGui::GetIO().KeysDown[key] = false;
    frame();
    frame();
  }
  std::int64_t count(const std::string& sql) { return sdk::query_int(app->db(), sql).value_or(-1); }
};

}  // namespace

TEST_CASE("the 出納帳 is typed with Tab and Enter and a 科目 is picked by part of its reading") {
  Window w;
  w.type("なつまつ");
  CHECK_THAT(w.frame(), Catch::Contains("→事業費／夏祭り"));
  w.press(Window::kTab);
  w.type("12000");
  w.press(Window::kTab);
  w.type("提灯");
  w.press(Window::kTab);
  w.type("R-9");
  w.press(Window::kEnter);
  CHECK(w.count("SELECT count(*) FROM ledger_entries") == 1);
  CHECK(sdk::query_text(
            w.app->db(),
            "SELECT c.name || ' ' || e.amount || ' ' || e.summary || ' ' || e.receipt_no FROM ledger_entries "
            "e JOIN ledger_categories c ON c.id = e.category_id") == "夏祭り -12000 提灯 R-9");
  // The next row: the cursor is back in 科目.
  w.type("かいひ");
  w.press(Window::kTab);
  w.type("3600");
  w.press(Window::kEnter);
  CHECK(w.count("SELECT count(*) FROM ledger_entries") == 2);
  CHECK(w.count("SELECT amount FROM ledger_entries WHERE id = 2") == 3600);
  const std::string screen = w.frame();
  INFO(screen);
  CHECK_THAT(screen, Catch::Contains("記帳しました"));
  CHECK_THAT(screen, Catch::Contains("△8,400"));  // the running balance of 現金
}

TEST_CASE("a correction in the 出納帳 window asks for the reason and writes a reversing entry") {
  Window w;
  w.type("会議");
  w.press(Window::kTab);
  w.type("2160");
  w.press(Window::kEnter);
  REQUIRE(w.count("SELECT count(*) FROM ledger_entries") == 1);
  w.frame();
  auto at = w.imgui->find("訂正");
  REQUIRE(at);
  w.imgui->click(*at, [&] { w.shell->draw_frame(); });
  w.frame();
  w.frame();
  w.type("金額の誤り");
  w.frame();
  auto ok = w.imgui->find("実行");
  REQUIRE(ok);
  w.imgui->click(*ok, [&] { w.shell->draw_frame(); });
  w.frame();
  CHECK(w.count("SELECT count(*) FROM ledger_entries WHERE reverses = 1 AND amount = 2160") == 1);
  CHECK(sdk::query_text(w.app->db(), "SELECT detail FROM audit_log WHERE action = 'ledger.entry.reverse'")
            ->find("金額の誤り") != std::string::npos);
  CHECK_THAT(w.frame(), Catch::Contains("【訂正済】"));
}

TEST_CASE("the window sets an opening balance and an entry goes to a 補助金 with its receipt, saved again") {
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  test::ShellDriver d;
  test::TempDir dir;
  test::ScratchDb scratch;  // the engine under test (label `engines`)
  const std::string db = scratch.target();
  auto app = std::make_unique<host::App>(
      host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins", .create = true});
  app->open_database();
  const auto org = app->add_organization(host::OrgKind::Jichikai, "わっしょい台自治会", std::nullopt);
  REQUIRE(test::run_cli({"--db", db, "--org", std::to_string(org), "ledger", "grant", "add",
                         "自治会等活動費総合補助金", "--body", "一関市", "--amount", "50000"})
              .exit_code == 0);
  d.shell =
      std::make_unique<gui::Shell>(*app, d.fonts, gui::ShellOptions{.start_org = org, .remember = false});
  d.frame();

  // 口座と科目: the last account takes its opening balance; the field then goes.
  REQUIRE(d.shell->show_panel("ledger.setup"));
  d.type_before("開始残高にする", "52000", 2.0f);
  d.click("開始残高にする");
  CHECK(d.shows("開始残高を記帳しました"));
  CHECK(sdk::query_int(app->db(), "SELECT count(*) FROM ledger_entries WHERE kind = 'opening'") == 1);
  CHECK(sdk::query_int(app->db(), "SELECT amount FROM ledger_entries WHERE kind = 'opening'") == 52000);

  // 出納帳: 会議費 2,160 with a receipt photo, tagged to the grant.
  const fs::path photo = dir / "領収書 髙﨑.png";
  // A 1 × 1 PNG, as bytes.
  const std::string png(
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08"
      "\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\x00\x00\x03"
      "\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
      69);
  test::write_file(photo, png);
  REQUIRE(d.shell->show_panel("ledger.book"));
  for (int i = 0; i < 4; ++i) d.frame();  // the cursor goes to 科目
  d.type_text("会議");
  d.type_after("金額", "2160", 3.0f);
  d.type_after("摘要", "役員会 お茶", 3.0f);
  d.click_at(ImVec2(d.where("補助金").x + d.em() * 6, d.where("補助金").y));
  d.click("自治会等活動費総合補助金");
  sdk::ui::preset_answer(photo);
  d.click("ファイルを選ぶ…");
  sdk::ui::clear_preset_answer();
  d.click("記帳する");
  CHECK(d.shows("記帳しました"));
  auto& db_ = app->db();
  REQUIRE(sdk::query_int(db_, "SELECT count(*) FROM ledger_entries WHERE kind <> 'opening'") == 1);
  CHECK(sdk::query_int(db_, "SELECT grant_id IS NOT NULL FROM ledger_entries WHERE kind <> 'opening'") == 1);
  CHECK(d.shows("〔自治会等活動費総合補助金〕"));

  // The receipt, saved again from its row: the same bytes, the same kind of file.
  const fs::path out = dir / "保存した領収書";
  sdk::ui::preset_answer(out);
  d.click("領収書");
  sdk::ui::clear_preset_answer();
  CHECK(d.shows("領収書を保存しました"));
  REQUIRE(fs::exists(dir / "保存した領収書.png"));
  CHECK(test::read_file(dir / "保存した領収書.png") == png);
  d.shell.reset();
}

TEST_CASE("the 予算 window enters a budget into the fund chosen and shows a parent with its sub-科目") {
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  test::ShellDriver d;
  test::TempDir dir;
  test::ScratchDb scratch;  // the engine under test (label `engines`)
  const std::string db = scratch.target();
  auto app = std::make_unique<host::App>(
      host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins", .create = true});
  app->open_database();
  const auto org = app->add_organization(host::OrgKind::Jichikai, "わっしょい台自治会", std::nullopt);
  auto cli = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--org", std::to_string(org)});
    REQUIRE(test::run_cli(args).exit_code == 0);
  };
  cli({"ledger", "fund", "add", "修繕積立金会計"});
  const std::string year = std::to_string(sdk::fiscal_year(sdk::today()));
  cli({"ledger", "budget", "set", "夏祭り", "--amount", "90000", "--year", year});
  cli({"ledger", "budget", "set", "敬老", "--amount", "40000", "--year", year});
  d.shell =
      std::make_unique<gui::Shell>(*app, d.fonts, gui::ShellOptions{.start_org = org, .remember = false});
  d.frame();
  REQUIRE(d.shell->show_panel("ledger.budget"));
  d.frame();
  CHECK(d.shows("130,000"));  // 事業費: its sub-科目 added up
  CHECK(d.shows("事業費（共通）"));
  d.click("一般会計");
  d.click("修繕積立金会計");
  d.frame();
  CHECK_FALSE(d.shows("130,000"));  // the 特別会計 has its own (none yet)
  const ImVec2 row = d.where("負担金"), column = d.where("予算額");
  d.click_at(ImVec2(column.x + d.em() * 2, row.y));
  d.type_text("250000");
  d.press_enter();
  d.frame();
  CHECK(sdk::query_int(app->db(),
                       "SELECT b.amount FROM ledger_budgets b JOIN ledger_funds f ON f.id = b.fund_id "
                       "WHERE f.name = '修繕積立金会計'") == 250000);
  CHECK(sdk::query_int(app->db(),
                       "SELECT count(*) FROM ledger_budgets b JOIN ledger_funds f ON f.id = b.fund_id "
                       "WHERE f.name = '一般会計'") == 2);
  d.shell.reset();
}

TEST_CASE("the 決算 window keeps the 会計's 備考 of a 科目 beside what the books say") {
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  test::ShellDriver d;
  test::TempDir dir;
  test::ScratchDb scratch;  // the engine under test (label `engines`)
  const std::string db = scratch.target();
  auto app = std::make_unique<host::App>(
      host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins", .create = true});
  app->open_database();
  const auto org = app->add_organization(host::OrgKind::Jichikai, "わっしょい台自治会", std::nullopt);
  const int last = sdk::fiscal_year(sdk::today()) - 1;  // the 決算 window opens on last 年度
  auto cli = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--org", std::to_string(org)});
    REQUIRE(test::run_cli(args).exit_code == 0);
  };
  cli({"ledger", "add", "--date", std::to_string(last) + "-06-01", "-c", "会議費", "--amount", "3000"});
  cli({"ledger", "budget", "set", "会議費", "--amount", "2000", "--year", std::to_string(last)});
  d.shell =
      std::make_unique<gui::Shell>(*app, d.fonts, gui::ShellOptions{.start_org = org, .remember = false});
  d.frame();
  REQUIRE(d.shell->show_panel("ledger.settlement"));
  d.frame();
  CHECK(d.shows("予算超過"));  // 会議費: 3,000 against 2,000
  d.click("科目を選ぶ…");      // the 備考's 科目 chooser, below the tables
  d.click("会議費");
  d.type_before("備考を保存", "役員会が増えたため（髙﨑）", 3.0f);
  d.click("備考を保存");
  CHECK(d.shows("備考を保存しました"));
  CHECK(sdk::query_text(app->db(), "SELECT note FROM ledger_settlement_notes") ==
        "役員会が増えたため（髙﨑）");
  CHECK(d.shows("予算超過。役員会が増えたため（髙﨑）"));
  CHECK_THAT(
      *sdk::query_text(app->db(), "SELECT detail FROM audit_log WHERE action = 'ledger.settlement.note'"),
      Catch::Contains("役員会が増えたため"));
  d.shell.reset();
}
