// Roster panel frame time at 100 000 persons against 100 persons, ImGui without a window:
// still frames, and frames scrolling through the table (which load new pages of rows).
#include <imgui.h>

#include <cstdio>
#include <wasshoi/host/app_context.hpp>

#include "bench.hpp"
#include "core/importer.hpp"
#include "ui/roster_panel.hpp"

namespace wasshoi::bench {

namespace {

using BenchContext = host::AppContext;  // the plain Context over an App

double frame(sdk::Context& ctx, float wheel) {
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = 1.0f / 60.0f;
  io.MousePos = ImVec2(600, 400);
  io.MouseWheel = wheel;
  auto start = Clock::now();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(1280, 800));
  ImGui::Begin("roster", nullptr, ImGuiWindowFlags_NoMove);
  members::ui::draw_roster_panel(ctx);
  ImGui::End();
  ImGui::Render();
  return ms_since(start);
}

struct FrameTimes {
  double still = 0, scrolling = 0;
};

FrameTimes measure(sdk::Context& ctx) {
  for (int i = 0; i < 10; ++i) frame(ctx, 0);  // first frame reads the ids; layout settles
  constexpr int kFrames = 300;
  FrameTimes t;
  for (int i = 0; i < kFrames; ++i) t.still += frame(ctx, 0);
  for (int i = 0; i < kFrames; ++i) t.scrolling += frame(ctx, -3.0f);
  t.still /= kFrames;
  t.scrolling /= kFrames;
  return t;
}

void import_into(host::App& app, sdk::OrgId org, const std::string& csv) {
  members::ImportOptions options;
  members::import_roster(app.db(), app.services().get<sdk::OrganizationDirectory>(), org,
                         members::read_roster(csv, options), options);
}

}  // namespace

void bench_frames(const std::filesystem::path& folder, const std::string& big_csv) {
  BenchDb b(folder, "frames.db");
  sdk::OrgId small = b.app.orgs().add(host::OrgKind::Jichikai, "小さな自治会");
  import_into(b.app, b.org, big_csv);
  import_into(b.app, small, roster_csv(100, 7));
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1280, 800);
  io.IniFilename = nullptr;
  io.Fonts->AddFontDefault();
  unsigned char* pixels;
  int w, h;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  BenchContext big_ctx(b.app, b.org), small_ctx(b.app, small);
  FrameTimes at_small = measure(small_ctx);
  FrameTimes at_big = measure(big_ctx);
  ImGui::DestroyContext();
  std::printf("\nroster panel frame time (headless ImGui, 1280x800, ms per frame)\n");
  std::printf("  still:      100 persons %.3f   100 000 persons %.3f   ratio %.2f  (target <= 1.3)\n",
              at_small.still, at_big.still, at_big.still / at_small.still);
  std::printf("  scrolling:  100 persons %.3f   100 000 persons %.3f   ratio %.2f  (pages read: %zu)\n",
              at_small.scrolling, at_big.scrolling, at_big.scrolling / at_small.scrolling,
              members::ui::roster_panel_pages_loaded());
}

}  // namespace wasshoi::bench
