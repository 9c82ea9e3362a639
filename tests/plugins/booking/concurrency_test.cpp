// Two processes book the same 500 slots at once: the check and the insert run inside one
// BEGIN IMMEDIATE transaction, so every slot ends up with exactly one booking.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>
#include <wasshoi/host/organization_directory.hpp>

#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::booking;

namespace {

constexpr int kSlots = 500;

// 12 one-hour slots a day, 9:00–21:00.
BookingRequest slot(FacilityId room, OrgId org, int i) {
  sdk::Date day = sdk::Date{2027, 4, 1}.add_days(i / 12);
  int h = 9 + i % 12;
  return {room, org, {day, h, 0}, {day, h + 1, 0}, "pid " + std::to_string(getpid()), "", std::nullopt, 5};
}

// Child: its own connection, books every slot; exit code 0 when every failure was a conflict.
[[noreturn]] void child(const std::filesystem::path& db_path, FacilityId room, OrgId org, int start_fd) {
  char go;
  if (read(start_fd, &go, 1) != 1) _exit(3);
  try {
    auto db = sdk::Database::open(db_path, sdk::Database::Mode::ReadWrite);
    const sdk::Access everyone = sdk::Access::everything();  // a database without accounts
    host::CoreOrganizationDirectory orgs(everyone);
    for (int i = 0; i < kSlots; ++i) {
      for (int attempt = 0;; ++attempt) {
        try {
          book(db, orgs, slot(room, org, i));
          break;
        } catch (const ConflictError&) {
          break;
        } catch (const sdk::BusyError&) {
          if (attempt > 20) _exit(4);
        }
      }
    }
  } catch (...) {
    _exit(2);
  }
  _exit(0);
}

}  // namespace

TEST_CASE("two processes each trying to book the same slot 500 times leave exactly one booking per slot") {
  test::BookingFixture fx;
  Facility f{.owner = fx.support, .name = "大会議室", .capacity = 60};
  f.new_year_closed = false;
  FacilityId room = add_facility(fx.db(), fx.orgs(), f);
  int pipe_fds[2];
  REQUIRE(pipe(pipe_fds) == 0);
  pid_t a = fork();
  if (a == 0) child(fx.db_path, room, fx.jichikai, pipe_fds[0]);
  pid_t b = fork();
  if (b == 0) child(fx.db_path, room, fx.other, pipe_fds[0]);
  REQUIRE(write(pipe_fds[1], "gg", 2) == 2);  // both start together
  int status_a = 0, status_b = 0;
  waitpid(a, &status_a, 0);
  waitpid(b, &status_b, 0);
  close(pipe_fds[0]);
  close(pipe_fds[1]);
  CHECK(WIFEXITED(status_a));
  CHECK(WEXITSTATUS(status_a) == 0);
  CHECK(WEXITSTATUS(status_b) == 0);
  CHECK(fx.count_bookings() == kSlots);
  CHECK(*sdk::query_int(
            fx.db(),
            "SELECT count(*) FROM booking_bookings x JOIN booking_bookings y ON x.facility_id = "
            "y.facility_id AND x.id < y.id AND x.start_min < y.end_min AND y.start_min < x.end_min") == 0);
}

namespace {

// What a faulty client does: a booking written straight into the table, without the check.
void raw_booking(sdk::Database& db, FacilityId room, OrgId org, const sdk::Date& day, int h1, int h2,
                 const char* status = "approved") {
  sdk::Statement(db,
                 "INSERT INTO booking_bookings(facility_id, org_id, start_min, end_min, status) "
                 "VALUES(?, ?, ?, ?, ?)")
      .bind_all(room, org, sdk::DateTime{day, h1, 0}.epoch_minutes(),
                sdk::DateTime{day, h2, 0}.epoch_minutes(), status)
      .run();
}

bool skip_unless_postgres() {
  if (test::testing_postgres()) return false;
  WARN(
      "PostgreSQL only, skipped (set WASSHOI_TEST_DB): the exclusion constraint is the server's; "
      "on SQLite the check runs under BEGIN IMMEDIATE (the test above)");
  return true;
}

}  // namespace

TEST_CASE("on PostgreSQL the server refuses an overlapping booking even from a client that skips the check") {
  if (skip_unless_postgres()) return;
  test::BookingFixture fx;
  const FacilityId room = fx.open_room();
  const sdk::Date day{2026, 6, 1};
  book(fx.db(), fx.orgs(), fx.request(room, day, 10, 12));
  auto faulty = fx.scratch.open_another();
  CHECK_THROWS_WITH(raw_booking(faulty, room, fx.other, day, 11, 13),
                    Catch::Contains(std::string(kNoOverlapConstraint)));
  CHECK_NOTHROW(raw_booking(faulty, room, fx.other, day, 12, 13));               // back to back
  CHECK_NOTHROW(raw_booking(faulty, room, fx.other, day, 9, 10));                // back to back
  CHECK_NOTHROW(raw_booking(faulty, room, fx.other, day, 11, 12, "cancelled"));  // not live
  const FacilityId hall = fx.open_room("小会議室");
  CHECK_NOTHROW(raw_booking(faulty, hall, fx.other, day, 10, 12));  // another room
  CHECK(fx.count_bookings() == 4);
}

TEST_CASE("on PostgreSQL a booking committed by another connection after the check gives the check's error") {
  if (skip_unless_postgres()) return;
  test::BookingFixture fx;
  const FacilityId room = fx.open_room();
  const sdk::Date day{2026, 6, 2};
  auto first = fx.scratch.open_another();
  first.exec("BEGIN");
  raw_booking(first, room, fx.other, day, 10, 12);  // not committed yet: invisible to the check
  const BookingId theirs = first.last_insert_id();
  std::string message;
  std::thread second([&] {
    try {
      book(fx.db(), fx.orgs(), fx.request(room, day, 11, 13));
      message = "booked";
    } catch (const ConflictError& e) {
      message = e.what();
    } catch (const std::exception& e) {
      message = std::string("not a ConflictError: ") + e.what();
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the insert waits for `first`
  first.exec("COMMIT");
  second.join();
  // The same message as when the check itself finds the booking.
  const std::string expected = conflict_error(fx.db(), fx.orgs(), get_facility(fx.db(), room), theirs).what();
  CHECK(message == expected);
  CHECK_THROWS_WITH(book(fx.db(), fx.orgs(), fx.request(room, day, 11, 13)), expected);
  CHECK(fx.count_bookings() == 1);
  // The connection that lost goes on working.
  CHECK_NOTHROW(book(fx.db(), fx.orgs(), fx.request(room, day, 12, 13)));
}
