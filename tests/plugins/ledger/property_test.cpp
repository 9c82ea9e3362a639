// The books always add up: thousands of random entries, transfers (within a fund and to a
// 特別会計), reversals and bank statement imports over three 年度, seeded so a failure repeats.
#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "core/bank.hpp"
#include "core/books.hpp"
#include "core/entries.hpp"
#include "core/reports.hpp"
#include "ledger_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::ledger;

namespace {

struct Books : test::LedgerDb {
  Books() : test::LedgerDb(false) {}
};

}  // namespace

TEST_CASE_METHOD(
    Books, "over thousands of random entries transfers reversals and imports the books add up exactly") {
  std::mt19937 rng(20260401);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  ensure_books(db(), org);
  add_fund(db(), org, "修繕積立金会計");
  add_account(db(), org, "修繕積立金会計", "積立金", AccountKind::Deposit);
  const auto accts = accounts(db(), org);
  REQUIRE(accts.size() == 3);
  std::vector<Category> cats;
  for (const auto& c : categories(db(), org)) cats.push_back(c);
  std::map<Id, std::int64_t> expected;  // account → the sum the model keeps
  std::vector<Id> reversible;
  const int kOps = 3000;
  for (int i = 0; i < kOps; ++i) {
    const sdk::Date day = sdk::Date{2030, 4, 1}.add_days(pick(365 * 3));
    const Account& a = accts[static_cast<std::size_t>(pick(3))];
    const std::int64_t amount = 1 + pick(200'000);
    const int op = pick(20);
    if (op < 13) {
      const Category& c = cats[static_cast<std::size_t>(pick(static_cast<int>(cats.size())))];
      const Id id = add_entry(db(), org, {day, a.name, std::to_string(c.id), amount, "random", "", "p"});
      expected[a.id] += c.side == Side::Income ? amount : -amount;
      reversible.push_back(id);
    } else if (op < 17) {
      const Account& b = accts[static_cast<std::size_t>((pick(2) + 1 + (&a - accts.data())) % 3)];
      const Id id = add_transfer(db(), org, {day, a.name, b.name, amount, "", "p"});
      expected[a.id] -= amount, expected[b.id] += amount;
      reversible.push_back(id);
    } else if (op < 19 && !reversible.empty()) {
      const std::size_t k = static_cast<std::size_t>(pick(static_cast<int>(reversible.size())));
      const Id id = reversible[k];
      reversible.erase(reversible.begin() + static_cast<std::ptrdiff_t>(k));
      const Entry e = get_entry(db(), org, id);
      reverse_entry(db(), org, id, "random correction", day, "p");
      expected[e.account] -= e.amount;
      if (e.transfer_pair) {
        const Entry other = get_entry(db(), org, *e.transfer_pair);
        expected[other.account] -= other.amount;
      }
    } else {
      // A statement of a few lines, imported twice: it never touches a balance.
      std::string csv = "日付,摘要,お預入れ,お引出し\n";
      for (int l = 0; l < 3; ++l)
        csv += day.add_days(l).iso() + ",ﾌﾘｺﾐ " + std::to_string(pick(5)) + "," +
               std::to_string(1 + pick(9000)) + ",\n";
      import_statement(db(), org, "普通預金", csv);
      CHECK(import_statement(db(), org, "普通預金", csv).added == 0);
    }
  }
  for (const auto& a : accts) {
    INFO(a.name);
    sdk::Statement st(db(), "SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE account_id = ?");
    st.bind(1, a.id);
    st.step();
    CHECK(balance(db(), a.id) == st.get_int(0));
    CHECK(balance(db(), a.id) == expected[a.id]);
  }
  for (int year = 2030; year <= 2032; ++year)
    for (const auto& f : funds(db(), org)) {
      INFO(year << " " << f.name);
      const Settlement s = settlement(db(), org, year, f.name);
      std::int64_t money = 0;
      for (const auto& l : inventory(db(), org, year).lines)
        if (l.account.fund == f.id) money += l.balance;
      CHECK(s.income_total - s.expense_total == s.carry_out());
      CHECK(s.carry_out() == money);
      if (year > 2030) CHECK(s.carried_in == settlement(db(), org, year - 1, f.name).carry_out());
    }
}
