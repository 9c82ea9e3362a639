// The roster panel driven without a window: it reads only the rows it shows.
#include "ui/roster_panel.hpp"

#include <imgui.h>

#include <catch2/catch.hpp>
#include <functional>
#include <set>
#include <wasshoi/host/app_context.hpp>

#include "core/demo.hpp"
#include "members_fixture.hpp"
#include "ui/roster_view.hpp"

using namespace wasshoi;
using namespace wasshoi::members;

namespace {

using AppContext = host::AppContext;  // the plain Context over an App

struct HeadlessImGui {
  HeadlessImGui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.IniFilename = nullptr;
    unsigned char* pixels;
    int w, h;
    io.Fonts->AddFontDefault();
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  void frame(const std::function<void()>& draw) {
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowSize(ImVec2(1200, 700));
    ImGui::Begin("roster");
    draw();
    ImGui::End();
    ImGui::Render();
  }
};

}  // namespace

TEST_CASE("the roster panel over 12 000 persons reads a few pages of rows, not the whole roster") {
  test::RosterDb r;
  fill_demo_jichikai(r.db(), r.orgs(), r.org, 5000, 1);
  AppContext ctx(r.app, r.org);
  HeadlessImGui imgui;
  for (int i = 0; i < 5; ++i) imgui.frame([&] { ui::draw_roster_panel(ctx); });
  CHECK(ui::roster_panel_size() > 10000);
  CHECK(ui::roster_panel_pages_loaded() <= 2);  // about 30 rows fit on screen; a page holds 64
}

TEST_CASE("the roster view keeps a bounded number of pages and reloads after a write") {
  test::RosterDb r;
  fill_demo_jichikai(r.db(), r.orgs(), r.org, 400, 1);
  ui::RosterView view;
  RosterQuery q{.org = r.org};
  view.update(r.db(), q, 1);
  const std::size_t n = view.size();
  REQUIRE(n > 500);
  for (std::size_t i = 0; i < n; i += 7) CHECK_FALSE(view.row(r.db(), i).name.empty());
  CHECK(view.pages_loaded() == (n + ui::RosterView::kPageRows - 1) / ui::RosterView::kPageRows);
  CHECK(view.row(r.db(), 0).person == view.row(r.db(), 0).person);
  q.search = "たかはし";
  view.update(r.db(), q, 1);
  CHECK(view.size() < n);
  CHECK(view.size() > 0);
}

// The panels exist only in a build with the window (ui/ is compiled then), hence here.
TEST_CASE("the roster screens are offered in a 自治会 and not in a 地域協働体 that enabled the plugin too") {
  test::RosterDb r;
  auto orgs = r.app.orgs();
  const sdk::OrgId kyodotai = orgs.add(host::OrgKind::Kyodotai, "舞川地域協働体");
  r.app.enable_plugin(kyodotai, "members");
  auto ids = [&](sdk::OrgId org) {
    std::set<std::string> out;
    for (const auto& [plugin, panel] : r.app.panels_for(org))
      if (plugin->id == "members") out.insert(panel->id);
    return out;
  };
  const auto in_jichikai = ids(r.org);
  CHECK(in_jichikai.count("members.roster") == 1);
  CHECK(in_jichikai.count("members.household") == 1);
  CHECK(in_jichikai.count("members.dues") == 1);
  CHECK(ids(kyodotai).empty());
  CHECK(r.app.enabled_plugins(kyodotai).size() >= 1);  // enabled, and still nothing to show
}
