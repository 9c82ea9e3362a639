// bench-ledger: how the books scale with their history (see CMakeLists.txt). Entries are written
// with one prepared insert in one transaction (what 20 years of typing would leave), then read
// through the real core and panel code.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <wasshoi/host/app.hpp>
#include <wasshoi/host/app_context.hpp>

#include "core/books.hpp"
#include "core/reports.hpp"
#include "test_support.hpp"
#if WASSHOI_BENCH_FRAMES
#include <imgui.h>

#include "ui/book_panel.hpp"
#endif

using namespace wasshoi;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// `years` 年度 of `per_year` entries each, ending with `last`: income and expenses over every
// 科目 and account, a transfer now and then.
void fill(sdk::Database& db, sdk::OrgId org, int last, int years, int per_year, unsigned seed) {
  ledger::ensure_books(db, org);
  const auto accounts = ledger::accounts(db, org);
  const auto categories = ledger::categories(db, org);
  std::mt19937 rng(seed);
  sdk::Transaction tx(db, "bench.fill");
  sdk::Statement ins(
      db,
      "INSERT INTO ledger_entries(org_id, fiscal_year, day, account_id, category_id, kind, amount, "
      "summary, entered_by) VALUES(?, ?, ?, ?, ?, 'entry', ?, 'ベンチ', 'bench')");
  for (int year = last - years + 1; year <= last; ++year)
    for (int i = 0; i < per_year; ++i) {
      const auto& c = categories[rng() % categories.size()];
      const auto& a = accounts[rng() % accounts.size()];
      const std::int64_t amount = 1 + rng() % 50'000;
      ins.reset();
      ins.bind_all(org, year, sdk::Date{year, 4, 1}.add_days(static_cast<int>(rng() % 365)), a.id, c.id,
                   c.side == ledger::Side::Income ? amount : -amount)
          .run();
    }
  tx.commit();
}

double settlement_ms(sdk::Database& db, sdk::OrgId org, int year) {
  std::vector<double> runs;
  for (int i = 0; i < 21; ++i) {
    const auto start = Clock::now();
    const auto s = ledger::settlement(db, org, year);
    runs.push_back(ms_since(start));
    if (s.carry_out() != s.income_total - s.expense_total) std::abort();
  }
  std::sort(runs.begin(), runs.end());
  return runs[runs.size() / 2];
}

#if WASSHOI_BENCH_FRAMES
double frame(sdk::Context& ctx) {
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = 1.0f / 60.0f;
  const auto start = Clock::now();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(1280, 800));
  ImGui::Begin("book", nullptr, ImGuiWindowFlags_NoMove);
  ledger::ui::draw_book_panel(ctx);
  ImGui::End();
  ImGui::Render();
  return ms_since(start);
}

double frames(sdk::Context& ctx) {
  for (int i = 0; i < 10; ++i) frame(ctx);  // the first frame loads the year; layout settles
  constexpr int kFrames = 300;
  double total = 0;
  for (int i = 0; i < kFrames; ++i) total += frame(ctx);
  return total / kFrames;
}
#endif

}  // namespace

int main() {
  test::TempDir tmp;
  host::App app(host::AppOptions{.db_path = tmp / "bench.db",
                                 .plugin_dir = std::filesystem::path(WASSHOI_BIN_DIR) / "plugins",
                                 .actor = "bench",
                                 .create = true});
  app.open_database();
  auto orgs = app.orgs();
  const sdk::OrgId history = orgs.add(host::OrgKind::Jichikai, "二十年の自治会");
  const sdk::OrgId single = orgs.add(host::OrgKind::Jichikai, "一年の自治会");
  for (auto org : {history, single}) app.enable_plugin(org, "ledger");
  const int year = 2025;
  auto start = Clock::now();
  fill(app.db(), history, year + 10, 20, 3'000, 1);  // 2016–2035: the 年度 measured has 10 years on each side
  fill(app.db(), single, year, 1, 3'000, 2);
  std::printf("filled 20 years x 3 000 entries (+ 1 x 3 000) in %.0f ms\n", ms_since(start));
  const double big = settlement_ms(app.db(), history, year), small = settlement_ms(app.db(), single, year);
  std::printf("\n収支決算書 of one 年度 (median of 21 builds)\n");
  std::printf("  among 20 years x 3 000 entries %.2f ms   (target < 50 ms)\n", big);
  std::printf("  the same size, one year alone   %.2f ms   ratio %.2f\n", small, big / small);
#if WASSHOI_BENCH_FRAMES
  const sdk::OrgId many = orgs.add(host::OrgKind::Jichikai, "六万件の自治会");
  const sdk::OrgId few = orgs.add(host::OrgKind::Jichikai, "六百件の自治会");
  for (auto org : {many, few}) app.enable_plugin(org, "ledger");
  const int now = ledger::fiscal_year_of(sdk::today(), 4);
  fill(app.db(), many, now, 1, 60'000, 3);
  fill(app.db(), few, now, 1, 600, 4);
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1280, 800);
  io.IniFilename = nullptr;
  io.Fonts->AddFontDefault();
  unsigned char* pixels;
  int w, h;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  host::AppContext few_ctx(app, few), many_ctx(app, many);
  const double at_few = frames(few_ctx);
  const double at_many = frames(many_ctx);
  ImGui::DestroyContext();
  std::printf("\n出納帳 panel frame time (headless ImGui, 1280x800, ms per frame)\n");
  std::printf("  600 entries %.3f   60 000 entries %.3f   ratio %.2f  (target <= 1.3)\n", at_few, at_many,
              at_many / at_few);
#endif
  return 0;
}
