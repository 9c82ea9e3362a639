// Capture: an issue's fields, categories, photos and documents inside the database with limits.
#include <catch2/catch.hpp>

#include "core/attachments.hpp"
#include "core/categories.hpp"
#include "core/issues.hpp"
#include "issues_test_support.hpp"

using namespace wasshoi;
using namespace wasshoi::issues;

TEST_CASE("an issue is recorded with category, place, lat/long, landmark, 班, reporter, date and priority") {
  test::IssuesFixture f;
  IssueInput in;
  in.org = f.first;
  in.title = "通学路の防犯灯が切れている";
  in.description = "夜は真っ暗";
  in.category = "防犯";
  in.place = "一関市テスト町3-4";
  in.landmark = "公民館裏";
  in.lat = 38.9345;
  in.lon = 141.1267;
  in.han_id = find_han(f.db(), f.orgs(), f.first, "2班");
  in.reporter = {ReporterKind::Named, std::nullopt, "木下 春子", "0191-00-1234"};
  in.reported_on = {2026, 5, 10};
  in.priority = kPriorityHigh;
  Issue i = get_issue(f.db(), create_issue(f.db(), f.orgs(), in));
  CHECK(i.status == "received");
  CHECK(i.category == "防犯");
  CHECK(i.landmark == "公民館裏");
  CHECK(i.lat == Approx(38.9345));
  CHECK(i.han_name == "2班");
  CHECK(i.reporter.kind == ReporterKind::Named);
  CHECK(i.reporter.phone == "0191-00-1234");
  CHECK(i.reported_on == sdk::Date{2026, 5, 10});
  CHECK(i.priority == kPriorityHigh);
  CHECK(i.uuid.size() == 36);
}

TEST_CASE("an unknown category is refused naming the valid ones and nothing is written") {
  test::IssuesFixture f;
  IssueInput in;
  in.org = f.first;
  in.title = "何か";
  in.category = "宇宙";
  in.reported_on = {2026, 5, 10};
  CHECK_THROWS_WITH(create_issue(f.db(), f.orgs(), in),
                    Catch::Contains("'宇宙'") && Catch::Contains("道路・除雪"));
  CHECK(f.count("issues_issues") == 0);
}

TEST_CASE("the category list is configurable per organization and maps onto Open311 services") {
  test::IssuesFixture f;
  auto defaults = categories(f.db(), f.orgs(), f.first);
  REQUIRE(defaults.size() == 11);
  CHECK(defaults.front().name == "防犯");
  CHECK(defaults.back().name == "その他");
  add_category(f.db(), f.orgs(), f.first, {"街路樹", 0, "street-trees", "街路樹の管理"});
  CHECK(find_category(f.db(), f.orgs(), f.first, "街路樹")->service_code == "street-trees");
  CHECK_FALSE(find_category(f.db(), f.orgs(), f.second, "街路樹"));
}

TEST_CASE("photos and documents are kept in the database and read back byte for byte") {
  test::IssuesFixture f;
  auto id = f.add(f.first, "舗装の穴");
  auto png = test::fixture_bytes("pothole.png");
  add_attachment(f.db(), id, "pothole.png", png);
  add_attachment(f.db(), id, "memo.txt", sdk::Blob{'m', 'e', 'm', 'o'});
  add_attachment(f.db(), id, "streetlight.jpg", test::fixture_bytes("streetlight.jpg"));
  auto list = attachments(f.db(), id);
  REQUIRE(list.size() == 3);
  CHECK(list[2].mime == "image/jpeg");
  CHECK(list[0].kind == "photo");
  CHECK(list[0].mime == "image/png");
  CHECK(list[1].kind == "document");
  CHECK(attachment_data(f.db(), list[0].id) == png);
  CHECK(get_issue(f.db(), id).photos == 2);
}

TEST_CASE(
    "a file past the size limit per file or per issue is refused with a clear message and nothing is "
    "written") {
  test::IssuesFixture f;
  auto id = f.add(f.first, "舗装の穴");
  sdk::Blob big(static_cast<std::size_t>(kMaxFileBytes + 1), 0x42);
  CHECK_THROWS_WITH(add_attachment(f.db(), id, "huge.jpg", big),
                    Catch::Contains("huge.jpg") && Catch::Contains("at most 2.0 MB"));
  CHECK(f.count("issues_attachments") == 0);
  sdk::Blob part(static_cast<std::size_t>(kMaxFileBytes), 0x42);
  for (int k = 0; k < 4; ++k) add_attachment(f.db(), id, "part" + std::to_string(k) + ".bin", part);
  CHECK_THROWS_WITH(add_attachment(f.db(), id, "one-more.bin", sdk::Blob(10, 1)),
                    Catch::Contains("at most 8.0 MB"));
  CHECK(f.count("issues_attachments") == 4);
}

TEST_CASE("a 班 of another 自治会 or half a coordinate is refused naming the field") {
  test::IssuesFixture f;
  IssueInput in;
  in.org = f.first;
  in.title = "x";
  in.category = "防災";
  in.reported_on = {2026, 5, 10};
  in.han_id = find_han(f.db(), f.orgs(), f.second, "1班");
  CHECK_THROWS_WITH(create_issue(f.db(), f.orgs(), in), Catch::StartsWith("班"));
  in.han_id.reset();
  in.lat = 38.9;
  CHECK_THROWS_WITH(create_issue(f.db(), f.orgs(), in), Catch::Contains("lat/long"));
  CHECK(f.count("issues_issues") == 0);
}

// What `issues add --photo`, `issues attach` and `issues categories --add` do, tested once in core.
namespace {
std::int64_t audited(test::IssuesFixture& f, const std::string& action) {
  sdk::Statement st(f.db(), "SELECT count(*) FROM audit_log WHERE action = ?");
  st.bind(1, action);
  st.step();
  return st.get_int(0);
}
}  // namespace

TEST_CASE("an issue and its files land together: a refused file leaves no issue behind") {
  test::IssuesFixture f;
  IssueInput in;
  in.org = f.first;
  in.title = "舗装の穴";
  in.category = "道路・除雪";
  in.reported_on = {2026, 4, 1};
  const auto adds_before = audited(f, "issues.add");
  const IssueId id = create_issue_with_files(
      f.db(), f.orgs(), in,
      {{"pothole.png", test::fixture_bytes("pothole.png")}, {"memo.txt", sdk::Blob{'m', 'e', 'm', 'o'}}});
  CHECK(get_issue(f.db(), id).photos == 1);
  CHECK(attachments(f.db(), id).size() == 2);
  CHECK(audited(f, "issues.add") == adds_before + 2);  // the act, and create_issue inside it

  in.title = "二件目";
  CHECK_THROWS_WITH(create_issue_with_files(f.db(), f.orgs(), in, {{"empty.jpg", sdk::Blob{}}}),
                    Catch::Contains("empty.jpg is empty"));
  in.category = "宇宙";
  CHECK_THROWS_WITH(create_issue_with_files(f.db(), f.orgs(), in, {}), Catch::Contains("category '宇宙'"));
  CHECK(f.count("issues_issues") == 1);
  CHECK(f.count("issues_attachments") == 2);
}

TEST_CASE("files are attached all together or none, each checked against the issue's files before it") {
  test::IssuesFixture f;
  const IssueId id = f.add(f.first, "舗装の穴");
  CHECK_THROWS_WITH(attach_files(f.db(), 9999, {{"a.bin", sdk::Blob(10, 1)}}), Catch::Contains("9999"));
  const sdk::Blob part(static_cast<std::size_t>(kMaxFileBytes * 3 / 4),
                       0x42);                                    // 1.5 MB: under the per-file limit
  attach_files(f.db(), id, {{"a.bin", part}, {"b.bin", part}});  // 3 MB together is fine for one issue
  CHECK(attachments(f.db(), id).size() == 2);
  std::vector<NamedFile> many;
  for (int k = 0; k < 4; ++k)
    many.emplace_back("more" + std::to_string(k) + ".bin", part);  // 3 + 6 MB > 8 MB
  CHECK_THROWS_WITH(attach_files(f.db(), id, many),
                    Catch::Contains("more3.bin") && Catch::Contains("at most 8.0 MB"));
  CHECK(attachments(f.db(), id).size() == 2);
  CHECK(audited(f, "issues.attach") == 3);  // the act, and each file inside it
}

TEST_CASE("an organization's own category is added once, audited as issues.category") {
  test::IssuesFixture f;
  add_category(f.db(), f.orgs(), f.first, {"街路樹", 0, "street-trees", "街路樹の管理"});
  CHECK_THROWS_WITH(add_category(f.db(), f.orgs(), f.first, {" 街路樹 ", 0, {}, {}}),
                    Catch::Contains("exists already"));
  CHECK_THROWS_WITH(add_category(f.db(), f.orgs(), f.first, {"  ", 0, {}, {}}),
                    Catch::Contains("needs a name"));
  CHECK(audited(f, "issues.category") == 1);
  CHECK(f.count("issues_categories") ==
        sdk::query_int(f.db(), "SELECT count(*) FROM issues_categories WHERE org_id IS NULL").value() + 1);
}
