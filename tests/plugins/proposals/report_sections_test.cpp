// The proposals plugin's section of the 総会's 議案書 on the demo file: the 要望書 submitted in the
// 年度 and the city's answers, equal to `proposals list --json`.
#include <algorithm>

#include "report_demo.hpp"

using namespace wasshoi;
using Catch::Contains;

TEST_CASE(
    "proposals.summary prints the requests submitted in the 年度 and the answers as proposals list has "
    "them") {
  test::ReportDemo demo(30);
  const auto p = demo.period();
  const auto listed = demo.cli({"proposals", "list", "--submitted-in", std::to_string(demo.year)});
  // The same from the whole list, by its submission dates.
  std::int64_t submitted = 0, answered = 0;
  for (const auto& s : demo.cli({"proposals", "list"})) {
    if (s["submitted_on"].is_null()) continue;
    const auto on = *sdk::parse_iso_date(s["submitted_on"].get<std::string>());
    if (on < p.from || on > p.to) continue;
    ++submitted;
    answered += !s["answer"].is_null();
  }
  CHECK(static_cast<std::int64_t>(listed.size()) == submitted);
  const auto f = demo.figures("proposals.summary");
  CHECK(f.at("submitted") == submitted);
  CHECK(f.at("answered") == answered);
  REQUIRE(submitted > 0);

  const std::string md = demo.markdown("proposals.summary");
  CHECK_THAT(md, Contains(sdk::group_thousands(submitted) + "件"));
  for (const auto& s : listed) {
    CHECK_THAT(md, Contains(s["title"].get<std::string>()));
    CHECK_THAT(md,
               Contains(sdk::format_print_date(*sdk::parse_iso_date(s["submitted_on"].get<std::string>()))));
  }
  const std::string pdf = test::pdf_text_squeezed(demo.pdf("proposals.summary"));
  CHECK_THAT(pdf, Contains("市への要望と回答"));
}

TEST_CASE("proposals.summary counts a request answered by the city once the answer is recorded") {
  test::ReportDemo demo(30);
  const auto listed = demo.cli({"proposals", "list", "--submitted-in", std::to_string(demo.year)});
  const auto before = demo.figures("proposals.summary");
  for (const auto& s : listed) {
    if (!s["answer"].is_null()) continue;
    const auto p = demo.period();
    demo.cli({"proposals", "answer", std::to_string(s["id"].get<std::int64_t>()), "--category", "対応する",
              "--date", std::clamp(sdk::today(), p.from, p.to).iso(), "--text",
              "令和9年度に髙﨑橋の補修を行います。"});
    const auto after = demo.figures("proposals.summary");
    CHECK(after.at("answered") == before.at("answered") + 1);
    CHECK(after.at("submitted") == before.at("submitted"));
    CHECK_THAT(demo.markdown("proposals.summary"), Contains("令和9年度に髙﨑橋の補修を行います。"));
    return;
  }
  SUCCEED("every request of the demo's 年度 is answered already");
}
