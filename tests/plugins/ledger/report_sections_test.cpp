// The ledger's sections of the 総会's 議案書 on the demo file: the 決算報告's totals equal
// `ledger settlement --json`, the 監査報告 names the 監事 recorded (or leaves blanks), the 予算案 is
// the next 年度's as `ledger budget list` has it (or the current one as its base, said so).
#include "report_demo.hpp"

using namespace wasshoi;
using Catch::Contains;

namespace {

std::string yen(std::int64_t v) {
  return v < 0 ? "△" + sdk::group_thousands(-v) : sdk::group_thousands(v);
}

std::int64_t expense_budget(const nlohmann::json& list) {
  std::int64_t total = 0;
  for (const auto& l : list["lines"])
    if (l["side"] == "expense" && !l["budget"].is_null()) total += l["budget"].get<std::int64_t>();
  return total;
}

}  // namespace

TEST_CASE(
    "the ledger sections of the demo's closed 年度 print the settlement the audit and the next budget") {
  test::ReportDemo demo(30);
  demo.year = sdk::fiscal_year(sdk::today()) - 1;  // the demo's books: a whole 年度, closed and audited
  const std::string year = std::to_string(demo.year);

  const auto s = demo.cli({"ledger", "settlement", "--year", year});
  auto f = demo.figures("ledger.settlement");
  CHECK(f.at("income_total") == s["income_total"].get<std::int64_t>());
  CHECK(f.at("expense_total") == s["expense_total"].get<std::int64_t>());
  CHECK(f.at("carried_forward") == s["carry_out"].get<std::int64_t>());
  CHECK(f.at("income_total") > 0);
  std::string md = demo.markdown("ledger.settlement");
  CHECK_THAT(md, Contains(yen(f.at("income_total"))));
  CHECK_THAT(md, Contains(yen(f.at("expense_total"))));
  CHECK_THAT(md, Contains("次年度繰越金"));
  CHECK_THAT(md, Contains(sdk::format_print_date(demo.period().from)));
  const std::string pdf = test::pdf_text_squeezed(demo.pdf("ledger.settlement"));
  CHECK_THAT(pdf, Contains("収支決算報告"));
  CHECK_THAT(pdf, Contains(yen(f.at("income_total"))));

  const auto audit = demo.cli({"ledger", "audit", "--year", year});
  REQUIRE(audit["state"] == "audited");
  CHECK(demo.figures("ledger.audit").at("audited") == 1);
  md = demo.markdown("ledger.audit");
  CHECK_THAT(md, Contains(audit["auditors"][0].get<std::string>()));
  CHECK_THAT(md, Contains(audit["auditors"][1].get<std::string>()));
  CHECK_THAT(md, !Contains("監査はまだ記録されていません"));
  CHECK_THAT(test::pdf_text_squeezed(demo.pdf("ledger.audit")),
             Contains(test::squeeze_text(audit["auditors"][0].get<std::string>())));

  const auto budget = demo.cli({"ledger", "budget", "list", "--year", std::to_string(demo.year + 1)});
  f = demo.figures("ledger.budget");
  CHECK(f.at("budget_year") == demo.year + 1);
  CHECK(f.at("budget_total") == expense_budget(budget));
  CHECK(f.at("budget_total") > 0);
  md = demo.markdown("ledger.budget");
  CHECK_THAT(md, Contains(sdk::format_fiscal_year_ja(demo.year + 1)));
  CHECK_THAT(md, Contains(yen(f.at("budget_total"))));
  CHECK_THAT(md, Contains("前年度決算額"));
  CHECK_THAT(test::pdf_text_squeezed(demo.pdf("ledger.budget")), Contains(yen(f.at("budget_total"))));
}

TEST_CASE("the ledger sections of the 年度 under way leave the audit blank and base the budget on this one") {
  test::ReportDemo demo(30);
  const std::string year = std::to_string(demo.year), next = std::to_string(demo.year + 1);
  const auto s = demo.cli({"ledger", "settlement", "--year", year});
  CHECK(demo.figures("ledger.settlement").at("income_total") == s["income_total"].get<std::int64_t>());

  CHECK(demo.figures("ledger.audit").at("audited") == 0);
  std::string md = demo.markdown("ledger.audit");
  CHECK_THAT(md, Contains("監査はまだ記録されていません"));
  CHECK_THAT(md, Contains("監事"));

  REQUIRE(demo.cli({"ledger", "budget", "list", "--year", next})["lines"].size() > 0);
  auto f = demo.figures("ledger.budget");
  if (f.at("budget_year") == demo.year) {
    CHECK(f.at("budget_total") == expense_budget(demo.cli({"ledger", "budget", "list", "--year", year})));
    CHECK_THAT(demo.markdown("ledger.budget"), Contains("次年度の予算案はまだ入力されていません"));
    demo.cli({"ledger", "budget", "set", "会議費", "--amount", "123456", "--year", next, "--draft"});
    f = demo.figures("ledger.budget");
  }
  CHECK(f.at("budget_year") == demo.year + 1);
  CHECK(f.at("budget_total") == expense_budget(demo.cli({"ledger", "budget", "list", "--year", next})));
  md = demo.markdown("ledger.budget");
  CHECK_THAT(md, !Contains("次年度の予算案はまだ入力されていません"));
  CHECK_THAT(md, Contains(yen(f.at("budget_total"))));
}

TEST_CASE("a 班長 and a 閲覧 read the ledger sections with the same totals and write nothing") {
  WASSHOI_SQLITE_ONLY("officer accounts, refused on a server until issue 20");
  test::ReportDemo demo(30);
  demo.year = sdk::fiscal_year(sdk::today()) - 1;
  const auto officer = demo.figures("ledger.settlement");
  demo.add_accounts();
  const std::string ledger_writes = "SELECT count(*) FROM audit_log WHERE action LIKE 'ledger.%'";
  const auto log = sdk::query_int(demo.app->db(), ledger_writes);
  for (const char* login : {"hancho", "etsuran"}) {
    INFO(login);
    demo.as(login);
    CHECK(demo.figures("ledger.settlement") == officer);
    CHECK_NOTHROW(demo.markdown("ledger.settlement"));
    CHECK_NOTHROW(demo.markdown("ledger.audit"));
    CHECK_NOTHROW(demo.markdown("ledger.budget"));
  }
  CHECK(sdk::query_int(demo.app->db(), ledger_writes) == log);
}

TEST_CASE("the 予算案 of every fund of the demo shows last year's 決算 with the 決算書's own totals") {
  test::ReportDemo demo(30);
  const int year = sdk::fiscal_year(sdk::today()) - 1;  // the demo's whole 年度
  const auto funds = demo.cli({"ledger", "fund", "list"});
  std::vector<std::string> names;
  for (const auto& f : funds.is_array() ? funds : funds["funds"])
    names.push_back(f.is_string() ? f.get<std::string>() : f["name"].get<std::string>());
  REQUIRE(names.size() >= 2);  // 一般会計 and the 修繕積立金会計
  for (const auto& fund : names) {
    INFO(fund);
    const auto s = demo.cli({"ledger", "settlement", "--year", std::to_string(year), "--fund", fund});
    const auto b = demo.cli({"ledger", "budget", "list", "--year", std::to_string(year + 1), "--fund", fund});
    CHECK(b["fund"] == fund);
    CHECK(b["totals"]["last_income"] == s["income_total"]);
    CHECK(b["totals"]["last_expense"] == s["expense_total"]);
    // A parent 科目's 前年度決算額 is the 決算書's line: itself with its sub-科目.
    for (const auto& l : b["lines"])
      if (l["category"] == "事業費")
        for (const auto& line : s["expense"])
          if (line["name"] == "事業費") CHECK(l["last_year_actual"] == line["actual"]);
  }
  // The 一般会計 moved 100,000 to the 修繕積立金: a 繰出金 line on both papers, 支出 agree.
  const auto general = demo.cli({"ledger", "settlement", "--year", std::to_string(year)});
  bool transfer = false;
  for (const auto& line : general["expense"]) transfer |= line["name"] == "他会計への繰出金";
  CHECK(transfer);
  CHECK_THAT(test::pdf_text_squeezed(demo.pdf("ledger.budget")), Contains("他会計への繰出金"));
}

TEST_CASE("a 特別会計's 収支決算書 has its own budget and the 会費 line says how many households paid") {
  test::ReportDemo demo(30);
  const std::string year = std::to_string(sdk::fiscal_year(sdk::today()) - 1);
  const auto reserve = demo.cli({"ledger", "settlement", "--year", year, "--fund", "修繕積立金会計"});
  // The 一般会計's 予算 is not the 特別会計's: only its 前年度繰越金 stands as budgeted.
  CHECK(reserve["income_budget"] == reserve["carried_in"]);
  CHECK(reserve["expense_budget"] == 0);
  for (const auto& line : reserve["expense"]) CHECK(line["difference"].get<std::int64_t>() >= 0);
  const auto general = demo.cli({"ledger", "settlement", "--year", year});
  CHECK(general["expense_budget"].get<std::int64_t>() > 0);
  bool dues = false;
  for (const auto& line : general["income"])
    if (line["name"] == "会費") {
      dues = true;
      CHECK_THAT(line["note"].get<std::string>(), Contains("世帯×"));
    }
  CHECK(dues);
  for (const auto& line : general["expense"])
    if (line["actual"].get<std::int64_t>() > line["budget"].get<std::int64_t>() &&
        line["name"] != "他会計への繰出金")
      CHECK_THAT(line["note"].get<std::string>(), Contains("予算超過"));
}
