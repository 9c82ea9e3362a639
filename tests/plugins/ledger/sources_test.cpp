// Money recorded elsewhere flows into the 出納帳 once, through the SDK services of the real
// members and booking plugins: a 会費 payment and its reversal, a room fee and its cancellation.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/books.hpp"
#include "core/entries.hpp"
#include "core/front.hpp"
#include "core/reports.hpp"
#include "core/year_end.hpp"
#include "ledger_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::ledger;
using nlohmann::json;

namespace {

const sdk::Date kPaid{2025, 5, 10};

// The members and booking plugins are driven through the real wasshoi-cli on the same database (the
// test binary links neither's code); the ledger reads them through their SDK services.
struct WithMembers : test::LedgerDb {
  WithMembers() : test::LedgerDb(false) {
    household = json::parse(run({"members", "household", "add", "--name", "髙橋 一郎", "--reading",
                                 "ﾀｶﾊｼ ｲﾁﾛｳ", "--han", "1班", "--json"}))
                    .at("id")
                    .get<std::int64_t>();
  }
  std::string run(std::vector<std::string> args, sdk::OrgId as_org = 0) {
    args.insert(args.begin(), {"--db", scratch.target(), "--org", std::to_string(as_org ? as_org : org)});
    auto r = test::run_cli(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
  }
  std::int64_t pay(std::int64_t amount, sdk::Date on = kPaid) {
    return json::parse(run({"members", "dues", "pay", std::to_string(household), "--year", "2025", "--amount",
                            std::to_string(amount), "--date", on.iso(), "--by", "1班長", "--json"}))
        .at("id")
        .get<std::int64_t>();
  }
  void reverse(std::int64_t payment, const std::string& reason, sdk::Date on) {
    run({"members", "dues", "reverse", std::to_string(payment), "--reason", reason, "--date", on.iso()});
  }
  std::int64_t dues_income(int year = 2025) {
    for (const auto& l : settlement(db(), org, year).income)
      if (l.name == "会費") return l.actual;
    return -1;
  }
  std::int64_t household = 0;
};

}  // namespace

TEST_CASE_METHOD(WithMembers,
                 "a 会費 payment appears once in the 出納帳 marked as 会費 and its reversal takes it back") {
  REQUIRE(ctx().services().find<sdk::DuesMoneySource>());
  const auto payment = pay(3'600);
  CHECK(bring_in_money(ctx(), org).added == 1);
  CHECK(bring_in_money(ctx(), org).added == 0);  // never entered twice
  auto entries = book(db(), org, {.year = 2025});
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].source == "会費");
  CHECK(entries[0].amount == 3'600);
  CHECK(entries[0].category_path == "会費");
  CHECK_THAT(entries[0].summary, Catch::Contains("1班"));
  CHECK(dues_income() == 3'600);
  reverse(payment, "別の世帯の分", {2025, 5, 20});
  const auto r = bring_in_money(ctx(), org);
  CHECK(r.reversed == 1);
  CHECK(r.added == 0);
  CHECK(bring_in_money(ctx(), org).any() == false);
  entries = book(db(), org, {.year = 2025});
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].reversed);
  CHECK(entries[1].reverses == entries[0].id);
  CHECK(entries[1].reason == "別の世帯の分");
  CHECK(dues_income() == 0);
  CHECK(balance(db(), income_account(db(), org)) == 0);
}

TEST_CASE_METHOD(WithMembers, "a payment reversed before the ledger saw it is not entered at all") {
  const auto payment = pay(3'600);
  reverse(payment, "記帳の誤り", kPaid);
  pay(3'600);
  CHECK(bring_in_money(ctx(), org).added == 1);
  CHECK(book(db(), org, {.year = 2025}).size() == 1);
  CHECK(dues_income() == 3'600);
}

TEST_CASE_METHOD(WithMembers,
                 "a payment dated in a closed 年度 goes into the next open one with its own date") {
  ensure_books(db(), org);
  close_year(db(), org, 2025, {2026, 4, 20});
  pay(3'600, {2026, 3, 30});
  CHECK(bring_in_money(ctx(), org).added == 1);
  const auto entries = book(db(), org, {.year = 2026});
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].day == sdk::Date{2026, 4, 1});
  CHECK_THAT(entries[0].summary, Catch::Contains("2026-03-30分"));
}

TEST_CASE_METHOD(WithMembers, "a room fee comes in as 事業収入 and a cancellation takes it back") {
  if (test::skip_on_server("the booking plugin's SQL on a server (facilities.cpp: ORDER BY rowid, INSERT OR "
                           "IGNORE) is another slice"))
    return;
  REQUIRE(ctx().services().find<sdk::RoomFeeMoneySource>());
  run({"booking", "facility", "add", "--name", "第一集会所", "--capacity", "40", "--slot",
       "午前=09:00-12:00:500", "--open-new-year"});
  const auto b = json::parse(run({"booking", "add", "--facility", "1", "--date", "2025-06-11", "--slot",
                                  "午前", "--purpose", "書道教室", "--json"},
                                 other))
                     .at("id")
                     .get<std::int64_t>();
  CHECK(bring_in_money(ctx(), org).added == 1);
  auto entries = book(db(), org, {.year = 2025});
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].source == "施設使用料");
  CHECK(entries[0].category_path == "事業収入");
  CHECK(entries[0].amount == 500);
  run({"booking", "cancel", std::to_string(b), "--reason", "雨天"}, other);
  CHECK(bring_in_money(ctx(), org).reversed == 1);
  CHECK(settlement(db(), org, 2025).income_total == 0);
}
