// Acceptance of the 議案書 (issue 18) end to end: `wasshoi-cli minutes gikansho` on the demo 自治会
// with the real plugin libraries — every plugin, then the plugins folder without the ledger — read
// back from the PDF page by page with pdftotext.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <wasshoi/sdk/text.hpp>

#include "fixture.hpp"
#include "pdf_pages.hpp"

using namespace wasshoi;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

// Text as compared: without spaces, line ends and full-width spaces (pdftotext spreads text out).
std::string flat(std::string s) {
  for (std::size_t at; (at = s.find("\u3000")) != std::string::npos;) s.erase(at, 3);
  return test::squeeze(s);
}

// The demo file, made once for the tests below (the demo takes a while).
struct Demo {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
  std::string db = scratch.target();
  std::string org;
  Demo() {
    auto r = test::run_cli({"--db", db, "demo", "--households", "80", "--json"});
    REQUIRE(r.exit_code == 0);
    org = std::to_string(json::parse(r.out)["id"].get<std::int64_t>());
  }
  json ok(std::vector<std::string> args, const std::string& plugins = {}) {
    args.insert(args.end(), {"--db", db, "--org", org, "--json"});
    if (!plugins.empty()) args.insert(args.end(), {"--plugins", plugins});
    auto r = test::run_cli(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
  std::string assembly() {
    json list = ok({"minutes", "list", "--kind", "総会"});
    REQUIRE(list.size() == 1);
    return std::to_string(list[0]["id"].get<std::int64_t>());
  }
};

Demo& demo() {
  static Demo d;
  return d;
}

// The number the 目次 on `page` prints at the end of the line with `heading`; 0 when none.
int contents_number(const std::string& page, const std::string& heading) {
  std::size_t start = 0;
  while (start < page.size()) {
    std::size_t end = page.find('\n', start);
    if (end == std::string::npos) end = page.size();
    const std::string line = page.substr(start, end - start);
    start = end + 1;
    if (flat(line).find(flat(heading)) == std::string::npos) continue;
    std::smatch m;
    static const std::regex number("([0-9]+)\\s*$");
    if (std::regex_search(line, m, number)) return std::stoi(m[1]);
  }
  return 0;
}

// Each 第N号議案 is on the page the JSON and the 目次 (page 2) say; the cover has no page number.
void check_pages(const json& g, const std::filesystem::path& pdf) {
  const auto pages = test::pdf_page_texts(pdf);
  REQUIRE(static_cast<int>(pages.size()) == g["pages"].get<int>());
  CHECK_THAT(flat(pages[0]), !Contains("-1-"));
  CHECK_THAT(flat(pages[1]), Contains("目次"));
  for (const auto& item : g["items"]) {
    const std::string heading =
        "第" + std::to_string(item["number"].get<int>()) + "号議案　" + item["title"].get<std::string>();
    const int page = item["page"].get<int>();
    INFO(heading << " on page " << page);
    REQUIRE(page >= 3);
    REQUIRE(page <= static_cast<int>(pages.size()));
    CHECK_THAT(flat(pages[static_cast<std::size_t>(page - 1)]), Contains(flat(heading)));
    CHECK(contents_number(pages[1], heading) == page);
    CHECK_THAT(flat(pages[static_cast<std::size_t>(page - 1)]), Contains("-" + std::to_string(page) + "-"));
  }
}

const json* section(const json& g, const std::string& id) {
  for (const auto& item : g["items"])
    for (const auto& s : item["sections"])
      if (s["id"] == id) return &s;
  return nullptr;
}

std::int64_t figure(const json& s, const std::string& name) {
  INFO(s.dump());
  REQUIRE(s["figures"].contains(name));
  return s["figures"][name].get<std::int64_t>();
}

// The plugins folder without the ledger's library, as an organization that has no 会計 plugin.
std::filesystem::path plugins_without_ledger(const std::filesystem::path& into) {
  std::filesystem::create_directories(into);
  for (const auto& f : std::filesystem::directory_iterator(test::bin_dir() / "plugins"))
    if (f.path().filename().string().find("ledger") == std::string::npos)
      std::filesystem::copy(f.path(), into / f.path().filename(), std::filesystem::copy_options::recursive);
  return into;
}

}  // namespace

TEST_CASE("cli: the demo 定期総会's 議案書 prints each 第N号議案 on the page its 目次 says") {
  Demo& d = demo();
  const std::string id = d.assembly();
  const auto pdf = d.tmp / "gikansho.pdf";
  const json g = d.ok({"minutes", "gikansho", "--meeting", id, "--out", pdf.string()});
  CHECK(g["fiscal_year"] == 2025);  // the demo 総会 is in April 2026: it reports 令和7年度
  CHECK(g["plan_year"] == 2026);
  REQUIRE(g["items"].size() >= 6);
  CHECK(g["items"][0]["title"] == "令和7年度 事業報告について");
  check_pages(g, pdf);
  // The 決算報告 is the ledger's own 決算 of 令和7年度 (closed and audited in the demo).
  const json* settlement = section(g, "ledger.settlement");
  REQUIRE(settlement);
  const json books = d.ok({"ledger", "settlement", "--year", "2025"});
  CHECK(figure(*settlement, "income_total") == books["income_total"].get<std::int64_t>());
  CHECK(figure(*settlement, "expense_total") == books["expense_total"].get<std::int64_t>());
  CHECK(figure(*settlement, "income_total") > 0);
  REQUIRE(section(g, "ledger.audit"));
}

TEST_CASE("cli: the 議案書's 事業報告 counts the meetings the minutes list for the 年度") {
  Demo& d = demo();
  const std::string id = d.assembly();
  // 令和8年度: the demo's own year, with meetings held (the one before it has none).
  const auto pdf = d.tmp / "gikansho-2026.pdf";
  const json g = d.ok({"minutes", "gikansho", "--meeting", id, "--year", "令和8", "--out", pdf.string()});
  CHECK(g["fiscal_year"] == 2026);
  check_pages(g, pdf);
  const json list = d.ok({"minutes", "list", "--from", "2026-04-01", "--to", "2027-03-31"});
  const std::string today = sdk::today().iso();
  std::int64_t held = 0;
  std::map<std::string, std::int64_t> by_kind;
  for (const auto& m : list)
    if (m["start"].is_string() && m["start"].get<std::string>().substr(0, 10) <= today)
      ++held, ++by_kind[m["kind"].get<std::string>()];
  REQUIRE(held > 0);
  const json* meetings = section(g, "minutes.meetings");
  REQUIRE(meetings);
  CHECK(figure(*meetings, "meetings") == held);
  for (const auto& [kind, n] : by_kind) CHECK(figure(*meetings, "meetings." + kind) == n);
  const json* events = section(g, "minutes.events");
  REQUIRE(events);
  CHECK(figure(*events, "events") == held);

  // Every other plugin's figures equal that plugin's own `--json` counts for the 年度.
  const std::string from = "2026-04-01", to = "2027-03-31";
  const json* usage = section(g, "booking.usage");
  REQUIRE(usage);
  const json bookings = d.ok({"booking", "list", "--from", from, "--to", to});
  const json with_cancelled = d.ok({"booking", "list", "--from", from, "--to", to, "--all"});
  CHECK(figure(*usage, "bookings") == static_cast<std::int64_t>(bookings.size()));
  CHECK(figure(*usage, "cancelled") == static_cast<std::int64_t>(with_cancelled.size() - bookings.size()));
  const json* issues = section(g, "issues.summary");
  REQUIRE(issues);
  CHECK(figure(*issues, "raised") ==
        static_cast<std::int64_t>(d.ok({"issues", "list", "--from", from, "--to", to}).size()));
  CHECK(figure(*issues, "resolved") ==
        static_cast<std::int64_t>(
            d.ok({"issues", "list", "--status", "解決", "--closed-from", from, "--closed-to", to}).size()));
  const json* proposals = section(g, "proposals.summary");
  REQUIRE(proposals);
  CHECK(figure(*proposals, "submitted") ==
        static_cast<std::int64_t>(d.ok({"proposals", "list", "--submitted-in", "2026"}).size()));
  const json* members = section(g, "members.summary");
  REQUIRE(members);
  const json stats = d.ok({"members", "stats", "--year", "2026"});
  CHECK(figure(*members, "households") == stats["households"].get<std::int64_t>());
  const json* settlement = section(g, "ledger.settlement");
  REQUIRE(settlement);
  const json books = d.ok({"ledger", "settlement", "--year", "2026"});
  CHECK(figure(*settlement, "income_total") == books["income_total"].get<std::int64_t>());
  CHECK(figure(*settlement, "expense_total") == books["expense_total"].get<std::int64_t>());
  // The 役員改選案 lists officers (those entered for the next 年度, or the current ones).
  const json* officers = section(g, "members.officers_proposal");
  REQUIRE(officers);
  CHECK(figure(*officers, "officers") > 0);
}

TEST_CASE("cli: without the ledger plugin the 議案書 still builds with the 決算 as a typed 議案") {
  Demo& d = demo();
  const std::string id = d.assembly();
  const auto plugins = plugins_without_ledger(d.tmp / "plugins-no-ledger");
  const auto pdf = d.tmp / "gikansho-no-ledger.pdf";
  const json g = d.ok({"minutes", "gikansho", "--meeting", id, "--out", pdf.string()}, plugins.string());
  check_pages(g, pdf);
  bool settlement = false;
  for (const auto& item : g["items"]) {
    for (const auto& s : item["sections"]) CHECK(s["id"].get<std::string>().rfind("ledger.", 0) != 0);
    if (item["part"] == "settlement") {
      settlement = true;
      CHECK(item["sections"].empty());
      CHECK(item["typed"] == true);
      CHECK(item["title"] == "令和7年度 決算報告について");
    }
  }
  CHECK(settlement);
}

TEST_CASE("cli: a 議案書 is refused for a meeting that is not a 総会") {
  Demo& d = demo();
  json list = d.ok({"minutes", "list", "--kind", "役員会"});
  REQUIRE(!list.empty());
  auto r = test::run_cli({"minutes", "gikansho", "--meeting",
                          std::to_string(list[0]["id"].get<std::int64_t>()), "--db", d.db, "--org", d.org});
  CHECK(r.exit_code != 0);
  CHECK_THAT(r.err, Contains("総会"));
}
