// Two officers' programs writing the same books at once (two connections, on both engines): what
// one checks before it writes (the 年度 still open, no opening balance yet) stays true until it
// commits. On SQLite the write lock of the file does that; on PostgreSQL lock_books (books.hpp)
// locks the organization's ledger_settings row, so the second writer waits, then sees the first
// one's work, or gives up with BusyError past its lock timeout.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "core/books.hpp"
#include "core/entries.hpp"
#include "core/year_end.hpp"
#include "ledger_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::ledger;

namespace {

struct LockBooks : test::LedgerDb {
  LockBooks() : test::LedgerDb(false) {}
};

// Runs `write` on the second connection in a thread; says whether it was still waiting after a
// while (the first writer holds the books), then lets the first writer commit.
struct SecondWriter {
  template <class F>
  explicit SecondWriter(F write)
      : thread([this, write] {
          try {
            write();
          } catch (const sdk::InputError& e) {
            refused = e.what();
          } catch (const std::exception& e) {
            other = e.what();
          }
          done = true;
        }) {}
  ~SecondWriter() {
    if (thread.joinable()) thread.join();
  }
  std::thread thread;
  std::atomic<bool> done{false};
  std::string refused, other;
};

}  // namespace

TEST_CASE_METHOD(LockBooks, "a second writer waits while the 年度 is being closed, then is refused") {
  add_entry(db(), org, {test::kDay, "現金", "会費", 3'600, "会費", "", "会計"});
  auto second = scratch.open_another();
  {
    sdk::Transaction tx(db(), "test.close");
    close_year(db(), org, 2030, {2031, 4, 20});  // not committed yet
    SecondWriter b([&] {
      add_entry(second, org, {test::kDay, "現金", "会議費", 1'000, "お茶", "", "会長"});
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    CHECK_FALSE(b.done);  // it waits for the books
    tx.commit();
    b.thread.join();
    INFO(b.other);
    CHECK(b.other.empty());
    CHECK_THAT(b.refused, Catch::Contains("closed"));
  }
  CHECK(count("SELECT count(*) FROM ledger_entries") == 1);
  CHECK(count("SELECT carried FROM ledger_years WHERE year = 2030") == 3'600);
}

TEST_CASE_METHOD(LockBooks, "two opening balances of one account at once: the second is refused") {
  ensure_books(db(), org);
  auto second = scratch.open_another();
  {
    sdk::Transaction tx(db(), "test.opening");
    set_opening_balance(db(), org, "普通預金", test::kDay, 50'000, "会計");
    SecondWriter b([&] { set_opening_balance(second, org, "普通預金", test::kDay, 60'000, "会長"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    CHECK_FALSE(b.done);
    tx.commit();
    b.thread.join();
    INFO(b.other);
    CHECK(b.other.empty());
    CHECK_THAT(b.refused, Catch::Contains("opening balance already"));
  }
  CHECK(count("SELECT count(*) FROM ledger_entries WHERE kind = 'opening'") == 1);
}

TEST_CASE_METHOD(LockBooks, "a writer that waits past the lock timeout gives up with BusyError") {
  ensure_books(db(), org);
  auto second = scratch.open_another();
  second.set_busy_timeout_ms(300);
  sdk::Transaction tx(db(), "test.hold");
  lock_books(db(), org);
  add_entry(db(), org, {test::kDay, "現金", "会費", 3'600, "会費", "", "会計"});
  CHECK_THROWS_AS(add_entry(second, org, {test::kDay, "現金", "会議費", 1'000, "お茶", "", "会長"}),
                  sdk::BusyError);
  tx.commit();
  CHECK(count("SELECT count(*) FROM ledger_entries") == 1);
}
