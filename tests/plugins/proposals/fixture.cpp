#include "fixture.hpp"

#include "core/proposals.hpp"

#include <wasshoi/host/organizations.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>

namespace wasshoi::test {

std::filesystem::path proposals_test_plugins() { return PROPOSALS_TEST_PLUGINS; }

ProposalsFixture::ProposalsFixture() : db_path(tmp / "wasshoi.db") {
  app = std::make_unique<host::App>(host::AppOptions{.db_path = db_path, .plugin_dir = proposals_test_plugins()});
  app->open_database();
  ctx = std::make_unique<AppContext>(*app);
  host::Organizations orgs(db());
  city = orgs.add(host::OrgKind::City, "一関市");
  road = orgs.add(host::OrgKind::City, "建設部道路課", city);
  parks = orgs.add(host::OrgKind::City, "まちづくり推進課", city);
  kyodotai = orgs.add(host::OrgKind::Kyodotai, "わっしょい地区まちづくり協議会");
  first = orgs.add(host::OrgKind::Jichikai, "わっしょい第一自治会", kyodotai);
  second = orgs.add(host::OrgKind::Jichikai, "わっしょい第二自治会", kyodotai);
  for (auto org : {kyodotai, first, second})
    for (const char* plugin : {"proposals", "testservices"}) app->enable_plugin(org, plugin);
  board = fakes::add_meeting(db(), first, "役員会", "令和8年度 第2回役員会", {2026, 5, 10});
  han_meeting = fakes::add_meeting(db(), first, "班長会", "第1回班長会", {2026, 5, 3});
}

proposals::ProposalId ProposalsFixture::draft_without_history(const std::string& title) {
  using namespace proposals;
  ProposalId id = add_proposal(db(), {first, title, Kind::Request, Addressee::Mayor, city, "", "北側通学路", {2026, 4, 20}});
  add_gathering(db(), id, {0, GatheringMethod::HanLeaders, {2026, 5, 3}, 18, 0, "全班から設置を求める意見"});
  add_gathering(db(), id, {0, GatheringMethod::Survey, {2026, 4, 15}, 0, 96, "夜道が暗いと回答 71件"});
  add_action(db(), id, {0, "北側通学路に防犯灯を3基増設していただきたい。", std::nullopt, ""});
  return id;
}

std::int64_t ProposalsFixture::count(const char* table) {
  return *sdk::query_int(db(), std::string("SELECT COUNT(*) FROM ") + table);
}

RunResult ProposalsFixture::cli(std::vector<std::string> args) {
  args.insert(args.end(), {"--db", db_path.string(), "--plugins", proposals_test_plugins().string()});
  return run_cli(args);
}

std::string pdf_text(const std::filesystem::path& pdf) {
  auto txt = pdf.string() + ".txt";
  std::string cmd = "pdftotext -layout '" + pdf.string() + "' '" + txt + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return read_file(txt);
}

}  // namespace wasshoi::test
