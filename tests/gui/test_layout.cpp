// Layouts that hold at every font size: every panel of every plugin and the host's own panels,
// drawn on the sample data (host::create_demo) in a 1280×800 window at 14, 20, 24 and 28 px, for
// the 自治会 and for the 地域協働体.
//
// How it checks (ImGui 1.86 internals, read after each panel's last frame, so nothing has to
// hook item submission — Debian's ImGui is built without the test-engine hooks):
//
//  1. Nothing leaves a window on the right. ImGui grows a window's DC.CursorMaxPos with the
//     rectangle of every item laid out in it (ItemSize runs before clipping, so a button placed
//     beyond the edge counts even though it is not drawn). After the frame, CursorMaxPos.x beyond
//     the window's WorkRect.Max.x means an item sticks out of the visible width: a button off the
//     edge, a row of fields too wide. Checked for the panel's window and its child windows (a
//     table with ScrollY is a child window); a window that scrolls horizontally on purpose
//     (ImGuiWindowFlags_HorizontalScrollbar, a table with ScrollX) may be wider. Vertical overflow
//     is never a failure: panels scroll. Tables do not push CursorMaxPos beyond their outer
//     rectangle, so cells are checked on their own:
//  2. Nothing is cut inside a table cell. ImGui records for each column how far the content of
//     its cells reached this frame (ImGuiTableColumn::ContentMaxXFrozen/Unfrozen). Content
//     reaching beyond the column's right edge (MaxX, where its clip rectangle ends) is clipped
//     there: 「19:(」 for 19:00. Text that may be longer than any column (addresses, titles) is
//     drawn with sdk::ui::TextEllipsis, which lays out only the width it has, ends with "…" and
//     shows the whole text in a tooltip; so "clipped without a tooltip" is exactly "content
//     beyond the column". Header labels are not checked: ImGui's TableHeader ends a cut label
//     with "…" and shows it whole in a tooltip.
//  3. No number is broken across lines (「493,」 /「200円」): ImGui wraps after a comma. Read back
//     from the rendered glyphs: a digit, comma or 円 that continues a number on the next line of
//     the same wrapped text (exactly one line height lower, to the left).
//
// Every failure names the size, the panel, the window or table column and by how many pixels.
#include <imgui_internal.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/app_context.hpp>
#include <wasshoi/host/demo.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/text.hpp>

#include "headless.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

// The sample 地域協働体 and 自治会 with every plugin's demo data, without officer accounts: made
// once, copied for each font size.
struct LayoutSample {
  test::TempDir dir;
  fs::path db = dir / "sample.db";
  sdk::OrgId jichikai = 0, kyodotai = 0, kominkan = 0;

  LayoutSample() {
    host::App app{host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"}};
    app.open_database();
    host::AppContext ctx(app);
    const sdk::DemoOptions demo = host::create_demo(app, ctx, 120);
    jichikai = demo.jichikai.at(0);
    kyodotai = demo.kyodotai;
    kominkan = demo.support;  // the 公民館: its rooms and who booked them
  }
};

const LayoutSample& layout_sample() {
  static const LayoutSample s;
  return s;
}

constexpr float kSlack = 1.0f;  // rounding of positions

std::string px(float v) {
  std::ostringstream out;
  out << static_cast<int>(v + 0.5f) << " px";
  return out.str();
}

bool in_tree(const ImGuiWindow* w, const ImGuiWindow* root) {
  return w && root && w->RootWindow == root;
}

// 1. Windows of `root`'s tree whose items reach beyond their right edge.
void check_windows(ImGuiWindow* root, const std::string& where, std::set<std::string>& problems) {
  ImGuiContext& g = *GImGui;
  for (ImGuiWindow* w : g.Windows) {
    if (!w->Active || w->Hidden || !in_tree(w, root)) continue;
    if (w->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup)) continue;
    if (w->Flags & ImGuiWindowFlags_HorizontalScrollbar) continue;  // scrolls sideways on purpose
    // The text area of InputTextMultiline (a child window ImGui makes with NoMove): ImGui scrolls
    // the text in it to the cursor itself.
    if ((w->Flags & ImGuiWindowFlags_ChildWindow) && (w->Flags & ImGuiWindowFlags_NoMove)) continue;
    const float over = w->DC.CursorMaxPos.x - w->WorkRect.Max.x;
    if (over > kSlack)
      problems.insert(where + ": window '" + w->Name + "' has items " + px(over) + " beyond its right edge");
  }
}

// 2. Table columns of `root`'s tree whose content is cut at the column's edge.
void check_tables(ImGuiWindow* root, const std::string& where, std::set<std::string>& problems) {
  ImGuiContext& g = *GImGui;
  for (int n = 0; n < g.Tables.GetMapSize(); ++n) {
    ImGuiTable* t = g.Tables.TryGetMapData(n);
    if (!t || t->LastFrameActive != g.FrameCount || !in_tree(t->OuterWindow, root)) continue;
    for (int c = 0; c < t->ColumnsCount; ++c) {
      const ImGuiTableColumn& col = t->Columns[c];
      if (!col.IsEnabled || !col.IsVisibleX || col.IsSkipItems) continue;
      const float content = std::max(col.ContentMaxXFrozen, col.ContentMaxXUnfrozen);
      const float edge = col.MaxX;
      const char* name = ImGui::TableGetColumnName(t, c);
      std::string column = std::string("table in '") + t->OuterWindow->Name + "' column " +
                           std::to_string(c) + " (" + (name ? name : "") + ")";
      if (content - edge > kSlack)
        problems.insert(where + ": " + column + ": a cell is cut by " + px(content - edge));
    }
  }
}

bool number_part(char32_t c) {
  return (c >= U'0' && c <= U'9') || c == U',' || c == U'.' || c == U'円' || c == U'%';
}
bool digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

struct Glyph {
  char32_t c;
  ImVec2 min;
  float top;  // of its line: min.y less the glyph's offset in the font
};

// The glyphs `w` drew this frame, in order. Text quads written by ImFont::RenderText are four
// vertices, UV (U0,V0) first and (U1,V1) third (as in headless.cpp).
std::vector<Glyph> glyphs_of(const ImGuiWindow* w, const ImFont* font) {
  std::map<std::pair<float, float>, const ImFontGlyph*> by_uv;
  for (const ImFontGlyph& g : font->Glyphs)
    if (g.Visible) by_uv[{g.U0, g.V0}] = &g;
  std::vector<Glyph> out;
  const ImVector<ImDrawVert>& v = w->DrawList->VtxBuffer;
  for (int i = 0; i + 3 < v.Size;) {
    auto it = by_uv.find({v[i].uv.x, v[i].uv.y});
    if (it == by_uv.end() || v[i + 1].uv.y != v[i].uv.y || v[i + 3].uv.x != v[i].uv.x) {
      ++i;
      continue;
    }
    const float scale = ImGui::GetFontSize() / font->FontSize;
    out.push_back(
        {static_cast<char32_t>(it->second->Codepoint), v[i].pos, v[i].pos.y - it->second->Y0 * scale});
    i += 4;
  }
  return out;
}

// 3. A number broken by the wrapping of a text: the glyph after a digit or comma starts the next
// line of the same text (exactly one line height lower, further left) and continues the number.
void check_numbers(ImGuiWindow* root, const std::string& where, std::set<std::string>& problems) {
  ImGuiContext& g = *GImGui;
  const float line = ImGui::GetFontSize();
  for (ImGuiWindow* w : g.Windows) {
    if (!w->Active || w->Hidden || !in_tree(w, root)) continue;
    const std::vector<Glyph> glyphs = glyphs_of(w, ImGui::GetIO().Fonts->Fonts[0]);
    for (std::size_t i = 0; i + 1 < glyphs.size(); ++i) {
      const Glyph& a = glyphs[i];
      const Glyph& b = glyphs[i + 1];
      if (!(digit(a.c) || a.c == U',') || !number_part(b.c)) continue;
      if (std::abs(b.top - a.top - line) > 0.6f || b.min.x >= a.min.x) continue;
      std::u32string number;
      for (std::size_t k = i; k > 0 && number_part(glyphs[k - 1].c); --k)
        number.insert(number.begin(), glyphs[k - 1].c);
      number += a.c;
      number += U'/';
      for (std::size_t k = i + 1; k < glyphs.size() && number_part(glyphs[k].c); ++k) number += glyphs[k].c;
      problems.insert(where + ": a number is broken across lines in '" + w->Name +
                      "': " + sdk::u32_to_utf8(number));
    }
  }
}

struct LayoutRun {
  test::TempDir dir;
  fs::path db = dir / "layout.db";
  std::unique_ptr<host::App> app;
  gui::FontSet fonts{gui::find_japanese_font()};

  explicit LayoutRun(int size) {
    fs::copy_file(layout_sample().db, db);
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    app = std::make_unique<host::App>(
        host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"});
    app->open_database();
    fonts.set_size(size);
  }
};

// Draws every panel of `org` in turn, each in front for a few frames (tables take their widths on
// the second frame, the list clipper and scrollbars settle after that), and checks it.
void walk(LayoutRun& run, gui::Shell& shell, test::HeadlessImGui& imgui, sdk::OrgId org, int size,
          std::set<std::string>& problems, int& panels) {
  shell.select_org(org);
  auto frame = [&] { imgui.frame([&] { shell.draw_frame(); }); };
  frame();
  for (const std::string& id : shell.panel_ids()) {
    REQUIRE(shell.show_panel(id));
    for (int i = 0; i < 7; ++i) frame();
    const std::string screen = imgui.frame([&] { shell.draw_frame(); });
    const std::string where = std::to_string(size) + " px, organization " + std::to_string(org) + ", " + id;
    ImGuiWindow* window = ImGui::FindWindowByName(("###" + id).c_str());
    INFO(where);
    REQUIRE(window);
    REQUIRE(window->Active);
    check_windows(window, where, problems);
    check_tables(window, where, problems);
    check_numbers(window, where, problems);
    // Officers never open a terminal: no screen sends them to the command line.
    if (screen.find("wasshoi-cli") != std::string::npos)
      problems.insert(where + ": tells the officer to run wasshoi-cli");
    ++panels;
  }
  for (const auto& record : run.app->plugins().plugins()) {
    INFO(record.id << " " << record.reason);
    CHECK(record.state == host::PluginState::Loaded);
  }
}

void check_size(int size) {
  LayoutRun run(size);
  gui::Shell shell(*run.app, run.fonts, {.start_org = layout_sample().jichikai, .remember = false});
  test::HeadlessImGui imgui(run.fonts);
  REQUIRE(ImGui::GetIO().DisplaySize.x == 1280);
  REQUIRE(ImGui::GetIO().DisplaySize.y == 800);
  std::set<std::string> problems;
  int panels = 0;
  walk(run, shell, imgui, layout_sample().jichikai, size, problems, panels);
  walk(run, shell, imgui, layout_sample().kyodotai, size, problems, panels);
  walk(run, shell, imgui, layout_sample().kominkan, size, problems, panels);
  CHECK(ImGui::GetFontSize() == Approx(size));
  CHECK(panels >= 20);
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  if (std::getenv("WASSHOI_LAYOUT_LIST")) std::cerr << all;  // one line each, for working through them
  INFO(all);
  CHECK(problems.empty());
}

}  // namespace

// Every text the window can show comes from a catalog: none may send the officer to the command
// line. Texts for the CLI alone are keyed cli.* (host) or <plugin>.cli.*.
TEST_CASE("no catalog text the window shows tells the officer to run wasshoi-cli") {
  int catalogs = 0;
  std::string offenders;
  for (const auto& entry : fs::directory_iterator(test::bin_dir() / "i18n")) {
    if (entry.path().extension() != ".json") continue;
    ++catalogs;
    std::ifstream in(entry.path());
    const auto json = nlohmann::json::parse(in);
    for (const auto& [key, value] : json.items()) {
      if (!value.is_string() || value.get<std::string>().find("wasshoi-cli") == std::string::npos) continue;
      if (key.starts_with("cli.") || key.find(".cli.") != std::string::npos) continue;
      offenders += entry.path().filename().string() + ": " + key + "\n";
    }
  }
  CHECK(catalogs >= 10);
  INFO(offenders);
  CHECK(offenders.empty());
}

TEST_CASE("every panel holds its layout at 14 px") {
  check_size(14);
}

TEST_CASE("every panel holds its layout at 20 px") {
  check_size(20);
}

TEST_CASE("every panel holds its layout at 24 px") {  // where 議案's 保存 was off the edge
  check_size(24);
}

TEST_CASE("every panel holds its layout at 28 px") {
  check_size(28);
}
