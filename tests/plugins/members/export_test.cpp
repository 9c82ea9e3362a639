// Export to CSV for Excel, and the round trip back in.
#include <catch2/catch.hpp>

#include "core/exporter.hpp"
#include "core/households.hpp"
#include "core/roster.hpp"
#include "members_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::members;

namespace {

std::string exported(test::RosterDb& r, OutputEncoding encoding, bool redact = false) {
  ExportResult result = export_roster(r.db(), r.org, ExportOptions{encoding, redact});
  INFO(problems_message(result.problems));
  REQUIRE(result.problems.empty());
  return result.bytes;
}

void import_bytes(test::RosterDb& r, const std::string& bytes) {
  ImportOptions o = test::options_for("export.csv");
  import_roster(r.db(), r.orgs(), r.org, read_roster(bytes, o), o);
}

// Everything the roster holds about each person and household, in a comparable form.
std::vector<std::string> content(test::RosterDb& r) {
  RosterQuery q;
  q.org = r.org;
  q.membership = Membership::All;
  std::vector<std::string> out;
  for (const auto& row : roster(r.db(), q)) {
    Household h = get_household(r.db(), row.household);
    Person p = get_person(r.db(), row.person);
    out.push_back(
        row.name + "|" + row.reading + "|" + p.data.relation + "|" + (p.data.head ? "head" : "") + "|" +
        std::to_string(p.data.birth_year.value_or(0)) + "|" + (p.data.needs_support ? "support" : "") + "|" +
        h.han_name + "|" + h.data.address + "|" + h.data.phone + "|" + std::to_string(h.data.people) + "|" +
        (h.data.joined ? h.data.joined->iso() : "") + "|" + (h.data.left ? h.data.left->iso() : "") + "|" +
        h.data.notes + "|" + std::to_string(household_persons(r.db(), h.id).size()));
  }
  return out;
}

}  // namespace

TEST_CASE("import → export (UTF-8 with BOM) → import gives the same roster and the same file") {
  test::RosterDb a;
  a.import_fixture("roster_cp932.csv");
  a.import_fixture("roster_utf8_bom.csv");
  household_leave(a.db(), 1, sdk::Date{2025, 3, 31});
  const std::string first = exported(a, OutputEncoding::Utf8Bom);
  CHECK(first.starts_with("\xEF\xBB\xBF"));
  test::RosterDb b;
  import_bytes(b, first);
  CHECK(content(b) == content(a));
  CHECK(exported(b, OutputEncoding::Utf8Bom) == first);
}

TEST_CASE("import → export (CP932) → import gives the same roster and the same bytes") {
  test::RosterDb a;
  a.import_fixture("roster_cp932.csv");
  const std::string first = exported(a, OutputEncoding::Cp932);
  CHECK(sdk::detect_encoding(first) == sdk::Encoding::Cp932);
  test::RosterDb b;
  import_bytes(b, first);
  CHECK(content(b) == content(a));
  CHECK(exported(b, OutputEncoding::Cp932) == first);
}

TEST_CASE("a CP932 export of 𠮷田 names the row, household, field and character and produces no bytes") {
  test::RosterDb r;
  r.import_fixture("roster_utf8_bom.csv");
  ExportResult result = export_roster(r.db(), r.org, ExportOptions{OutputEncoding::Cp932, false});
  CHECK(result.bytes.empty());
  REQUIRE(result.problems.size() == 2);
  CHECK(result.problems[0].row == 1);
  CHECK(result.problems[0].person == "𠮷田　悟");
  CHECK(result.problems[0].column == "氏名");
  CHECK(result.problems[0].character == "𠮷");
  CHECK(result.problems[1].row == 2);
  CHECK_THAT(problems_message(result.problems),
             Catch::Contains("row 2 (household id 1, 𠮷田　千代), 氏名: 𠮷"));
  // The same roster in UTF-8 keeps 𠮷.
  CHECK(exported(r, OutputEncoding::Utf8Bom).find("𠮷田　悟") != std::string::npos);
}

TEST_CASE("a redacted export leaves out phone numbers and notes") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  const std::string full = exported(r, OutputEncoding::Utf8Bom);
  const std::string redacted = exported(r, OutputEncoding::Utf8Bom, true);
  CHECK(full.find("0191-00-1111") != std::string::npos);
  CHECK(redacted.find("0191-00") == std::string::npos);
  CHECK(redacted.find("電話番号") == std::string::npos);
  CHECK(redacted.find("番犬") == std::string::npos);
  CHECK(redacted.find("髙橋　一郎") != std::string::npos);
}
