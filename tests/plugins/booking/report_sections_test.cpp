// The booking plugin's section of the 総会's 議案書 on the demo file: 利用実績 of the 自治会's own
// bookings equal to `booking list --json` for the 年度 (cancelled ones apart), and a room named.
#include <cmath>

#include "report_demo.hpp"

using namespace wasshoi;
using Catch::Contains;

namespace {

struct Counted {
  std::int64_t bookings = 0, minutes = 0, cancelled = 0;
  std::string room;
};

// What `booking list` reports for the 年度: live bookings, and with --all the cancelled too.
Counted from_cli(const test::ReportDemo& demo) {
  const auto p = demo.period();
  const auto live = demo.cli({"booking", "list", "--from", p.from.iso(), "--to", p.to.iso()});
  const auto all = demo.cli({"booking", "list", "--from", p.from.iso(), "--to", p.to.iso(), "--all"});
  Counted c;
  for (const auto& b : live) {
    ++c.bookings;
    c.minutes += sdk::parse_datetime(b["end"].get<std::string>())->epoch_minutes() -
                 sdk::parse_datetime(b["start"].get<std::string>())->epoch_minutes();
    if (c.room.empty()) c.room = b["facility"].get<std::string>();
  }
  c.cancelled = static_cast<std::int64_t>(all.size()) - c.bookings;
  return c;
}

}  // namespace

TEST_CASE("booking.usage prints the 自治会's bookings of the 年度 as booking list counts them") {
  test::ReportDemo demo;
  const Counted cli = from_cli(demo);
  REQUIRE(cli.bookings > 0);
  auto figures = demo.figures("booking.usage");
  CHECK(figures.at("bookings") == cli.bookings);
  CHECK(figures.at("hours") == std::llround(cli.minutes / 60.0));
  CHECK(figures.at("cancelled") == cli.cancelled);

  const std::string md = demo.markdown("booking.usage");
  CHECK_THAT(md, Contains(sdk::group_thousands(cli.bookings) + "件"));
  CHECK_THAT(md, Contains(cli.room));
  CHECK_THAT(md, Contains("月別"));
  const std::string pdf = test::pdf_text_squeezed(demo.pdf("booking.usage"));
  CHECK_THAT(pdf, Contains("施設の利用実績"));
  CHECK_THAT(pdf, Contains(test::squeeze_text(cli.room)));

  // A cancellation moves one booking from the count to the cancelled ones, in both.
  const auto p = demo.period();
  const auto live = demo.cli({"booking", "list", "--from", p.from.iso(), "--to", p.to.iso()});
  demo.cli(
      {"booking", "cancel", std::to_string(live[0]["id"].get<std::int64_t>()), "--reason", "雨天のため中止"});
  const Counted after = from_cli(demo);
  figures = demo.figures("booking.usage");
  CHECK(after.bookings == cli.bookings - 1);
  CHECK(figures.at("bookings") == after.bookings);
  CHECK(figures.at("cancelled") == cli.cancelled + 1);
  CHECK(figures.at("cancelled") == after.cancelled);
}

TEST_CASE("booking.usage reads the same for a 班長 and a 閲覧 of the 自治会") {
  WASSHOI_SQLITE_ONLY("officer accounts, refused on a server until issue 20");
  test::ReportDemo demo(30);
  const auto officer = demo.figures("booking.usage");
  demo.add_accounts();
  for (const char* login : {"hancho", "etsuran"}) {
    INFO(login);
    demo.as(login);
    CHECK(demo.figures("booking.usage") == officer);
    CHECK_NOTHROW(demo.markdown("booking.usage"));
  }
}
