// The pieces every panel uses (sdk/ui_panel.hpp): PerOrg, run_action and the panel's message,
// section; and the session number host core gives every sign-in, which PerOrg keys on.
#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app_context.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "headless.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace ui = wasshoi::sdk::ui;

namespace {

// Two 自治会 and three officers of the first: enough to switch organizations and officers.
struct Officers {
  test::TempDir dir;
  host::App app{{.db_path = dir / "officers.db", .plugin_dir = dir / "no-plugins"}};
  sdk::OrgId a = 0, b = 0;

  Officers() {
    app.open_database();
    auto orgs = app.orgs();
    a = orgs.add(host::OrgKind::Jichikai, "山目第一自治会");
    b = orgs.add(host::OrgKind::Jichikai, "山目第二自治会");
    const std::int64_t han1 = orgs.add_han(a, "1班");
    host::Accounts accounts(app.db());
    const sdk::Access setup = sdk::Access::everything();
    accounts.add(setup, "kaicho", "髙橋 一郎", test::kPassphrase, sdk::Role::Chair, a, std::nullopt);
    accounts.add(setup, "yakuin", "﨑山 花子", test::kPassphrase, sdk::Role::Officer, a, std::nullopt);
    accounts.add(setup, "hancho", "𠮷田 次郎", test::kPassphrase, sdk::Role::HanLeader, a, han1);
  }
};

// What a panel might keep: a selection and something typed.
struct Typed {
  std::int64_t selected = 0;
  std::string text;
};

// A Context without a host: the SDK's defaults (nobody signed in, session 0).
class BareContext final : public sdk::Context {
 public:
  sdk::Database& db() override { throw std::logic_error("no database"); }
  sdk::EventBus& events() override { return events_; }
  sdk::Services& services() override { return services_; }
  sdk::OrgId current_org() const override { return 7; }
  std::string language() const override { return "ja"; }
  void notify(const std::string&) override {}

 private:
  sdk::EventBus events_;
  sdk::Services services_;
};

void in_window(const std::function<void()>& body) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(800, 400));
  ImGui::Begin("pieces");
  body();
  ImGui::End();
}

// The colours the last frame drew with (text, frames, rules), each once.
std::set<ImU32> colours_drawn() {
  std::set<ImU32> out;
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l)
    for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) out.insert(v.col);
  return out;
}

}  // namespace

TEST_CASE("host core gives every sign-in and sign-out a session number of its own") {
  CHECK(sdk::Access{}.session == 0);
  CHECK(BareContext{}.access().session == 0);  // outside a host: nobody, session 0
  Officers f;
  std::set<std::uint64_t> seen{f.app.access().session};
  CHECK(f.app.access().session != 0);  // opened without accounts: everything, a session too
  auto next = [&] {
    const std::uint64_t s = f.app.access().session;
    CHECK(seen.insert(s).second);  // never one seen before
  };
  f.app.sign_in("kaicho", test::kPassphrase);
  next();
  f.app.sign_out();
  next();
  CHECK(f.app.access().session != 0);
  f.app.sign_in("hancho", test::kPassphrase);
  next();
  f.app.sign_out();
  next();
  f.app.sign_in("hancho", test::kPassphrase);  // the same officer again
  next();
  CHECK_THROWS_AS(f.app.sign_in("hancho", "not the passphrase"), sdk::InputError);
  CHECK(seen.count(f.app.access().session) == 1);  // a refused sign-in changes nothing
  // Another App in the same program (tests, benchmarks) never repeats a number.
  Officers other;
  CHECK(seen.count(other.app.access().session) == 0);
}

TEST_CASE("PerOrg keeps a panel's state while the organization stays and starts afresh when it changes") {
  Officers f;
  f.app.sign_in("kaicho", test::kPassphrase);
  host::AppContext ctx(f.app, f.a);
  ui::PerOrg<Typed> state;
  CHECK(state.last() == nullptr);
  state.get(ctx).selected = 42;
  state.get(ctx).text = "𠮷田";
  CHECK(state.get(ctx).selected == 42);
  CHECK(state.get(ctx).text == "𠮷田");
  CHECK(state.org() == f.a);
  REQUIRE(state.last() != nullptr);
  CHECK(state.last()->selected == 42);

  ctx.set_org(f.b);
  CHECK(state.get(ctx).selected == 0);
  CHECK(state.get(ctx).text.empty());
  CHECK(state.org() == f.b);
  state.get(ctx).selected = 7;
  ctx.set_org(f.a);  // back again: one state, the last organization's
  CHECK(state.get(ctx).selected == 0);
  ctx.set_org(0);  // none chosen
  CHECK(state.get(ctx).selected == 0);
}

TEST_CASE("PerOrg starts afresh when the officer signs out, whoever signs in next") {
  Officers f;
  host::AppContext ctx(f.app, f.a);  // the organization stays the same throughout
  ui::PerOrg<Typed> state;
  f.app.sign_in("kaicho", test::kPassphrase);
  state.get(ctx).selected = 42;
  f.app.sign_out();
  CHECK(state.get(ctx).selected == 0);  // signed out: nothing of the 会長's work
  state.get(ctx).selected = 1;
  f.app.sign_in("yakuin", test::kPassphrase);  // another officer of the same organization
  CHECK(state.get(ctx).selected == 0);
  state.get(ctx).selected = 43;
  CHECK(state.get(ctx).selected == 43);
  f.app.sign_out();
  f.app.sign_in("yakuin", test::kPassphrase);  // the same officer again, without a frame in between
  CHECK(state.get(ctx).selected == 0);
}

TEST_CASE("PerOrg makes fresh states with the function it was given") {
  Officers f;
  host::AppContext ctx(f.app, f.a);
  ui::PerOrg<Typed> state([] { return Typed{.selected = -1, .text = "10:00"}; });
  CHECK(state.get(ctx).selected == -1);
  state.get(ctx).text = "19:00";
  ctx.set_org(f.b);
  CHECK(state.get(ctx).text == "10:00");
}

TEST_CASE("run_action turns an sdk::Error into the panel's message and success into its confirmation") {
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  ui::PanelMessage message;
  bool wrote = false;
  CHECK(ui::run_action(message, "保存しました", [&] { wrote = true; }));
  CHECK(wrote);
  CHECK(message.text == "保存しました");
  CHECK_FALSE(message.is_error);

  CHECK_FALSE(
      ui::run_action(message, "保存しました", [] { throw sdk::InputError("a person needs a name (氏名)"); }));
  CHECK(message.text == "a person needs a name (氏名)");
  CHECK(message.is_error);

  CHECK(ui::run_action(message, {}, [] {}));  // no confirmation: the refusal goes away
  CHECK(message.empty());
  CHECK_FALSE(message.is_error);

  CHECK_FALSE(ui::run_action(message, {}, [] { throw sdk::DbError("FOREIGN KEY constraint failed", 787); }));
  CHECK(message.text == "FOREIGN KEY constraint failed");
  CHECK(message.is_error);

  // A busy database says what the status bar and the CLI say, in the window's language.
  CHECK_FALSE(ui::run_action(message, {}, [] { throw sdk::BusyError("database is locked", 5); }));
  CHECK(message.text == sdk::tr("cli.busy"));
  CHECK_THAT(message.text, Catch::Contains("使用中"));

  // Anything else is the plugin's fault: it goes on to the host, which disables the plugin.
  message.clear();
  CHECK_THROWS_AS(ui::run_action(message, "done", [] { throw std::out_of_range("vector::at"); }),
                  std::out_of_range);
  CHECK(message.empty());
}

TEST_CASE("show draws a refusal in the warning colour and a confirmation in the success colour") {
  gui::FontSet fonts(gui::find_japanese_font());
  test::HeadlessImGui imgui(fonts);
  ui::PanelMessage message;
  message.error("𠮷田さんの世帯は 3班 ではありません");
  std::string text = imgui.frame([&] { in_window([&] { ui::show(message); }); });
  text = imgui.frame([&] { in_window([&] { ui::show(message); }); });
  CHECK_THAT(text, Catch::Contains("吉※田さんの世帯は3班ではありません"));  // 𠮷 legible, as sdk::ui::Text
  CHECK(colours_drawn().count(ImGui::GetColorU32(ui::error_colour())) == 1);
  CHECK(colours_drawn().count(ImGui::GetColorU32(ui::done_colour())) == 0);

  message.done("保存しました");
  text = imgui.frame([&] { in_window([&] { ui::show(message); }); });
  CHECK_THAT(text, Catch::Contains("保存しました"));
  CHECK(colours_drawn().count(ImGui::GetColorU32(ui::done_colour())) == 1);
  CHECK(colours_drawn().count(ImGui::GetColorU32(ui::error_colour())) == 0);

  message.clear();
  text = imgui.frame([&] { in_window([&] { ui::show(message); }); });
  CHECK_THAT(text, !Catch::Contains("保存"));
}

TEST_CASE("section draws its title over a rule, muted on request") {
  gui::FontSet fonts(gui::find_japanese_font());
  test::HeadlessImGui imgui(fonts);
  auto draw = [&](ui::Heading style) {
    return imgui.frame([&] {
      in_window([&] {
        ui::section("世帯の人", style);
        ImGui::TextUnformatted("below");
      });
    });
  };
  draw(ui::Heading::Plain);
  std::string text = draw(ui::Heading::Plain);
  CHECK_THAT(text, Catch::Contains("世帯の人below"));
  CHECK(colours_drawn().count(ImGui::GetColorU32(ImGuiCol_TextDisabled)) == 0);  // in the text colour
  text = draw(ui::Heading::Muted);
  CHECK(colours_drawn().count(ImGui::GetColorU32(ImGuiCol_TextDisabled)) == 1);
  // The rule lies between the title and what follows.
  const auto title = imgui.find("世帯の人"), below = imgui.find("below");
  REQUIRE(title);
  REQUIRE(below);
  CHECK(below->y - title->y > ImGui::GetTextLineHeight());
}

TEST_CASE("ReasonPrompt returns the reason typed once 実行 is clicked, and nothing while it is blank") {
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  gui::FontSet fonts(gui::find_japanese_font());
  test::HeadlessImGui imgui(fonts);
  ImGui::GetIO().DisplaySize = ImVec2(1000, 700);
  ui::ReasonPrompt prompt;
  std::optional<std::string> got;
  int returned = 0;
  auto draw = [&] {
    in_window([&] {
      if (auto r = prompt.draw()) got = r, ++returned;
    });
  };
  prompt.open("支払いの取り消し", "3班 佐藤 ¥6,000（2026年4月21日）");
  std::string screen = imgui.frame(draw);
  screen = imgui.frame(draw);
  CHECK(screen.find("支払いの取り消し") != std::string::npos);
  INFO(screen);
  CHECK(screen.find("佐藤¥6,000") != std::string::npos);
  CHECK(prompt.is_open());

  // Blank: 実行 is disabled, a click does nothing.
  imgui.click(*imgui.find("実行"), draw);
  imgui.frame(draw);
  CHECK_FALSE(got);
  CHECK(prompt.is_open());

  // The field had the keyboard from the start; the click took it away: click into it (the line
  // under its label) and type.
  ImVec2 field = *imgui.find("理由（記録に残ります）");
  field.y += ImGui::GetFontSize() * 1.5f;
  imgui.click(field, draw);
  ImGui::GetIO().AddInputCharactersUTF8("  二重に記録した  ");
  imgui.frame(draw);
  imgui.frame(draw);
  imgui.click(*imgui.find("実行"), draw);
  imgui.frame(draw);
  REQUIRE(got);
  CHECK(*got == "二重に記録した");
  CHECK(returned == 1);
  CHECK_FALSE(prompt.is_open());
  screen = imgui.frame(draw);
  CHECK(screen.find("支払いの取り消し") == std::string::npos);
}

TEST_CASE("Confirm is true once on 実行 and never after やめる") {
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  gui::FontSet fonts(gui::find_japanese_font());
  test::HeadlessImGui imgui(fonts);
  ImGui::GetIO().DisplaySize = ImVec2(1000, 700);
  ui::Confirm confirm;
  int yes = 0;
  auto draw = [&] { in_window([&] { yes += confirm.draw() ? 1 : 0; }); };
  confirm.open("アカウントの停止", "suzuki は二度とサインインできません。", "停止する");
  imgui.frame(draw);
  imgui.frame(draw);
  imgui.click(*imgui.find("やめる"), draw);
  imgui.frame(draw);
  CHECK(yes == 0);
  CHECK_FALSE(confirm.is_open());
  confirm.open("アカウントの停止", "suzuki は二度とサインインできません。", "停止する");
  imgui.frame(draw);
  imgui.frame(draw);
  imgui.click(*imgui.find("停止する"), draw);
  imgui.frame(draw);
  CHECK(yes == 1);
}

TEST_CASE("UndoOffer runs the inverse once and says so, and a refused inverse becomes the message") {
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  gui::FontSet fonts(gui::find_japanese_font());
  test::HeadlessImGui imgui(fonts);
  ImGui::GetIO().DisplaySize = ImVec2(1000, 700);
  ui::UndoOffer offer;
  ui::PanelMessage message;
  int undone = 0;
  auto draw = [&] { in_window([&] { ui::show_undo(offer, message); }); };
  offer.offer("𠮷田 次郎 を出席者から外しました", [&] { ++undone; });
  std::string screen = imgui.frame(draw);
  CHECK(screen.find("外しました") != std::string::npos);
  imgui.click(*imgui.find("元に戻す"), draw);
  CHECK(undone == 1);
  CHECK(offer.empty());
  CHECK(message.text == "元に戻しました");
  screen = imgui.frame(draw);
  CHECK(screen.find("元に戻す") == std::string::npos);

  offer.offer("1件を取り消しました", [] { throw sdk::InputError("この記録はもう承認されています"); });
  imgui.frame(draw);
  imgui.click(*imgui.find("元に戻す"), draw);
  CHECK(message.is_error);
  CHECK(message.text == "この記録はもう承認されています");
}
