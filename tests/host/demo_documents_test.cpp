// Every document the demo can produce, written through the real CLI with every real plugin: each
// command exits 0 and writes a PDF, and no page of a document with more than one page holds fewer
// than three lines (the typography rule of sdk::Document: a table that fits is not split, the last
// lines of a paragraph or table keep with what precedes them). A command that writes a PDF and is
// not in the list fails the test, so a new document joins the check.
#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "pdf_pages.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

using namespace wasshoi;
using json = nlohmann::json;

namespace {

struct Demo {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (label `engines`)
  std::string db = scratch.target();
  std::string org;

  Demo() {
    auto r = test::run_cli({"--db", db, "--json", "demo"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    org = std::to_string(json::parse(r.out)["id"].get<int>());
  }
  json ok(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--org", org, "--json"});
    auto r = test::run_cli(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
  std::string first_id(const std::vector<std::string>& list, const std::string& key = "id",
                       const std::function<bool(const json&)>& keep = {}) {
    for (const auto& row : ok(list))
      if (!keep || keep(row)) return std::to_string(row[key].get<long long>());
    FAIL("no row to use from " << list.front() << " " << list.back());
    return {};
  }
};

// The commands writing a file that is not a document to print (a backup, a CSV, an iCalendar
// file, an exchange bundle, an attachment as it was saved).
const std::set<std::string> kNotDocuments{
    "db backup",     "booking export-ics", "members export", "issues bundle export",
    "issues export", "ledger handover",    "ledger receipt", "minutes calendar"};

}  // namespace

TEST_CASE("every document the demo produces has no page of fewer than three lines") {
  Demo d;
  const std::string facility = d.first_id({"booking", "facility", "list"});
  const std::string assembly =
      d.first_id({"minutes", "list"}, "id", [](const json& m) { return m["general_assembly"].get<bool>(); });
  const std::string grant = d.first_id({"ledger", "grant", "list"});
  const std::string household = d.first_id({"members", "dues", "sheet"}, "household_id",
                                           [](const json& r) { return r["paid"].get<long long>() > 0; });
  std::vector<std::string> meetings, proposals;
  for (const auto& m : d.ok({"minutes", "list"})) meetings.push_back(std::to_string(m["id"].get<int>()));
  for (const auto& p : d.ok({"proposals", "list"})) proposals.push_back(std::to_string(p["id"].get<int>()));
  REQUIRE(meetings.size() > 5);
  REQUIRE(proposals.size() > 3);

  // Each document: its command (a "{pdf}" argument is where the file goes).
  std::multimap<std::string, std::vector<std::string>> documents{
      {"booking usage", {"--from", "2026-04-01", "--to", "2027-03-31", "--pdf", "{pdf}"}},
      {"booking calendar-page", {"--facility", facility, "--month", "2026-06", "--out", "{pdf}"}},
      {"members dues sheet", {"--han", "1", "--format", "pdf", "--out", "{pdf}"}},
      {"members dues sheet", {"--format", "pdf", "--out", "{pdf}"}},
      {"members safety-list", {"--out", "{pdf}"}},
      {"members safety-list", {"--han", "1", "--out", "{pdf}"}},
      {"members receipts", {household, "--out", "{pdf}"}},
      {"members receipts", {household, "--per-page", "4", "--out", "{pdf}"}},
      {"members roster-pdf", {"--out", "{pdf}"}},
      {"members roster-pdf", {"--for", "outside", "--out", "{pdf}"}},
      {"members officers-list", {"--out", "{pdf}"}},
      {"issues agenda", {"--out", "{pdf}"}},
      {"ledger book", {"--pdf", "{pdf}"}},
      {"ledger budget list", {"--pdf", "{pdf}"}},
      {"ledger settlement", {"--pdf", "{pdf}"}},
      {"ledger inventory", {"--pdf", "{pdf}"}},
      {"ledger audit", {"--year", "2026", "--pdf", "{pdf}"}},
      {"ledger grant report", {grant, "--pdf", "{pdf}"}},
      {"minutes reception-list", {assembly, "--out", "{pdf}"}},
      {"minutes notice", {assembly, "--deadline", "2026-04-15", "--out", "{pdf}"}},
      {"minutes events", {"--out", "{pdf}"}},
      {"minutes gikansho", {"--meeting", assembly, "--out", "{pdf}"}},
      {"proposals summary", {"--year", "2026", "--out", "{pdf}"}},
      {"proposals ledger", {"--year", "2026", "--out", "{pdf}"}},
  };
  for (const auto& m : meetings)
    documents.insert({"minutes export", {m, "--format", "pdf", "--out", "{pdf}"}});
  for (const auto& p : proposals) documents.insert({"proposals export", {p, "--out", "{pdf}"}});
  // The 協働事業 is the 地域協働体's: its documents are written there (an "--org" of their own).
  std::string kyodotai;
  for (const auto& o : d.ok({"org", "list"}))
    if (o["kind"] == "kyodotai") kyodotai = std::to_string(o["id"].get<int>());
  REQUIRE(!kyodotai.empty());
  const auto in_kyodotai = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", d.db, "--org", kyodotai, "--json"});
    auto r = test::run_cli(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  };
  const auto project = std::to_string(in_kyodotai({"evaluation", "list"})[0]["id"].get<int>());
  const auto survey =
      std::to_string(in_kyodotai({"evaluation", "survey", "list", project})[0]["id"].get<int>());
  documents.insert({"evaluation report", {project, "--out", "{pdf}", "--org", kyodotai}});
  documents.insert({"evaluation survey print", {survey, "--out", "{pdf}", "--org", kyodotai}});
  documents.insert({"evaluation survey tally", {survey, "--by", "1", "--out", "{pdf}", "--org", kyodotai}});

  // Every command with a file option that is not in the list is a document missing from the check.
  std::set<std::string> covered;
  for (const auto& [command, args] : documents) covered.insert(command);
  for (const auto& c : d.ok({"commands"})) {
    std::string path;
    for (const auto& part : c["path"]) path += (path.empty() ? "" : " ") + part.get<std::string>();
    bool writes = false;
    for (const auto& o : c["options"]) writes |= o["name"] == "--pdf" || o["name"] == "--out";
    if (!writes || kNotDocuments.count(path)) continue;
    INFO(path << " writes a file: add it to the documents checked here (or to kNotDocuments)");
    CHECK(covered.count(path) == 1);
  }

  int n = 0;
  for (const auto& [command, args] : documents) {
    const auto pdf = d.tmp / ("document-" + std::to_string(++n) + ".pdf");
    std::vector<std::string> argv{"--db", d.db};
    if (std::find(args.begin(), args.end(), "--org") == args.end()) argv.insert(argv.end(), {"--org", d.org});
    for (std::size_t start = 0, end; start <= command.size(); start = end + 1) {
      end = command.find(' ', start);
      if (end == std::string::npos) end = command.size();
      argv.push_back(command.substr(start, end - start));
    }
    for (const auto& a : args) argv.push_back(a == "{pdf}" ? pdf.string() : a);
    const auto r = test::run_cli(argv);
    INFO(command << " (" << pdf.filename().string() << "): " << r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(test::read_file(pdf).rfind("%PDF-", 0) == 0);
    const auto pages = test::pdf_page_texts(pdf);
    CHECK(!pages.empty());
    CHECK(test::short_pages(pdf) == std::vector<int>{});
  }
}
