// The evaluation plugin's forms (issue 21), on the sample data of every real plugin: a 協働事業
// registered through 協働事業の登録・修正 (title, 形態, purpose, period, cost, a partner ticked in
// the organization list) and a goal added to it; a アンケート built through アンケートの作成 (an
// attribute with its choices, a 5-point scale, moved up, one removed); the questionnaire and the
// 評価報告書 saved as PDFs through the SDK's 「PDFで保存…」; a 閲覧 sees no form. What the window
// wrote is read back from the file. Real plugins from bin/plugins, real SQLite, ImGui without a window.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app_context.hpp>
#include <wasshoi/host/demo.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "shell_driver.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

constexpr const char* kTitle = "令和8年度 川べりの清掃活動";

struct Sample {
  test::TempDir dir;
  fs::path db = dir / "evaluation.db";
  sdk::DemoOptions demo;
  std::string npo_name;
  Sample() {
    host::App app{host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"}};
    app.open_database();
    host::AppContext ctx(app);
    demo = host::create_demo(app, ctx, 60);
    sdk::Statement st(app.db(), "SELECT name FROM organizations WHERE kind = 'npo' ORDER BY id LIMIT 1");
    REQUIRE(st.step());
    npo_name = st.get_text(0);
  }
};

std::int64_t count(const fs::path& db, const std::string& sql) {
  sdk::Database d = sdk::Database::open(db, sdk::Database::Mode::ReadOnly);
  return sdk::query_int(d, sql).value_or(-1);
}
std::string text(const fs::path& db, const std::string& sql) {
  sdk::Database d = sdk::Database::open(db, sdk::Database::Mode::ReadOnly);
  sdk::Statement st(d, sql);
  return st.step() ? st.get_text(0) : std::string("(none)");
}

struct Window : test::ShellDriver {
  std::unique_ptr<host::App> app;
  Window(const fs::path& db, sdk::OrgId org, const std::string& login = {}) {
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    app = std::make_unique<host::App>(
        host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins", .actor = "評価"});
    app->open_database();
    if (!login.empty()) app->sign_in(login, test::kPassphrase);
    shell = std::make_unique<gui::Shell>(
        *app, fonts, gui::ShellOptions{.start_org = login.empty() ? org : 0, .remember = false});
    ImGui::GetIO().DisplaySize = ImVec2(1600, 2400);
    frame();
  }
  ~Window() { shell.reset(); }
  void open(const std::string& panel) {
    REQUIRE(shell->show_panel(panel));
    for (int i = 0; i < 4; ++i) frame();
  }
  // Typing into the field just under the text `above` (a multi-line field under its heading).
  void type_under(const std::string& above, const std::string& text) {
    ImVec2 at = where(above);
    click_at(ImVec2(at.x, at.y + em() * 1.5f));
    type_text(text);
  }
  void choose(const std::string& current, const std::string& item) {
    click(current);
    click(item);
    frame();
  }
};

std::string pdf_text(const fs::path& pdf) {
  const auto txt = pdf.string() + ".txt";
  REQUIRE(std::system(("pdftotext -layout '" + pdf.string() + "' '" + txt + "'").c_str()) == 0);
  return test::read_file(txt);
}

}  // namespace

TEST_CASE("a 協働事業 and its アンケート are made through the window and printed as PDFs") {
  Sample s;
  const auto projects_before = count(s.db, "SELECT count(*) FROM evaluation_projects");
  Window w(s.db, s.demo.kyodotai);
  w.open("evaluation.edit");
  w.click("新しい協働事業を登録する");
  w.type_before("事業名", kTitle);
  w.choose("実行委員会", "共催");
  w.type_under("目的", "川べりのごみを地域と企業で拾う。");
  w.type_before("開始日", "2026-10-04", 8);  // left of the カレンダー button
  w.type_before("終了日", "令和8年10月4日", 8);
  w.type_before("費用（円）", "45,000");
  w.click(s.npo_name);
  w.click("協働事業を登録");
  REQUIRE(w.shows("協働事業を登録しました"));
  REQUIRE(count(s.db, "SELECT count(*) FROM evaluation_projects") == projects_before + 1);
  const std::string id = text(s.db, "SELECT max(id) FROM evaluation_projects");
  CHECK(text(s.db,
             "SELECT title || '/' || form || '/' || purpose || '/' || COALESCE(start_on, '-') || '/' || "
             "COALESCE(end_on, '-') || '/' || "
             "COALESCE(cost, '-') FROM evaluation_projects WHERE id = " +
                 id) ==
        std::string(kTitle) + "/kyosai/川べりのごみを地域と企業で拾う。/2026-10-04/2026-10-04/45000");
  CHECK(count(s.db, "SELECT count(*) FROM evaluation_partners WHERE project_id = " + id) == 2);
  CHECK(count(s.db,
              "SELECT count(*) FROM evaluation_partners p JOIN organizations o ON o.id = p.org_id "
              "WHERE o.kind = 'npo' AND p.project_id = " +
                  id) == 1);

  // The new project is the one being corrected: a goal with its indicator and target.
  REQUIRE(w.shows(std::string("内容を直す：") + kTitle));
  const ImVec2 add = w.where("目標を加える");
  const float indicator = w.imgui->find_start("指標")->x, target = w.imgui->find_start("目標値")->x;
  w.click_at(ImVec2(indicator - w.em() * 3, add.y));
  w.type_text("ごみを減らす");
  w.click_at(ImVec2(indicator + w.em(), add.y));
  w.type_text("集めたごみ袋");
  w.click_at(ImVec2(target + w.em(), add.y));
  w.type_text("50");
  w.click("目標を加える");
  CHECK(
      text(s.db, "SELECT position || goal || indicator || target FROM evaluation_goals WHERE project_id = " +
                     id) == "1ごみを減らす集めたごみ袋50.0");

  // アンケートの作成: a new アンケート, an attribute and a scale; the scale moved up; the attribute removed.
  w.open("evaluation.builder");
  REQUIRE(w.shows(kTitle));
  w.type_before("アンケートを作る", "清掃活動ふりかえり", 3);
  w.click("アンケートを作る");
  const std::string survey = text(s.db, "SELECT max(id) FROM evaluation_surveys WHERE project_id = " + id);
  REQUIRE(survey != "(none)");
  w.choose("単一選択", "属性");
  w.type_before("設問文", "年代");
  w.type_under("選択肢（1行に1つ）", "60代未満\n60代以上");
  w.click("設問を加える");
  CHECK(
      text(s.db,
           "SELECT position || kind || text || '/' || choices FROM evaluation_questions WHERE survey_id = " +
               survey) == "1attribute年代/60代未満\n60代以上");
  w.choose("属性", "5段階");
  w.type_before("設問文", "参加してよかったですか");
  w.click("設問を加える");
  REQUIRE(count(s.db, "SELECT count(*) FROM evaluation_questions WHERE survey_id = " + survey) == 2);
  w.click("上へ");
  CHECK(text(s.db, "SELECT text FROM evaluation_questions WHERE position = 1 AND survey_id = " + survey) ==
        "参加してよかったですか");
  w.click("削除");  // the last question's: 問2 年代
  CHECK(count(s.db, "SELECT count(*) FROM evaluation_questions WHERE survey_id = " + survey) == 1);
  CHECK(w.shows("問1［5段階］参加してよかったですか"));

  // The questionnaire and the 評価報告書 through 「PDFで保存…」 (the file dialog answered in advance).
  const fs::path form = s.dir / "questionnaire.pdf", report = s.dir / "report.pdf";
  sdk::ui::preset_answer(form);
  w.click("PDFで保存…");
  for (int i = 0; i < 4; ++i) w.frame();
  REQUIRE(fs::exists(form));
  CHECK_THAT(pdf_text(form), Catch::Contains("参加してよかったですか"));
  w.open("evaluation.projects");
  w.click(kTitle);
  sdk::ui::preset_answer(report);
  w.click("PDFで保存…");
  for (int i = 0; i < 4; ++i) w.frame();
  sdk::ui::clear_preset_answer();
  REQUIRE(fs::exists(report));
  const std::string r = pdf_text(report);
  CHECK_THAT(r, Catch::Contains("評価報告書"));
  CHECK_THAT(r, Catch::Contains("ごみを減らす"));
}

TEST_CASE("a bad value in the window's form names the field and writes nothing") {
  Sample s;
  const auto before = count(s.db, "SELECT count(*) FROM evaluation_projects");
  Window w(s.db, s.demo.kyodotai);
  w.open("evaluation.edit");
  w.click("新しい協働事業を登録する");
  w.type_before("事業名", kTitle);
  w.type_before("費用（円）", "たくさん");
  w.click("協働事業を登録");
  CHECK(w.shows("費用"));
  CHECK_FALSE(w.imgui->find("協働事業を登録しました"));
  CHECK(count(s.db, "SELECT count(*) FROM evaluation_projects") == before);
}

TEST_CASE("a 閲覧 sees no form to register or correct a 協働事業 and no question editor") {
  Sample s;
  {
    host::App app{host::AppOptions{.db_path = s.db, .plugin_dir = test::bin_dir() / "plugins"}};
    app.open_database();
    host::Accounts accounts(app.db());
    accounts.add(sdk::Access::everything(), "sato", "佐藤 一郎", test::kPassphrase, sdk::Role::Chair,
                 s.demo.kyodotai,
                 std::nullopt);  // the first account is a 会長's
    accounts.add(sdk::Access::everything(), "kimura", "木村 三郎", test::kPassphrase, sdk::Role::Viewer,
                 s.demo.kyodotai, std::nullopt);
  }
  Window w(s.db, 0, "kimura");
  REQUIRE(w.shell->signed_in());
  w.open("evaluation.edit");
  CHECK(w.shows("閲覧のみ"));
  CHECK_FALSE(w.imgui->find("協働事業を登録"));
  w.open("evaluation.builder");
  CHECK(w.shows("閲覧のみ"));
  CHECK_FALSE(w.imgui->find("設問を加える"));
  CHECK_FALSE(w.imgui->find("アンケートを作る"));
  CHECK(w.shows("PDFで保存…"));  // the questionnaire is printed by every partner
}
