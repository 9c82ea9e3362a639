// A 総会's reception by 班 in the window with the keyboard only (issue 18). The file: the sample
// roster made with 300 households, whose main 自治会 has 137 member households in 8 班, and one
// 総会 added with `wasshoi-cli minutes add`. In 総会の受付 one click on the first household gives
// the panel the keyboard; then, 班 by 班, one key per household — 1 出席, 2 委任状, 3 議決権行使書,
// 4 欠席 or S I G K — the next household selected after each, → to the next 班; the head count of
// three households not on the list typed in its field. The window's quorum is checked against
// the pattern typed, then the minutes PDF's 定足数 sentence (pdftotext) and the rows of the file.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/app_context.hpp>
#include <wasshoi/host/demo.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/registry.hpp>

#include "scratch_db.hpp"
#include "shell_driver.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

std::string no_spaces(std::string s) {
  std::erase_if(s, [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\f'; });
  for (auto at = s.find("　"); at != std::string::npos; at = s.find("　"))
    s.erase(at, std::string("　").size());
  return s;
}

struct Household {
  std::int64_t id;
  std::string name;
};

struct File {
  test::TempDir dir;
  test::ScratchDb scratch;  // the engine under test (label `engines`)
  const std::string db = scratch.target();
  sdk::OrgId org = 0;
  std::int64_t meeting = 0;
  std::vector<std::vector<Household>> han;  // the households of each 班 in the 班 order, as listed

  File() {
    {
      host::App app{host::AppOptions{
          .db_path = db, .plugin_dir = test::bin_dir() / "plugins", .actor = "setup", .create = true}};
      app.open_database();
      host::AppContext ctx(app);
      const sdk::DemoOptions opts = host::create_sample_organizations(app, 300);
      for (const auto& r : app.plugins().plugins())
        if (r.id == "members")
          for (const auto& step : sdk::impl::contributions(*r.contributions).demo_steps) step.fill(ctx, opts);
      org = opts.jichikai.front();
      auto& members = app.services().get<sdk::MemberDirectory>();
      auto& orgs = app.services().get<sdk::OrganizationDirectory>();
      const auto households = members.member_households(app.db(), org, {2026, 4, 19});
      for (const auto& h : orgs.han(app.db(), org)) {
        std::vector<Household> list;
        for (const auto& hh : households)
          if (hh.han_id == h.id) list.push_back({hh.id, hh.head_name});
        if (!list.empty()) han.push_back(std::move(list));
      }
    }
    auto added = test::run_cli({"--db", db, "--org", std::to_string(org), "--json", "minutes", "add",
                                "--kind", "総会", "--start", "2026-04-19 10:00", "--end", "2026-04-19 11:30",
                                "--place", "わっしょい会館", "--chair", "髙橋 一郎"});
    INFO(added.err);
    REQUIRE(added.exit_code == 0);
    meeting = nlohmann::json::parse(added.out)["id"].get<std::int64_t>();
  }
};

// Free io.KeysDown indices for the keys ImGui 1.86 maps (the driver uses 65 and 66).
constexpr int kDown = 70, kRight = 71, kTab = 72;

struct Window : test::ShellDriver {
  std::unique_ptr<host::App> app;

  explicit Window(File& f) {
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    app = std::make_unique<host::App>(
        host::AppOptions{.db_path = f.db, .plugin_dir = test::bin_dir() / "plugins", .actor = "受付"});
    app->open_database();
    shell =
        std::make_unique<gui::Shell>(*app, fonts, gui::ShellOptions{.start_org = f.org, .remember = false});
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_DownArrow] = kDown;
    io.KeyMap[ImGuiKey_RightArrow] = kRight;
    io.KeyMap[ImGuiKey_Tab] = kTab;
  }
  ~Window() { shell.reset(); }
  void key(int index) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[index] = true;
    frame();
    io.KeysDown[index] = false;
    frame();
  }
  void typed(char c) {
    ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
    frame();
  }
  bool shows(const std::string& text) {
    return no_spaces(frame()).find(no_spaces(text)) != std::string::npos;
  }
};

// What the officer types for the n-th household of the whole list: mostly 出席, some 委任状, a
// few 議決権行使書 and 欠席, digits and letters both.
char key_for(int n) {
  static const char kKeys[] = {'1', 's', '2', '1', 'I', '3', '1', '4', '2', 'k', 'g', '1'};
  return kKeys[n % 12];
}

}  // namespace

TEST_CASE("a 総会's reception for 137 households is recorded by 班 with the keyboard only") {
  File file;
  std::size_t households = 0;
  for (const auto& h : file.han) households += h.size();
  REQUIRE(households == 137);
  REQUIRE(file.han.size() >= 2);

  int present = 0, proxies = 0, written = 0;
  std::vector<std::pair<std::int64_t, char>> typed;
  {
    Window w(file);
    w.frame();
    REQUIRE(w.shell->show_panel("minutes.reception"));
    REQUIRE(w.shows("総会の受付"));
    w.click(file.han[0][0].name);  // the panel gets the keyboard
    int n = 0;
    for (std::size_t g = 0; g < file.han.size(); ++g) {
      INFO("班 " << g);
      for (std::size_t i = 0; i < file.han[g].size(); ++i, ++n) {
        const char k = key_for(n);
        typed.emplace_back(file.han[g][i].id, k);
        switch (k) {
          case '1':
          case 's':
            present++;
            break;
          case '2':
          case 'I':
            proxies++;
            break;
          case '3':
          case 'g':
            written++;
            break;
          default:
            break;
        }
        w.typed(k);
      }
      CHECK(w.shows(
          "受付済 " +
          std::to_string(std::count_if(typed.end() - static_cast<long>(file.han[g].size()), typed.end(),
                                       [](auto& t) { return t.second != '4' && t.second != 'k'; })) +
          "/" + std::to_string(file.han[g].size()) + "世帯"));
      if (g + 1 < file.han.size()) w.key(kRight);
    }
    // Three households came without being on the list: their head count, in its field.
    w.retype_before("名簿外の出席（世帯）", "3", 6.0f);
    w.click("人数を保存");
    CHECK(w.shows("名簿外の出席を3世帯にしました"));
    present += 3;
    const int counted = present + proxies + written;
    const int required = 137 / 2 + 1;
    INFO(w.frame());
    CHECK(
        w.shows("出席＋委任状＋行使書 " + std::to_string(counted) + " / 定足数 " + std::to_string(required)));
    CHECK(w.shows("内訳：出席 " + std::to_string(present) + "（うち名簿外 3）　委任状 " +
                  std::to_string(proxies) + "　議決権行使書 " + std::to_string(written) +
                  "　／　会員世帯数 137世帯"));
    CHECK(w.shows(counted >= required ? "成立" : "不足"));
  }

  // The minutes PDF's 定足数 sentence states the same counts.
  const fs::path pdf = file.dir / "minutes.pdf";
  auto out = test::run_cli({"--db", file.db, "--org", std::to_string(file.org), "minutes", "export",
                            std::to_string(file.meeting), "--format", "pdf", "--out", pdf.string()});
  INFO(out.err);
  REQUIRE(out.exit_code == 0);
  const std::string txt = file.dir / "minutes.txt";
  REQUIRE(std::system(("pdftotext '" + pdf.string() + "' '" + txt + "'").c_str()) == 0);
  const int counted = present + proxies + written;
  CHECK_THAT(no_spaces(test::read_file(txt)),
             Catch::Contains("会員世帯数137世帯のうち、出席" + std::to_string(present) +
                             "世帯（名簿外3世帯を含む）、委任状" + std::to_string(proxies) +
                             "世帯、議決権行使書" + std::to_string(written) + "世帯、計" +
                             std::to_string(counted) + "世帯で、定足数69世帯"));

  // The rows: one per marked household, of the kind its key said; one audited write per mark.
  sdk::Database db = sdk::Database::open(file.db, sdk::Database::Mode::ReadOnly);
  const std::string m = std::to_string(file.meeting);
  for (const auto& [id, k] : typed) {
    INFO("household " << id << " key " << k);
    const std::string h = std::to_string(id);
    const auto at = sdk::query_int(
        db, "SELECT count(*) FROM minutes_attendees WHERE meeting_id = " + m + " AND household_id = " + h);
    const auto kind = sdk::query_text(
        db, "SELECT kind FROM minutes_absent_votes WHERE meeting_id = " + m + " AND household_id = " + h);
    if (k == '1' || k == 's') CHECK((at == 1 && !kind));
    if (k == '2' || k == 'I') CHECK((at == 0 && kind == "proxy"));
    if (k == '3' || k == 'g') CHECK((at == 0 && kind == "written"));
    if (k == '4' || k == 'k') CHECK((at == 0 && !kind));
  }
  CHECK(sdk::query_int(db, "SELECT count FROM minutes_unlisted WHERE meeting_id = " + m) == 3);
  CHECK(sdk::query_int(db, "SELECT count(*) FROM audit_log WHERE action = 'minutes.reception'") ==
        present - 3 + proxies + written);
  CHECK(sdk::query_text(db, "SELECT detail FROM audit_log WHERE action = 'minutes.unlisted'") ==
        "meeting " + m + ": 0 → 3");
}
