// The evaluation plugin's window (issue 21), on the sample data of every real plugin (the demo's
// 協働事業 of the 地域協働体, an NPO and the city's 防災課, with its 60 paper answers):
//  * the 60 answer sheets of the demo's アンケート typed again into the window's grid with the
//    keyboard only (Tab, Enter, the characters) into a new アンケート with the same questions, made
//    with `wasshoi-cli evaluation survey add/question`; then the CLI's tally (`--json`, a real
//    process on the same file) equals the demo's, and the window's tally shows the CLI's counts,
//    %, means and cross-tabulation rows — with 「—」 where a cell has fewer than 3 answers, and
//    never that cell's count;
//  * a sheet with a value that does not fit: the message names the row and the question, nothing
//    is saved;
//  * as a 班長 and a 閲覧 of partners: the panels show the project, no edit buttons; as the 会長 of
//    a 自治会 that is not a partner: nothing of it. Nothing is written.
// Real plugins from bin/plugins, real SQLite, ImGui without a window.
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app_context.hpp>
#include <wasshoi/host/demo.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "shell_driver.hpp"
#include "test_support.hpp"

using namespace wasshoi;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string whole_or_one(double v) {  // the core's format_number: 120, 1.5
  if (std::abs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
  return fmt("%.1f", v);
}

// The sample file: every plugin's demo data; the demo's 協働事業 and アンケート.
struct Sample {
  test::TempDir dir;
  fs::path db = dir / "evaluation.db";
  sdk::DemoOptions demo;
  std::int64_t project = 0, survey = 0;
  std::vector<std::vector<std::string>> sheets;  // the demo's 60 sheets as typed on paper

  Sample() {
    host::App app{host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"}};
    app.open_database();
    host::AppContext ctx(app);
    demo = host::create_demo(app, ctx, 120);
    project = *sdk::query_int(app.db(), "SELECT min(id) FROM evaluation_projects");
    survey = *sdk::query_int(app.db(), "SELECT min(id) FROM evaluation_surveys");
    // Each sheet's values in question order: choices joined with ",", the number, the text.
    std::vector<std::int64_t> questions;
    sdk::Statement q(app.db(), "SELECT id FROM evaluation_questions WHERE survey_id = ? ORDER BY position");
    q.bind(1, survey);
    while (q.step()) questions.push_back(q.get_int(0));
    sdk::Statement h(app.db(), "SELECT id FROM evaluation_sheets WHERE survey_id = ? ORDER BY id");
    h.bind(1, survey);
    std::vector<std::int64_t> ids;
    while (h.step()) ids.push_back(h.get_int(0));
    for (auto sheet : ids) {
      std::vector<std::string> values;
      for (auto question : questions) {
        sdk::Statement a(app.db(),
                         "SELECT choice, number, text FROM evaluation_answers WHERE sheet_id = ? AND "
                         "question_id = ? ORDER BY choice");
        a.bind_all(sheet, question);
        std::string v;
        while (a.step()) {
          if (!a.is_null(0)) v += (v.empty() ? "" : ",") + std::to_string(a.get_int(0));
          if (!a.is_null(1)) v = whole_or_one(a.get_double(1));
          if (!a.is_null(2)) v = a.get_text(2);
        }
        values.push_back(v);
      }
      sheets.push_back(std::move(values));
    }
  }
  std::string org(sdk::OrgId o) const { return std::to_string(o); }
};

json cli_json(const fs::path& db, sdk::OrgId org, const std::vector<std::string>& args) {
  std::vector<std::string> all = {"--db", db.string(), "--org", std::to_string(org), "--json", "evaluation"};
  all.insert(all.end(), args.begin(), args.end());
  auto r = test::run_cli(all);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

// A new アンケート of the demo's project with the demo survey's questions, through the CLI.
std::int64_t copy_survey(const Sample& s) {
  const json demo = cli_json(s.db, s.demo.kyodotai, {"survey", "show", std::to_string(s.survey)});
  const json added =
      cli_json(s.db, s.demo.kyodotai, {"survey", "add", std::to_string(s.project), "窓から入力した回答"});
  const std::string id = std::to_string(added["id"].get<std::int64_t>());
  for (const auto& q : demo["questions"]) {
    std::vector<std::string> args = {"survey", "question", id, "--kind", q["kind"], "--text", q["text"]};
    if (q["kind"] != "scale")
      for (const auto& c : q["choices"]) args.insert(args.end(), {"--choice", c.get<std::string>()});
    cli_json(s.db, s.demo.kyodotai, args);
  }
  return added["id"].get<std::int64_t>();
}

// Free io.KeysDown indices for the keys ImGui 1.86 maps (the driver uses 65 and 66).
constexpr int kTab = 72;

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
    ImGui::GetIO().KeyMap[ImGuiKey_Tab] = kTab;
    frame();
  }
  ~Window() { shell.reset(); }
  void open(const std::string& panel) {
    REQUIRE(shell->show_panel(panel));
    for (int i = 0; i < 4; ++i) frame();  // tables take their widths on the second frame
  }
  void key(int index) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[index] = true;
    frame();
    io.KeysDown[index] = false;
    frame();
  }
  void typed(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
  }
  // Opens the combo showing `current` and picks `item`.
  void choose(const std::string& current, const std::string& item) {
    click(current);
    click(item);
    frame();
  }
};

std::int64_t count(const fs::path& db, const std::string& sql) {
  sdk::Database d = sdk::Database::open(db, sdk::Database::Mode::ReadOnly);
  return sdk::query_int(d, sql).value_or(-1);
}

// What the window draws for one tally line and one cross-tabulation row (spaces are ignored).
std::string count_line(const json& c) {
  return c["label"].get<std::string>() + std::to_string(c["count"].get<int>()) + "件" +
         fmt("%.1f%%", c["percent"].get<double>());
}
std::string cell_text(const json& c, bool mean) {
  if (c["suppressed"].get<bool>()) return "—";
  std::string out = mean ? fmt("%.2f", c["value"].get<double>()) : whole_or_one(c["value"].get<double>());
  if (!c["percent"].is_null()) out += fmt(" (%.1f%%)", c["percent"].get<double>());
  return out;
}

}  // namespace

TEST_CASE("60 paper answer sheets typed into the window's grid with the keyboard equal the CLI's tally") {
  Sample s;
  REQUIRE(s.sheets.size() == 60);
  const std::int64_t copy = copy_survey(s);
  const std::string copy_id = std::to_string(copy);
  {
    Window w(s.db, s.demo.kyodotai);
    ImGui::GetIO().DisplaySize = ImVec2(1600, 2400);
    w.open("evaluation.survey");
    REQUIRE(w.shows("合同防災訓練 参加者アンケート"));
    w.choose("合同防災訓練 参加者アンケート", "窓から入力した回答");
    REQUIRE(w.shows("回答票の入力"));
    // The first cell has the keyboard; Tab or Enter to the next, Enter in the last saves the row.
    for (std::size_t i = 0; i < s.sheets.size(); ++i) {
      const auto& sheet = s.sheets[i];
      for (std::size_t c = 0; c < sheet.size(); ++c) {
        if (!sheet[c].empty()) w.typed(sheet[c]);
        const bool last = c + 1 == sheet.size();
        if (last || (i + c) % 3 == 0)
          w.press_enter();
        else
          w.key(kTab);
      }
      if (i % 20 == 19) {
        INFO("sheet " << i + 1);
        REQUIRE(count(s.db, "SELECT count(*) FROM evaluation_sheets WHERE survey_id = " + copy_id) ==
                static_cast<std::int64_t>(i + 1));
      }
    }
    CHECK(w.shows("60行目：回答票を登録しました"));
  }
  REQUIRE(count(s.db, "SELECT count(*) FROM evaluation_sheets WHERE survey_id = " + copy_id) == 60);
  CHECK(count(s.db, "SELECT count(*) FROM audit_log WHERE action = 'evaluation.sheet.add' AND detail = '" +
                        copy_id + "'") == 60);

  // The CLI's tally of the typed sheets equals the demo's own (answer ids aside).
  const json typed = cli_json(s.db, s.demo.kyodotai, {"survey", "tally", copy_id, "--by", "1"});
  const json demo =
      cli_json(s.db, s.demo.kyodotai, {"survey", "tally", std::to_string(s.survey), "--by", "1"});
  REQUIRE(typed["sheets"] == 60);
  for (std::size_t q = 0; q < demo["questions"].size(); ++q) {
    INFO("問" << q + 1);
    const json& a = typed["questions"][q];
    const json& b = demo["questions"][q];
    CHECK(a["answered"] == b["answered"]);
    CHECK(a["counts"] == b["counts"]);
    CHECK(a["mean"] == b["mean"]);
    CHECK(a["texts"].size() == b["texts"].size());
    for (std::size_t t = 0; t < a["texts"].size(); ++t) CHECK(a["texts"][t]["text"] == b["texts"][t]["text"]);
  }
  CHECK(typed["cross"] == demo["cross"]);

  // The window's tally, cross-tabulated by 問1 年代, shows what the CLI says.
  Window w(s.db, s.demo.kyodotai);
  ImGui::GetIO().DisplaySize = ImVec2(1600, 9000);  // the whole tally on one screen
  w.open("evaluation.survey");
  w.choose("合同防災訓練 参加者アンケート", "窓から入力した回答");
  w.open("evaluation.tally");
  w.choose("なし", "問1 年代");
  REQUIRE(w.shows("クロス集計（問1 年代）"));
  for (const auto& q : typed["questions"]) {
    INFO("問" << q["number"]);
    CHECK(w.shows("問" + std::to_string(q["number"].get<int>()) + q["text"].get<std::string>()));
    CHECK(w.shows("回答数" + std::to_string(q["answered"].get<int>()) + "件"));
    for (const auto& c : q["counts"]) CHECK(w.shows(count_line(c)));
    if (!q["mean"].is_null()) CHECK(w.shows("平均" + fmt("%.2f", q["mean"].get<double>())));
    for (const auto& t : q["texts"]) CHECK(w.shows(t["text"].get<std::string>()));
  }
  int suppressed = 0, small = 0;
  for (const auto& ct : typed["cross"]) {
    const int number = ct["number"].get<int>();
    const json& question = typed["questions"][static_cast<std::size_t>(number - 1)];
    const bool mean = question["kind"] == "scale" || question["kind"] == "number";
    for (std::size_t g = 0; g < ct["rows"].size(); ++g) {
      const json& r = ct["rows"][g];
      std::string row = r["group"].get<std::string>() + cell_text(r["answered"], false);
      for (const auto& c : r["cells"]) row += cell_text(c, mean);
      INFO("問" << number << " " << r["group"]);
      CHECK(w.shows(row));
      if (mean) continue;
      // A suppressed cell: the row with its real count in place of 「—」 is nowhere on screen.
      for (std::size_t c = 0; c < r["cells"].size(); ++c) {
        if (!r["cells"][c]["suppressed"].get<bool>() || r["answered"]["suppressed"].get<bool>()) continue;
        ++suppressed;
        const auto real = count(
            s.db,
            "SELECT count(*) FROM evaluation_answers a JOIN evaluation_questions q ON q.id = a.question_id "
            "WHERE q.survey_id = " +
                copy_id + " AND q.position = " + std::to_string(number) +
                " AND a.choice = " + std::to_string(c + 1) +
                " AND a.sheet_id IN (SELECT b.sheet_id FROM evaluation_answers b JOIN evaluation_questions "
                "p ON p.id = b.question_id WHERE p.survey_id = " +
                copy_id + " AND p.position = 1 AND b.choice = " + std::to_string(g + 1) + ")");
        small += real < 3;  // the others are hidden so that no small one follows by subtraction
        std::string leaked = r["group"].get<std::string>() + cell_text(r["answered"], false);
        for (std::size_t k = 0; k < r["cells"].size(); ++k)
          leaked += k == c ? std::to_string(real) : cell_text(r["cells"][k], false);
        CHECK_FALSE(w.imgui->find(leaked));
      }
    }
  }
  CHECK(small > 0);  // the sample has small groups: the check above ran on them
}

TEST_CASE("a sheet with a value that does not fit names the row and the question and saves nothing") {
  Sample s;
  const std::int64_t copy = copy_survey(s);
  Window w(s.db, s.demo.kyodotai);
  w.open("evaluation.survey");
  w.choose("合同防災訓練 参加者アンケート", "窓から入力した回答");
  // 問1 年代 has 4 choices: 9 is none of them.
  const std::vector<std::string> row = {"9", "1", "5", "1,3", "1", "2", ""};
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (!row[c].empty()) w.typed(row[c]);
    c + 1 < row.size() ? w.key(kTab) : w.press_enter();
  }
  CHECK(w.shows("1行目：問1"));
  CHECK(w.shows("'9' is not a choice"));
  CHECK(count(s.db, "SELECT count(*) FROM evaluation_sheets WHERE survey_id = " + std::to_string(copy)) == 0);
}

namespace {

// The sample with officer accounts: the 地域協働体's 閲覧, a 班長 of the main 自治会 (made a partner
// of the project first) and the 会長 of another 自治会 that takes no part.
struct Officers : Sample {
  Officers() {
    auto r = test::run_cli({"--db", db.string(), "--org", org(demo.kyodotai), "evaluation", "partner",
                            std::to_string(project), org(demo.jichikai.at(0))});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    host::App app{host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"}};
    app.open_database();
    const auto han = app.orgs().han(demo.jichikai.at(0)).at(0).id;
    host::Accounts accounts(app.db());
    const sdk::Access setup = sdk::Access::everything();
    accounts.add(setup, "tanaka", "田中 三郎", test::kPassphrase, sdk::Role::Chair, demo.jichikai.at(1),
                 std::nullopt);
    accounts.add(setup, "kimura", "木村 三郎", test::kPassphrase, sdk::Role::Viewer, demo.kyodotai,
                 std::nullopt);
    accounts.add(setup, "suzuki", "鈴木 一郎", test::kPassphrase, sdk::Role::HanLeader, demo.jichikai.at(0),
                 han);
  }
  // Rows of every evaluation table and of the audit log: what a look at the panels must not change.
  std::string fingerprint() const {
    std::string out;
    for (const char* t : {"evaluation_projects", "evaluation_partners", "evaluation_goals",
                          "evaluation_ratings", "evaluation_surveys", "evaluation_questions",
                          "evaluation_sheets", "evaluation_answers", "audit_log"})
      out += std::string(t) + "=" + std::to_string(count(db, std::string("SELECT count(*) FROM ") + t)) + " ";
    out += "ratings=" + std::to_string(count(db, "SELECT total(rating) FROM evaluation_ratings"));
    return out;
  }
};

const char* const kPanels[] = {"evaluation.projects", "evaluation.rating", "evaluation.survey",
                               "evaluation.tally"};
const char* const kEditLabels[] = {"自主評価を保存", "実績を記録", "改善の方向性を保存", "地域課題にする",
                                   "回答票の入力"};

}  // namespace

TEST_CASE("a 閲覧 and a 班長 of partners see the 協働事業 without edit buttons and write nothing") {
  Officers s;
  const std::string before = s.fingerprint();
  for (const char* login : {"kimura", "suzuki"}) {
    INFO(login);
    Window w(s.db, 0, login);
    REQUIRE(w.shell->signed_in());
    for (const char* panel : kPanels) {
      INFO(panel);
      w.open(panel);
      const std::string screen = w.frame();
      INFO(screen);
      CHECK(w.shows("令和8年度わっしょい地区合同防災訓練"));
      for (const char* label : kEditLabels) CHECK_FALSE(w.imgui->find(label));
      if (std::string(panel) != "evaluation.tally") CHECK(w.shows("閲覧のみ"));
    }
    w.open("evaluation.projects");
    CHECK(w.shows("評価が2段階以上異なる項目"));
    w.open("evaluation.tally");
    CHECK(w.shows("炊き出しのおにぎりがおいしかったです。"));  // free text is read, not made an issue
  }
  CHECK(s.fingerprint() == before);
}

TEST_CASE("the 会長 of a 自治会 that takes no part sees no 協働事業 and writes nothing") {
  Officers s;
  const std::string before = s.fingerprint();
  Window w(s.db, 0, "tanaka");
  REQUIRE(w.shell->signed_in());
  for (const char* panel : kPanels) {
    INFO(panel);
    w.open(panel);
    const std::string screen = w.frame();
    INFO(screen);
    CHECK(w.shows("この団体が参加している協働事業はありません"));
    CHECK_FALSE(w.imgui->find("合同防災訓練"));
    CHECK_FALSE(w.imgui->find("炊き出し"));
  }
  CHECK(s.fingerprint() == before);
}
