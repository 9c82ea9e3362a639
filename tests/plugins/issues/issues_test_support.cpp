#include "issues_test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "core/issues.hpp"

namespace wasshoi::test {

IssuesFixture::IssuesFixture() : db_path(scratch.target()) {
  app = std::make_unique<host::App>(host::AppOptions{
      .db_path = db_path, .plugin_dir = bin_dir() / "plugins", .actor = "test", .create = true});
  app->open_database();
  ctx = std::make_unique<AppContext>(*app);
  auto orgs = app->orgs();
  sdk::Transaction tx(db(), "test.orgs");
  kyodotai = orgs.add(host::OrgKind::Kyodotai, "テスト地区協議会");
  first = orgs.add(host::OrgKind::Jichikai, "テスト第一自治会", kyodotai);
  second = orgs.add(host::OrgKind::Jichikai, "テスト第二自治会", kyodotai);
  for (auto org : {first, second})
    for (const char* h : {"1班", "2班"}) orgs.add_han(org, h);
  tx.commit();
}

issues::IssueId IssuesFixture::add(sdk::OrgId org, const std::string& title, const std::string& category,
                                   sdk::Date on, int priority) {
  issues::IssueInput in;
  in.org = org;
  in.title = title;
  in.category = category;
  in.place = "一関市テスト町1-2";
  in.reported_on = on;
  in.priority = priority;
  return issues::create_issue(db(), orgs(), in);
}

std::int64_t IssuesFixture::count(const char* table) {
  return sdk::query_int(db(), std::string("SELECT count(*) FROM ") + table).value_or(-1);
}

std::filesystem::path issues_test_dir() {
  return ISSUES_TEST_DIR;
}

sdk::Blob fixture_bytes(const std::string& name) {
  std::string bytes = read_file(issues_test_dir() / "data" / name);
  return sdk::Blob(bytes.begin(), bytes.end());
}

std::string pdf_text(const std::filesystem::path& pdf) {
  auto txt = pdf.string() + ".txt";
  std::string cmd = "pdftotext -layout '" + pdf.string() + "' '" + txt + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return read_file(txt);
}

bool skip_on_server(const char* why) {
  if (!testing_postgres()) return false;
  WARN("skipped on PostgreSQL: " << why);
  return true;
}

}  // namespace wasshoi::test
