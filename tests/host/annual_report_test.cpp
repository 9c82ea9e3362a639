// Host core's sdk::AnnualReport on the demo file with the real plugin folder: the sections of the
// plugins enabled for an organization, in the order of the report's parts; a plugin disabled for
// the organization offers none.
#include <algorithm>

#include "report_demo.hpp"

using namespace wasshoi;

namespace {
std::vector<std::string> ids(const std::vector<sdk::ReportSection>& sections) {
  std::vector<std::string> out;
  for (const auto& s : sections) out.push_back(s.id);
  return out;
}
bool has(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}
}  // namespace

TEST_CASE("AnnualReport lists the sections of the plugins enabled for the 自治会 and drops a disabled one") {
  test::ReportDemo demo(20);
  auto list = ids(demo.sections());
  for (const char* id : {"members.summary", "members.officers_proposal", "booking.usage", "issues.summary",
                         "proposals.summary", "ledger.settlement", "ledger.audit", "ledger.budget"}) {
    INFO(id);
    CHECK(has(list, id));
  }
  // In the report's order: 事業報告 first, the 役員改選案 last.
  const auto sections = demo.sections();
  CHECK(std::is_sorted(sections.begin(), sections.end(),
                       [](const auto& a, const auto& b) { return a.part < b.part; }));
  CHECK(sections.front().part == sdk::ReportPart::Activities);
  CHECK(sections.back().part == sdk::ReportPart::Officers);
  for (const auto& s : sections) {
    INFO(s.id);
    CHECK(static_cast<bool>(s.write));
    CHECK(static_cast<bool>(s.figures));
    CHECK(sdk::strings().has("ja", s.title_key));
    CHECK(sdk::strings().has("en", s.title_key));
  }

  // The booking plugin disabled for the 自治会: its section is gone, the others stay.
  demo.cli({"org", "disable", std::to_string(demo.org), "booking"});
  list = ids(demo.sections());
  CHECK_FALSE(has(list, "booking.usage"));
  CHECK(has(list, "members.summary"));
  CHECK(has(list, "ledger.settlement"));
  // And enabled again, it is back.
  demo.cli({"org", "enable", std::to_string(demo.org), "booking"});
  CHECK(has(ids(demo.sections()), "booking.usage"));
}
