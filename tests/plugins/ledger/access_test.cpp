// Who may keep the books: the 会計 (a 役員) and the 会長 write; a 班長 and a 閲覧 read only; the
// officers of another 自治会 and of the 地域協働体 neither write nor see them. Refused below the
// plugin (the host's row guard), with nothing written and no audit row.
#include <catch2/catch.hpp>

#include "core/books.hpp"
#include "core/entries.hpp"
#include "core/front.hpp"
#include "core/grants.hpp"
#include "core/reports.hpp"
#include "core/year_end.hpp"
#include "ledger_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::ledger;

namespace {
// A 1 × 1 PNG.
const std::string kPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    "\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\x00\x00\x03\x01"
    "\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    69);
}  // namespace

TEST_CASE_METHOD(test::LedgerDb, "the 会計 and the 会長 write the books") {
  as("kaikei");
  add_entry(db(), org, {test::kDay, "現金", "会費", 3'600, "会費", "", "髙橋 﨑子"});
  as("kaicho");
  add_entry(db(), org, {test::kDay, "現金", "会議費", 1'000, "お茶", "", "山田 花子"});
  CHECK(count("SELECT count(*) FROM ledger_entries") == 2);
  CHECK(count("SELECT count(*) FROM audit_log WHERE action = 'ledger.entry.add'") == 2);
}

TEST_CASE_METHOD(test::LedgerDb,
                 "a 班長 a 閲覧 and officers of other organizations may not write the books") {
  if (test::skip_on_server("officer accounts and the row guard (issue 20 on a server)")) return;
  as("kaikei");
  const Id id = add_entry(db(), org, {test::kDay, "現金", "会費", 3'600, "会費", "", "会計"});
  const Id grant = add_grant(db(), org, {0, "自治会等活動費総合補助金", "一関市", 50'000, "", {}, {}, ""});
  const auto before_entries = count("SELECT count(*) FROM ledger_entries");
  const auto before_audit = count("SELECT count(*) FROM audit_log");
  for (const char* login : {"hancho", "etsuran", "takasaki", "kyodo"}) {
    INFO(login);
    as(login);
    if (std::string(login) == "etsuran") app->enter(org, "ledger");
    CHECK_THROWS(add_entry(db(), org, {test::kDay, "現金", "会費", 100, "x", "", login}));
    CHECK_THROWS(add_transfer(db(), org, {test::kDay, "現金", "普通預金", 100, "", login}));
    CHECK_THROWS(reverse_entry(db(), org, id, "いたずら", test::kDay, login));
    CHECK_THROWS(set_budget(db(), org, 2030, find_category(db(), org, "会費").id, 1));
    CHECK_THROWS(set_settlement_note(db(), org, 2030, find_category(db(), org, "会費").id, "改ざん"));
    CHECK_THROWS(add_category(db(), org, Side::Expense, "私費", ""));
    CHECK_THROWS(add_grant(db(), org, {0, "補助金", "市", 1, "", {}, {}, ""}));
    CHECK_THROWS(set_opening_balance(db(), org, "普通預金", test::kDay, 50'000, login));
    CHECK_THROWS(tag_entry(db(), org, id, grant));
    CHECK_THROWS(attach_receipt(db(), org, id, "r.png", kPng));
    CHECK_THROWS(close_year(db(), org, 2030, test::kDay));
    CHECK_THROWS(set_start_month(db(), org, 1));
    db().set_read_only(false);
  }
  CHECK(count("SELECT count(*) FROM ledger_entries") == before_entries);
  CHECK(count("SELECT count(*) FROM ledger_years") == 0);
  CHECK(count("SELECT count(*) FROM ledger_entries WHERE grant_id IS NOT NULL OR kind = 'opening'") == 0);
  CHECK(count("SELECT count(*) FROM audit_log") == before_audit);
}

TEST_CASE_METHOD(test::LedgerDb,
                 "a 班長 and a 閲覧 read the books and another 自治会 cannot see an entry by id") {
  if (test::skip_on_server("officer accounts and the row guard (issue 20 on a server)")) return;
  as("kaikei");
  const Id id = add_entry(db(), org, {test::kDay, "現金", "会費", 3'600, "会費", "", "会計"});
  for (const char* login : {"hancho", "etsuran"}) {
    as(login);
    CHECK(settlement(db(), org, 2030).income_total == 3'600);
    CHECK_NOTHROW(app->require_visible("ledger_entries", id));
  }
  as("kaikei");
  attach_receipt(db(), org, id, "領収書.png", kPng);
  for (const char* login : {"hancho", "etsuran"}) {
    as(login);
    REQUIRE(receipt(ctx(), id));
    CHECK(receipt(ctx(), id)->bytes == kPng);
  }
  for (const char* login : {"takasaki", "kyodo"}) {
    INFO(login);
    as(login);
    CHECK_THROWS(app->require_visible("ledger_entries", id));
    CHECK_THROWS(receipt(ctx(), id));
  }
}

TEST_CASE_METHOD(test::LedgerDb,
                 "the hand-over of a year is the 会長's and 役員's and a 班長 or 閲覧 may not take it") {
  if (test::skip_on_server("officer accounts and the row guard (issue 20 on a server)")) return;
  as("kaikei");
  add_entry(db(), org, {test::kDay, "現金", "会費", 3'600, "会費", "", "会計"});
  CHECK_THAT(export_handover(ctx(), org, 2030), Catch::Contains("wasshoi-ledger-handover"));
  for (const char* login : {"hancho", "etsuran", "takasaki"}) {
    INFO(login);
    as(login);
    CHECK_THROWS_AS(export_handover(ctx(), org, 2030), sdk::InputError);
  }
}
