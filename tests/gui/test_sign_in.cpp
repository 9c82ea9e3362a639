// Officer accounts in the window: the sign-in screen, what a signed-in officer is offered, and a
// 班長's roster. Real SQLite file, the real plugins from bin/plugins, ImGui without a window.
#include <imgui_internal.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <regex>
#include <set>
#include <thread>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app_context.hpp>
#include <wasshoi/host/demo.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "headless.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

// The sample (地域協働体, three 自治会 with 班, every plugin's demo data) with five accounts:
// the 会長, the 3班 班長 and a 閲覧 of the first 自治会, the 会長 of the second, and an officer of
// the 地域協働体. Made once (each passphrase costs an Argon2id hash) and copied for each test.
struct Sample {
  test::TempDir dir;
  fs::path db = dir / "sample.db";
  sdk::OrgId kyodotai = 0, jichikai = 0, second_jichikai = 0;
  std::int64_t han3 = 0;

  Sample() {
    host::App app{host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"}};
    app.open_database();
    host::AppContext ctx(app);
    const sdk::DemoOptions demo = host::create_demo(app, ctx, 120);
    kyodotai = demo.kyodotai;
    jichikai = demo.jichikai.at(0);
    second_jichikai = demo.jichikai.at(1);
    for (const auto& h : app.orgs().han(jichikai))
      if (h.name == "3班") han3 = h.id;
    host::Accounts accounts(app.db());
    const sdk::Access setup = sdk::Access::everything();  // the database has no accounts yet
    accounts.add(setup, "yamada", "山田 花子", test::kPassphrase, sdk::Role::Chair, jichikai, std::nullopt);
    accounts.add(setup, "suzuki", "鈴木 一郎", test::kPassphrase, sdk::Role::HanLeader, jichikai, han3);
    accounts.add(setup, "sato", "佐藤 次郎", test::kPassphrase, sdk::Role::Officer, kyodotai, std::nullopt);
    accounts.add(setup, "kimura", "木村 三郎", test::kPassphrase, sdk::Role::Viewer, jichikai, std::nullopt);
    accounts.add(setup, "tanaka", "田中 三郎", test::kPassphrase, sdk::Role::Chair, second_jichikai,
                 std::nullopt);
  }
};

const Sample& sample() {
  static const Sample s;
  return s;
}

struct OfficersFixture {
  test::TempDir dir;
  fs::path db = dir / "officers.db";
  std::unique_ptr<host::App> app;
  gui::FontSet fonts{gui::find_japanese_font()};

  OfficersFixture() {
    fs::copy_file(sample().db, db);
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    app = std::make_unique<host::App>(
        host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"});
    app->open_database();
  }
};

// Spaces draw nothing: compare without them (names are written 岩渕　由美, with U+3000).
std::string no_spaces(std::string s) {
  std::erase(s, ' ');
  for (auto at = s.find("\u3000"); at != std::string::npos; at = s.find("\u3000", at)) s.erase(at, 3);
  return s;
}

bool shows(const std::string& text, const std::string& part) {
  return text.find(no_spaces(part)) != std::string::npos;
}

// The keyboard as an officer uses it on the sign-in screen (1.86: keys through io.KeyMap).
class Keyboard {
 public:
  Keyboard(test::HeadlessImGui& imgui, gui::Shell& shell) : imgui_(imgui), shell_(shell) {
    ImGui::GetIO().KeyMap[ImGuiKey_Enter] = kEnter;
  }
  std::string frame() {
    return imgui_.frame([&] { shell_.draw_frame(); });
  }
  // Types into the field that has the keyboard focus, then presses Enter.
  void type_and_enter(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
    ImGui::GetIO().KeysDown[kEnter] = true;
    frame();
    ImGui::GetIO().KeysDown[kEnter] = false;
    frame();  // the next field takes the focus
    frame();
  }
  // Login, Enter, passphrase, Enter; then frames until host core has answered.
  std::string sign_in(const std::string& login, const std::string& passphrase) {
    frame();  // the login field takes the focus
    frame();
    type_and_enter(login);
    return sign_in_again(passphrase);
  }
  // Passphrase, Enter (the passphrase field has the focus); frames until host core has answered.
  std::string sign_in_again(const std::string& passphrase) {
    frame();
    type_and_enter(passphrase);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (shell_.busy() && std::chrono::steady_clock::now() < deadline) {
      frame();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE_FALSE(shell_.busy());
    frame();
    return frame();
  }

 private:
  static constexpr int kEnter = 2;
  test::HeadlessImGui& imgui_;
  gui::Shell& shell_;
};

// Every "N班" on screen (not the end of a date before 班長 in the next column: 1981/06/04班長).
std::set<std::string> han_on_screen(const std::string& text) {
  static const std::regex han("(^|[^0-9/])([0-9]+班)(?!長)");
  std::set<std::string> found;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), han); it != std::sregex_iterator(); ++it)
    found.insert((*it)[2].str());
  return found;
}

// The window drawn last (in front): the text's last line.
std::string front_window(const std::string& text) {
  const std::size_t end = text.find_last_not_of('\n');
  const std::size_t start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1,
                     end - (start == std::string::npos ? 0 : start + 1) + 1);
}

// The panel in front, drawn until its tables have their size (on the second frame).
std::string panel_text(test::HeadlessImGui& imgui, gui::Shell& shell, const std::string& panel) {
  REQUIRE(shell.show_panel(panel));
  std::string text;
  for (int i = 0; i < 5; ++i) text = imgui.frame([&] { shell.draw_frame(); });  // tables size on frame 2
  return text;
}

}  // namespace

TEST_CASE("a database with officer accounts opens on the sign-in screen and shows nothing of its data") {
  OfficersFixture f;
  REQUIRE(f.app->needs_sign_in());
  gui::Shell shell(*f.app, f.fonts, {.remember = false});
  test::HeadlessImGui imgui(f.fonts);
  imgui.frame([&] { shell.draw_frame(); });
  const std::string text = imgui.frame([&] { shell.draw_frame(); });
  INFO(text);
  CHECK_FALSE(shell.signed_in());
  CHECK(shows(text, "サインイン"));
  CHECK(shows(text, "ログイン名"));
  CHECK(shows(text, "パスフレーズ"));
  CHECK_FALSE(shows(text, "わっしょい第一自治会"));
  CHECK_FALSE(shows(text, "作業する組織"));
}

TEST_CASE("a database without accounts opens the shell at once, without a sign-in screen") {
  test::TempDir dir;
  host::App app{host::AppOptions{.db_path = dir / "open.db", .plugin_dir = test::bin_dir() / "plugins"}};
  app.open_database();
  app.orgs().add(host::OrgKind::Jichikai, "わっしょい第一自治会");
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  gui::FontSet fonts{gui::find_japanese_font()};
  gui::Shell shell(app, fonts, {.remember = false});
  test::HeadlessImGui imgui(fonts);
  imgui.frame([&] { shell.draw_frame(); });
  const std::string text = imgui.frame([&] { shell.draw_frame(); });
  CHECK(shell.signed_in());
  CHECK(shows(text, "作業する組織"));
  CHECK_FALSE(shows(text, "パスフレーズ"));
}

TEST_CASE("a wrong passphrase or login shows the one message, stays on the screen and enters nothing") {
  OfficersFixture f;
  bool called = false;
  gui::Shell shell(*f.app, f.fonts, {.remember = false, .on_sign_in = [&](gui::Shell&) { called = true; }});
  test::HeadlessImGui imgui(f.fonts);
  Keyboard keys(imgui, shell);
  std::string text = keys.sign_in("suzuki", "not the passphrase");
  INFO(text);
  CHECK(shows(text, "ログイン名またはパスフレーズが違います。"));
  CHECK(shows(text, "パスフレーズ"));
  CHECK_FALSE(shell.signed_in());
  CHECK(f.app->needs_sign_in());
  CHECK_THROWS_AS(f.app->db(), sdk::InputError);
  CHECK_FALSE(called);
  // The login stays, the passphrase field is empty and has the focus: type it again.
  keys.sign_in_again(test::kPassphrase);
  CHECK(shell.signed_in());
  CHECK(called);
}

TEST_CASE("a login that does not exist gets the very same answer") {
  OfficersFixture f;
  gui::Shell shell(*f.app, f.fonts, {.remember = false});
  test::HeadlessImGui imgui(f.fonts);
  Keyboard keys(imgui, shell);
  const std::string text = keys.sign_in("nobody", test::kPassphrase);
  CHECK(shows(text, "ログイン名またはパスフレーズが違います。"));
  CHECK_FALSE(shell.signed_in());
  CHECK(f.app->needs_sign_in());
}

TEST_CASE("the right passphrase enters the account's organization and the status bar names the officer") {
  OfficersFixture f;
  int signed_in = 0;
  gui::Shell shell(*f.app, f.fonts, {.remember = false, .on_sign_in = [&](gui::Shell&) { ++signed_in; }});
  test::HeadlessImGui imgui(f.fonts);
  Keyboard keys(imgui, shell);
  const std::string text = keys.sign_in("suzuki", test::kPassphrase);
  INFO(text);
  REQUIRE(shell.signed_in());
  CHECK(signed_in == 1);
  CHECK(shell.context().current_org() == sample().jichikai);
  CHECK(shell.context().access().han == sample().han3);
  CHECK(shows(text, "サインイン中：鈴木 一郎（班長・3班）"));
  CHECK_FALSE(shows(text, "パスフレーズ"));
}

TEST_CASE("サインアウト returns to the sign-in screen and the database is closed to the window again") {
  OfficersFixture f;
  f.app->sign_in("yamada", test::kPassphrase);
  gui::Shell shell(*f.app, f.fonts, {.remember = false});
  test::HeadlessImGui imgui(f.fonts);
  REQUIRE(shell.signed_in());
  imgui.frame([&] { shell.draw_frame(); });
  shell.sign_out();
  imgui.frame([&] { shell.draw_frame(); });
  const std::string text = imgui.frame([&] { shell.draw_frame(); });
  CHECK_FALSE(shell.signed_in());
  CHECK(shows(text, "ログイン名"));
  CHECK_FALSE(shows(text, "わっしょい第一自治会"));
  CHECK_THROWS_AS(f.app->db(), sdk::InputError);
}

TEST_CASE("a 班長 sees only the households of their 班 in the roster, the 会長 sees every 班") {
  std::set<std::string> chair_sees;
  {
    OfficersFixture f;
    f.app->sign_in("yamada", test::kPassphrase);
    gui::Shell shell(*f.app, f.fonts, {.remember = false});
    test::HeadlessImGui imgui(f.fonts);
    chair_sees = han_on_screen(panel_text(imgui, shell, "members.roster"));
  }
  CHECK(chair_sees.size() > 3);  // the roster mixes 班: the check below would see a leak
  OfficersFixture f;
  f.app->sign_in("suzuki", test::kPassphrase);
  gui::Shell shell(*f.app, f.fonts, {.remember = false});
  test::HeadlessImGui imgui(f.fonts);
  const std::string text = panel_text(imgui, shell, "members.roster");
  INFO(text);
  CHECK(han_on_screen(text) == std::set<std::string>{"3班"});
  // Rows there are: the 班 column repeats 3班 (status bar and 班 filter show it once each).
  const std::string han3 = "3班";
  std::size_t rows = 0;
  for (auto at = text.find(han3); at != std::string::npos; at = text.find(han3, at + 1)) ++rows;
  CHECK(rows > 5);
}

namespace {

// Titles of the 自治会's issues the 懇談会 list takes by default, unique in it, by whether they
// are of the 班.
std::pair<std::vector<std::string>, std::vector<std::string>> agenda_titles(host::App& app, sdk::OrgId org,
                                                                            std::int64_t han) {
  sdk::Statement st(
      app.db(),
      "SELECT title, han_id IS ?2 FROM issues_issues WHERE org_id = ?1 "
      "AND status IN ('received', 'considering', 'to_city') GROUP BY title HAVING count(*) = 1");
  st.bind_all(org, han);
  std::pair<std::vector<std::string>, std::vector<std::string>> out;
  while (st.step()) (st.get_int(1) ? out.first : out.second).push_back(st.get_text(0));
  return out;
}

std::vector<std::string> on_screen(const std::string& text, const std::vector<std::string>& titles) {
  std::vector<std::string> found;
  for (const auto& t : titles)
    if (shows(text, t)) found.push_back(t);
  return found;
}

}  // namespace

TEST_CASE("a 班長's 懇談会 list in the window holds their 班's issues only, as the CLI's does") {
  std::vector<std::string> others_seen_by_chair;
  {
    OfficersFixture f;
    f.app->sign_in("yamada", test::kPassphrase);
    gui::Shell shell(*f.app, f.fonts, {.remember = false});
    test::HeadlessImGui imgui(f.fonts);
    others_seen_by_chair = on_screen(panel_text(imgui, shell, "issues.agenda"),
                                     agenda_titles(*f.app, sample().jichikai, sample().han3).second);
  }
  REQUIRE_FALSE(others_seen_by_chair.empty());  // other 班's issues are on the 会長's list
  OfficersFixture f;
  f.app->sign_in("suzuki", test::kPassphrase);
  gui::Shell shell(*f.app, f.fonts, {.remember = false});
  test::HeadlessImGui imgui(f.fonts);
  const std::string text = panel_text(imgui, shell, "issues.agenda");
  INFO(text);
  CHECK(on_screen(text, others_seen_by_chair).empty());
  const auto own = agenda_titles(*f.app, sample().jichikai, sample().han3).first;
  if (!own.empty()) CHECK_FALSE(on_screen(text, own).empty());
}

TEST_CASE("the organization list offers only what host core lets the officer enter") {
  OfficersFixture f;
  f.app->sign_in("suzuki", test::kPassphrase);
  gui::Shell shell(*f.app, f.fonts, {.remember = false});
  test::HeadlessImGui imgui(f.fonts);
  imgui.frame([&] { shell.draw_frame(); });
  // Another 自治会 of the same 地域協働体 is refused with host core's reason, and not entered.
  shell.select_org(sample().second_jichikai);
  CHECK(shell.context().current_org() == sample().jichikai);
  CHECK_THAT(shell.context().last_message(), Catch::Contains("may not work in"));
  // The switcher lists the own 自治会 only.
  imgui.frame([&] { shell.draw_frame(); },
              [] {
                ImGuiWindow* sidebar = ImGui::FindWindowByName("###sidebar");
                REQUIRE(sidebar);
                ImGui::OpenPopupEx(ImHashStr("##ComboPopup", 0, sidebar->GetID("##org")));
              });
  const std::string text = front_window(imgui.frame([&] { shell.draw_frame(); }));  // the open combo
  INFO(text);
  CHECK(shows(text, "わっしょい第一自治会（自治会）"));
  CHECK_FALSE(shows(text, "わっしょい第二自治会"));
  CHECK_FALSE(shows(text, "わっしょい地区まちづくり協議会（地域協働体）"));
}

TEST_CASE("a 地域協働体 officer reads its 自治会' issues and proposals only, and writes at home again") {
  OfficersFixture f;
  f.app->sign_in("sato", test::kPassphrase);
  gui::Shell shell(*f.app, f.fonts, {.remember = false});
  test::HeadlessImGui imgui(f.fonts);
  imgui.frame([&] { shell.draw_frame(); });
  REQUIRE(shell.context().current_org() == sample().kyodotai);
  shell.select_org(sample().jichikai);
  REQUIRE(shell.context().current_org() == sample().jichikai);
  CHECK(f.app->db().read_only());
  std::set<std::string> plugins;
  for (const auto& id : shell.panel_ids()) plugins.insert(id.substr(0, id.find('.')));
  CHECK(plugins == std::set<std::string>{"issues", "proposals", "host"});
  CHECK_FALSE(shell.show_panel("members.roster"));
  shell.select_org(sample().kyodotai);
  CHECK_FALSE(f.app->db().read_only());
}

namespace {

// Every text of every table the members plugin does not own, without spaces: what minutes,
// bookings, issues and proposals name (attendees, 署名人, reporters, contacts).
std::string text_outside_the_roster(sdk::Database& db) {
  std::vector<std::string> tables;
  sdk::Statement list(db,
                      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'members\\_%' "
                      "ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE '%VIRTUAL%'");
  while (list.step()) tables.push_back(list.get_text(0));
  std::string all;
  for (const auto& t : tables) {
    sdk::Statement rows(db, "SELECT * FROM \"" + t + "\"");
    while (rows.step())
      for (int c = 0; c < rows.column_count(); ++c) all += no_spaces(rows.get_text(c)) + '\n';
  }
  return all;
}

// Residents of `org` who are only residents: no role in any 年度, nobody's helper (支援者), and
// named in no other plugin's table. Nobody but their own 自治会 (their own 班, for a 班長) may
// see these names. `except_han`: leave out the residents of that 班 and the helpers of its
// 要支援者 (a 班長 sees those), and any name one of them shares. Names of three characters or more.
std::vector<std::string> roster_only_names(sdk::Database& db, sdk::OrgId org,
                                           std::optional<std::int64_t> except_han = std::nullopt) {
  const std::string elsewhere = text_outside_the_roster(db);
  sdk::Statement st(db, R"sql(
    SELECT p.name FROM members_persons p JOIN members_households h ON h.id = p.household_id
    WHERE p.org_id = ?1 AND length(p.name) >= 3 AND h.han_id IS NOT ?2
      AND NOT EXISTS (SELECT 1 FROM members_roles r WHERE r.person_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM members_persons s WHERE s.helper_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM members_persons q JOIN members_households qh ON qh.id = q.household_id
                      WHERE q.name = p.name AND q.id <> p.id AND (q.org_id <> ?1 OR qh.han_id IS ?2)))sql");
  st.bind(1, org);
  if (except_han)
    st.bind(2, *except_han);
  else
    st.bind(2, std::int64_t{-1});  // no 班 has that id: nobody is left out
  std::vector<std::string> out;
  while (st.step())
    if (elsewhere.find(no_spaces(st.get_text(0))) == std::string::npos) out.push_back(st.get_text(0));
  return out;
}

// Draws every panel of `org` the officer may open and notes which of `names` each shows. No plugin
// may be disabled by the walk (a read that fails marks its plugin failed).
struct Walk {
  int panels = 0;
  std::string shown;  // "panel: name, name; …" — empty when no panel showed any of the names
};
Walk walk_panels(OfficersFixture& f, gui::Shell& shell, test::HeadlessImGui& imgui, sdk::OrgId org,
                 const std::vector<std::string>& names, const std::string& who) {
  ImGui::GetIO().DisplaySize = ImVec2(1600, 8000);  // a tall screen: lists draw many rows
  Walk walk;
  for (const auto& [plugin, panel] : f.app->panels_for(org)) {
    if (!shell.show_panel(panel->id)) continue;
    ++walk.panels;
    const auto found = on_screen(panel_text(imgui, shell, panel->id), names);
    if (found.empty()) continue;
    walk.shown += panel->id + ":";
    for (const auto& n : found) walk.shown += " " + n;
    walk.shown += "; ";
  }
  for (const auto& record : f.app->plugins().plugins()) {
    INFO(who << ": " << record.id << " " << record.reason);
    CHECK(record.state == host::PluginState::Loaded);
  }
  return walk;
}

}  // namespace

TEST_CASE("every panel, walked as 会長, 班長, 閲覧 and 地域協働体 officer, shows no one it may not") {
  std::vector<std::string> second, first, first_other_han;
  {
    OfficersFixture f;
    f.app->sign_in("yamada", test::kPassphrase);  // the test reads the file: any account opens it
    sdk::Database& db = f.app->db();
    second = roster_only_names(db, sample().second_jichikai);
    first = roster_only_names(db, sample().jichikai);
    first_other_han = roster_only_names(db, sample().jichikai, sample().han3);
  }
  REQUIRE(second.size() > 20);
  REQUIRE(first_other_han.size() > 20);
  // Each walk also looks for names the officer may see: a walk that cannot see names proves nothing.
  SECTION("the 会長: every 班, nothing of another 自治会") {
    OfficersFixture f;
    f.app->sign_in("yamada", test::kPassphrase);
    gui::Shell shell(*f.app, f.fonts, {.remember = false});
    test::HeadlessImGui imgui(f.fonts);
    const Walk own = walk_panels(f, shell, imgui, sample().jichikai, first_other_han, "会長 yamada");
    CHECK(own.panels >= 10);
    CHECK_FALSE(own.shown.empty());  // the other 班's residents, which a 班長 must not see
    const Walk other = walk_panels(f, shell, imgui, sample().jichikai, second, "会長 yamada");
    CHECK(other.shown == "");
  }
  SECTION("the 3班 班長: nothing of another 自治会, no resident of another 班") {
    std::vector<std::string> hidden = second;
    hidden.insert(hidden.end(), first_other_han.begin(), first_other_han.end());
    OfficersFixture f;
    f.app->sign_in("suzuki", test::kPassphrase);
    gui::Shell shell(*f.app, f.fonts, {.remember = false});
    test::HeadlessImGui imgui(f.fonts);
    const Walk walk = walk_panels(f, shell, imgui, sample().jichikai, hidden, "班長 suzuki");
    CHECK(walk.panels >= 10);
    CHECK(walk.shown == "");
  }
  SECTION("a 閲覧 reads every panel of their 自治会 and nothing of another") {
    OfficersFixture f;
    f.app->sign_in("kimura", test::kPassphrase);
    gui::Shell shell(*f.app, f.fonts, {.remember = false});
    test::HeadlessImGui imgui(f.fonts);
    const Walk own = walk_panels(f, shell, imgui, sample().jichikai, first, "閲覧 kimura");
    CHECK(own.panels >= 10);
    CHECK_FALSE(own.shown.empty());  // reads the roster
    CHECK(walk_panels(f, shell, imgui, sample().jichikai, second, "閲覧 kimura").shown == "");
  }
  SECTION("a 地域協働体 officer, at home and looking into a 自治会, never sees a roster") {
    std::vector<std::string> hidden = second;
    hidden.insert(hidden.end(), first.begin(), first.end());
    OfficersFixture f;
    f.app->sign_in("sato", test::kPassphrase);
    gui::Shell shell(*f.app, f.fonts, {.remember = false});
    test::HeadlessImGui imgui(f.fonts);
    imgui.frame([&] { shell.draw_frame(); });
    const Walk home = walk_panels(f, shell, imgui, sample().kyodotai, hidden, "地域協働体 sato at home");
    CHECK(home.shown == "");
    shell.select_org(sample().jichikai);
    REQUIRE(shell.context().current_org() == sample().jichikai);
    const Walk away =
        walk_panels(f, shell, imgui, sample().jichikai, hidden, "地域協働体 sato in the 自治会");
    CHECK(away.shown == "");
    CHECK(home.panels + away.panels >= 6);
  }
}

namespace {

// The panel in front after a few more frames (a search answers on the frame after the typing).
std::string frames(test::HeadlessImGui& imgui, gui::Shell& shell, int n = 3) {
  std::string text;
  for (int i = 0; i < n; ++i) text = imgui.frame([&] { shell.draw_frame(); });
  return text;
}

// Clicks into the edit field whose label (drawn right of the field) is `label`, as a user would.
void click_field(test::HeadlessImGui& imgui, gui::Shell& shell, const std::string& label) {
  const auto start = imgui.find_start(label);
  REQUIRE(start);
  imgui.click(ImVec2(start->x - ImGui::GetStyle().ItemInnerSpacing.x - ImGui::GetFontSize(), start->y),
              [&] { shell.draw_frame(); });
}

}  // namespace

TEST_CASE("the household editor does not show the household the officer before a sign-out chose") {
  OfficersFixture f;
  f.app->sign_in("yamada", test::kPassphrase);
  // 3班 households by id: the 班長 of 3班 sees the first when nothing is chosen; the 会長 picks
  // another one in the roster, by a person whose name is nowhere else in the roster.
  std::int64_t first_of_han3 = 0;
  struct Pick {
    std::string name;
    std::int64_t household = 0;
    std::string head;
  } pick;
  {
    sdk::Statement first(
        f.app->db(),
        "SELECT min(id) FROM members_households WHERE org_id = ? AND han_id = ? AND left_on IS NULL");
    first.bind_all(sample().jichikai, sample().han3);
    REQUIRE(first.step());
    first_of_han3 = first.get_int(0);
    sdk::Statement st(
        f.app->db(),
        "SELECT p.name, h.id, (SELECT name FROM members_persons q WHERE q.household_id = h.id "
        "AND q.is_head = 1) FROM members_persons p JOIN members_households h ON h.id = p.household_id "
        "WHERE h.org_id = ?1 AND h.han_id = ?2 AND h.left_on IS NULL AND h.id <> ?3 "
        "AND (SELECT count(*) FROM members_persons r WHERE r.name = p.name) = 1 LIMIT 1");
    st.bind_all(sample().jichikai, sample().han3, first_of_han3);
    REQUIRE(st.step());
    pick = {st.get_text(0), st.get_int(1), st.get_text(2)};
  }
  gui::Shell shell(*f.app, f.fonts, {.remember = false});
  test::HeadlessImGui imgui(f.fonts);
  Keyboard keys(imgui, shell);
  panel_text(imgui, shell, "members.roster");
  click_field(imgui, shell, sdk::tr("members.search_hint"));
  ImGui::GetIO().AddInputCharactersUTF8(pick.name.c_str());
  const std::string roster = frames(imgui, shell);
  INFO(roster);
  const auto at = imgui.find(pick.name);  // drawn last: the row under the search field
  REQUIRE(at);
  imgui.click(*at, [&] { shell.draw_frame(); });
  const std::string chosen = "世帯" + std::to_string(pick.household) + pick.head;
  REQUIRE(shows(panel_text(imgui, shell, "members.household"), chosen));

  // The 会長 signs out; the 班長 of 3班, who may open that household too, signs in.
  shell.sign_out();
  frames(imgui, shell, 2);
  REQUIRE_FALSE(shell.signed_in());
  keys.sign_in("suzuki", test::kPassphrase);
  REQUIRE(shell.signed_in());
  REQUIRE(shell.context().current_org() == sample().jichikai);  // the same 自治会
  const std::string text = panel_text(imgui, shell, "members.household");
  INFO(text);
  CHECK_FALSE(shows(text, chosen));
  CHECK(shows(text, "世帯" + std::to_string(first_of_han3)));  // as for anyone opening it afresh
}

TEST_CASE(
    "the attendance panel's roster search is not shown to the officer of another 自治会 who signs in next") {
  OfficersFixture f;
  f.app->sign_in("yamada", test::kPassphrase);
  // A resident only the first 自治会 has.
  std::string resident;
  {
    sdk::Statement st(
        f.app->db(),
        "SELECT name FROM members_persons p WHERE org_id = ?1 AND is_head = 1 AND length(name) >= 4 "
        "AND (SELECT count(*) FROM members_persons q WHERE q.name = p.name) = 1 LIMIT 1");
    st.bind(1, sample().jichikai);
    REQUIRE(st.step());
    resident = st.get_text(0);
  }
  gui::Shell shell(*f.app, f.fonts, {.remember = false});
  test::HeadlessImGui imgui(f.fonts);
  Keyboard keys(imgui, shell);
  std::string text = panel_text(imgui, shell, "minutes.attendance");
  REQUIRE(shows(text, sdk::tr("minutes.search_hint")));  // a meeting to record attendance at
  click_field(imgui, shell, sdk::tr("minutes.search_hint"));
  ImGui::GetIO().AddInputCharactersUTF8(resident.c_str());
  text = frames(imgui, shell);
  // The hit (a name, or a household under its head), with its 出席 button.
  REQUIRE(std::count(text.begin(), text.end(), '\n') > 0);
  {
    const std::string no_spaces_text = no_spaces(text);
    std::size_t hits = 0;
    for (auto i = no_spaces_text.find(no_spaces(resident)); i != std::string::npos;
         i = no_spaces_text.find(no_spaces(resident), i + 1))
      ++hits;
    REQUIRE(hits >= 2);  // in the search field and in the hits below it
  }

  shell.sign_out();
  frames(imgui, shell, 2);
  keys.sign_in("tanaka", test::kPassphrase);
  REQUIRE(shell.context().current_org() == sample().second_jichikai);
  text = panel_text(imgui, shell, "minutes.attendance");
  INFO(text);
  REQUIRE(shows(text, sdk::tr("minutes.search_hint")));  // the panel is there, at a meeting of theirs
  CHECK_FALSE(shows(text, resident));
}

TEST_CASE("a refused write shows its reason in the panel, the plugin stays enabled and nothing is written") {
  OfficersFixture f;
  f.app->sign_in("yamada", test::kPassphrase);
  auto households = [&] {
    sdk::Statement st(f.app->db(), "SELECT count(*) FROM members_households");
    REQUIRE(st.step());
    return st.get_int(0);
  };
  const auto before = households();
  gui::Shell shell(*f.app, f.fonts, {.remember = false});
  test::HeadlessImGui imgui(f.fonts);
  panel_text(imgui, shell, "members.household");
  auto click = [&](const std::string& label) {
    const auto at = imgui.find(label);
    REQUIRE(at);
    imgui.click(*at, [&] { shell.draw_frame(); });
  };
  click(sdk::tr("members.new_household"));
  click(sdk::tr("members.add_household"));  // no name for the 世帯主
  const std::string text = frames(imgui, shell);
  INFO(text);
  CHECK(shows(text, "a person needs a name (氏名)"));
  CHECK(f.app->plugins().find("members")->state == host::PluginState::Loaded);
  CHECK(shell.context().last_message().empty());  // said in the panel, not by the host
  CHECK(households() == before);
  // The panel draws on below the message: the form is still there.
  CHECK(shows(text, sdk::tr("members.add_household")));
}
