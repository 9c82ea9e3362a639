#include "fixture.hpp"

#include <cairo.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <wasshoi/host/organizations.hpp>

#include "core/proposals.hpp"

namespace wasshoi::test {

ProposalsFixture::ProposalsFixture() : db_path(scratch.target()) {
  app = std::make_unique<host::App>(
      host::AppOptions{.db_path = db_path, .plugin_dir = bin_dir() / "plugins", .actor = "test"});
  app->open_database();
  for (const auto& r : app->plugins().plugins())
    if (r.id == "members" || r.id == "minutes" || r.id == "issues" || r.id == "proposals")
      REQUIRE(r.state == host::PluginState::Loaded);
  ctx = std::make_unique<AppContext>(*app);
  host::Organizations orgs(db());
  city = orgs.add(host::OrgKind::City, "一関市");
  road = orgs.add(host::OrgKind::City, "建設部道路課", city);
  parks = orgs.add(host::OrgKind::City, "まちづくり推進課", city);
  kyodotai = orgs.add(host::OrgKind::Kyodotai, "わっしょい地区まちづくり協議会");
  first = orgs.add(host::OrgKind::Jichikai, "わっしょい第一自治会", kyodotai);
  second = orgs.add(host::OrgKind::Jichikai, "わっしょい第二自治会", kyodotai);
  for (auto org : {kyodotai, first, second})
    for (const char* plugin : {"proposals", "minutes", "issues"}) app->enable_plugin(org, plugin);
  board = add_meeting(first, "役員会", "令和8年度 第2回役員会", {2026, 5, 10});
  han_meeting = add_meeting(first, "班長会", "第1回班長会", {2026, 5, 3});
}

std::int64_t ProposalsFixture::add_meeting(sdk::OrgId org, const std::string& kind, const std::string& title,
                                           const sdk::Date& on) {
  auto m = cli_json({"minutes", "add", "--kind", kind, "--title", title, "--start", on.iso() + " 10:00",
                     "--end", on.iso() + " 12:00", "--org", std::to_string(org)});
  return m["id"].get<std::int64_t>();
}

std::int64_t ProposalsFixture::add_officer(sdk::OrgId org, const std::string& name, const std::string& role,
                                           int fy) {
  auto o = std::to_string(org);
  auto h = cli_json({"members", "household", "add", "--name", name, "--org", o});
  auto household = h["id"].get<std::int64_t>();
  auto persons = members().household_members(db(), household);
  REQUIRE(persons.size() == 1);
  cli_json({"members", "roles", "assign", std::to_string(persons[0].id), "--role", role, "--year",
            std::to_string(fy), "--org", o});
  return persons[0].id;
}

std::vector<std::string> ProposalsFixture::issue_notes(std::int64_t issue) {
  std::vector<std::string> notes;
  auto shown = cli_json({"issues", "show", std::to_string(issue)});
  INFO(shown.dump());
  for (const auto& h : shown["history"]) notes.push_back(h["note"]);
  return notes;
}

proposals::ProposalId ProposalsFixture::draft_without_history(const std::string& title) {
  using namespace proposals;
  ProposalId id = add_proposal(
      db(), orgs(), {first, title, Kind::Request, Addressee::Mayor, city, "", "北側通学路", {2026, 4, 20}});
  add_gathering(db(), id,
                {0, GatheringMethod::HanLeaders, sdk::Date{2026, 5, 3}, 18, 0, "全班から設置を求める意見"});
  add_gathering(db(), id,
                {0, GatheringMethod::Survey, sdk::Date{2026, 4, 15}, 0, 96, "夜道が暗いと回答 71件"});
  add_action(db(), orgs(), id, {0, "北側通学路に防犯灯を3基増設していただきたい。", std::nullopt, ""});
  return id;
}

std::int64_t ProposalsFixture::count(const char* table) {
  return *sdk::query_int(db(), std::string("SELECT COUNT(*) FROM ") + table);
}

RunResult ProposalsFixture::cli(std::vector<std::string> args) {
  args.insert(args.end(), {"--db", db_path});
  return run_cli(args);
}

nlohmann::json ProposalsFixture::cli_json(std::vector<std::string> args) {
  args.push_back("--json");
  auto r = cli(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

std::string pdf_text(const std::filesystem::path& pdf) {
  auto txt = pdf.string() + ".txt";
  std::string cmd = "pdftotext -layout '" + pdf.string() + "' '" + txt + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return read_file(txt);
}

std::string squeeze(std::string s) {
  std::erase_if(s, [](char c) { return c == ' ' || c == '\n' || c == '\r'; });
  return s;
}

void write_png(const std::filesystem::path& file, int w, int h) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0.93, 0.95, 0.9);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0.8, 0.2, 0.1);
  cairo_set_line_width(cr, 8);
  cairo_move_to(cr, 0, h / 2.0);
  cairo_line_to(cr, w, h / 3.0);
  cairo_stroke(cr);
  cairo_destroy(cr);
  REQUIRE(cairo_surface_write_to_png(s, file.c_str()) == CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(s);
}

// One line per image after the two header lines.
int pdf_image_count(const std::filesystem::path& pdf) {
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(("pdfimages -list '" + pdf.string() + "'").c_str(), "r"),
                                          pclose);
  REQUIRE(p);
  int lines = 0;
  for (int c; (c = std::fgetc(p.get())) != EOF;) lines += c == '\n';
  return lines - 2;
}

bool skip_on_server(const char* why) {
  if (!testing_postgres()) return false;
  WARN("skipped on PostgreSQL: " << why);
  return true;
}

}  // namespace wasshoi::test
