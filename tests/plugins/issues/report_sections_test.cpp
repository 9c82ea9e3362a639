// The issues plugin's section of the 総会's 議案書 on the demo file: 課題 raised, resolved and still
// open equal to `issues list --json` for the 年度, a known title printed, a 班長 reading their 班.
#include <algorithm>

#include "report_demo.hpp"

using namespace wasshoi;
using Catch::Contains;

namespace {

// The demo's issues are raised from October 2025 on, over 150 days (plugins/issues/core/demo.cpp).
constexpr int kDemoYear = 2025;

struct Counted {
  nlohmann::json raised, resolved, open;
};

Counted from_cli(const test::ReportDemo& demo) {
  const auto p = demo.period();
  return {demo.cli({"issues", "list", "--from", p.from.iso(), "--to", p.to.iso()}),
          demo.cli({"issues", "list", "--status", "解決", "--closed-from", p.from.iso(), "--closed-to",
                    p.to.iso()}),
          demo.cli({"issues", "list", "--to", p.to.iso(), "--status", "受付", "--status", "検討中",
                    "--status", "自治会で対応", "--status", "市へ要望"})};
}

std::int64_t size(const nlohmann::json& j) {
  return static_cast<std::int64_t>(j.size());
}

}  // namespace

TEST_CASE("issues.summary prints the issues raised resolved and open as issues list counts them") {
  test::ReportDemo demo;
  demo.year = kDemoYear;
  Counted cli = from_cli(demo);
  REQUIRE(size(cli.raised) > 0);
  auto figures = demo.figures("issues.summary");
  CHECK(figures.at("raised") == size(cli.raised));
  CHECK(figures.at("resolved") == size(cli.resolved));
  CHECK(figures.at("open") == size(cli.open));

  std::string md = demo.markdown("issues.summary");
  CHECK_THAT(md, Contains(sdk::group_thousands(size(cli.raised)) + "件"));
  CHECK_THAT(md, Contains(sdk::group_thousands(size(cli.open)) + "件"));
  REQUIRE(size(cli.open) > 0);
  const std::string open_title = cli.open[0]["title"].get<std::string>();
  CHECK_THAT(md, Contains(open_title));
  CHECK_THAT(test::pdf_text_squeezed(demo.pdf("issues.summary")), Contains("地域課題の状況"));

  // Resolving an open issue today (inside the 年度) moves it from open to resolved in both.
  const auto p = demo.period();
  const auto day = std::clamp(sdk::today(), p.from, p.to).iso();
  demo.cli({"issues", "status", std::to_string(cli.open[0]["id"].get<std::int64_t>()), "解決", "--note",
            "市が修繕しました", "--date", day});
  const Counted after = from_cli(demo);
  figures = demo.figures("issues.summary");
  CHECK(size(after.resolved) == size(cli.resolved) + 1);
  CHECK(figures.at("resolved") == size(after.resolved));
  CHECK(figures.at("open") == size(cli.open) - 1);
  CHECK(figures.at("open") == size(after.open));
  md = demo.markdown("issues.summary");
  CHECK_THAT(md, Contains("解決した課題"));
  CHECK_THAT(md, Contains(open_title));
}

TEST_CASE("issues.summary shows a 班長 the issues of their 班 as their issues list does") {
  WASSHOI_SQLITE_ONLY("officer accounts, refused on a server until issue 20");
  test::ReportDemo demo;
  demo.year = kDemoYear;
  const Counted all = from_cli(demo);
  const auto officer = demo.figures("issues.summary");
  demo.add_accounts();
  const std::string han_name =
      *sdk::query_text(demo.app->db(), "SELECT name FROM han WHERE id = " + std::to_string(demo.first_han));
  std::int64_t raised = 0, open = 0;
  for (const auto& i : all.raised) raised += i["han"] == han_name;
  for (const auto& i : all.open) open += i["han"] == han_name;
  demo.as("hancho");
  const auto mine = demo.figures("issues.summary");
  CHECK(mine.at("raised") == raised);
  CHECK(mine.at("open") == open);
  CHECK(mine.at("raised") <= officer.at("raised"));
  demo.as("kaicho");
  CHECK(demo.figures("issues.summary") == officer);
}
