// bench-booking [BOOKINGS] — fills a database with BOOKINGS (default 1,000,000) bookings over
// 50 rooms, then measures, 20,000 times each with random rooms and times:
//   conflict check  booking::find_overlap (prepares its statement every call, as the app does)
//   raw SQL         the same indexed query on one prepared statement (reset, bind, step)
//   book (taken)    booking::book on a taken slot: BEGIN IMMEDIATE, checks, conflict, rollback
//   free one day    booking::find_free for one room, one day, every slot
//   free month      "a room for 30 people, a Sunday afternoon in a month" over 10 rooms
// and prints p50 / p99 in microseconds and the ratio against the raw query.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/migrations.hpp>

#include "core/bookings.hpp"
#include "core/facilities.hpp"
#include "core/finder.hpp"
#include "core/schema.hpp"

using namespace wasshoi;
using namespace wasshoi::booking;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kRooms = 50;
constexpr int kRuns = 20000;
const sdk::Date kFirstDay{2010, 1, 1};

struct Figures {
  double p50, p99;
};

Figures measure(int runs, const std::function<void(int)>& op) {
  std::vector<double> us;
  us.reserve(runs);
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    op(i);
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], us[us.size() * 99 / 100]};
}

// Three slots a day per room (9–12, 13–17, 18–21) until `count` bookings exist.
void fill(sdk::Database& db, const std::vector<FacilityId>& rooms, OrgId org, int count) {
  sdk::Transaction tx(db, "bench.fill");
  sdk::Statement ins(db,
                     "INSERT INTO booking_bookings(facility_id, org_id, start_min, end_min, purpose, status) "
                     "VALUES(?, ?, ?, ?, '会議', 'approved')");
  const int slots[3][2] = {{540, 720}, {780, 1020}, {1080, 1260}};
  std::int64_t base = sdk::DateTime{kFirstDay, 0, 0}.epoch_minutes();
  for (int i = 0; i < count; ++i) {
    int room = i % kRooms, k = i / kRooms, day = k / 3, s = k % 3;
    std::int64_t day0 = base + std::int64_t(day) * 1440;
    ins.bind_all(rooms[room], org, day0 + slots[s][0], day0 + slots[s][1]);
    ins.run();
    ins.reset();
  }
  tx.commit();
}

void report(const char* name, Figures f, Figures raw) {
  std::printf("%-34s p50 %8.1f us   p99 %8.1f us   ratio p50 %5.1fx  p99 %5.1fx\n", name, f.p50, f.p99,
              f.p50 / raw.p50, f.p99 / raw.p99);
}

}  // namespace

int main(int argc, char** argv) {
  int count = argc > 1 ? std::atoi(argv[1]) : 1000000;
  auto dir = std::filesystem::temp_directory_path() / ("bench-booking-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "no-plugins");
  {
    host::App app(host::AppOptions{dir / "bench.db", dir / "no-plugins", "bench", true});
    app.open_database();
    auto& db = app.db();
    auto migrations = booking::migrations();
    sdk::migrate(db, "booking", migrations);
    OrgId owner = app.orgs().add(host::OrgKind::Support, "ベンチ公民館");
    std::vector<FacilityId> rooms;
    for (int r = 0; r < kRooms; ++r) {
      Facility f{.owner = owner, .name = "部屋" + std::to_string(r), .capacity = 20 + r};
      f.new_year_closed = false;
      f.slots = standard_slots();
      rooms.push_back(add_facility(db, app.services().get<sdk::OrganizationDirectory>(), f));
    }
    auto t0 = Clock::now();
    fill(db, rooms, owner, count);
    db.exec("ANALYZE");
    std::printf("bench-booking: %d bookings in %d rooms, filled in %.1f s\n", count, kRooms,
                std::chrono::duration<double>(Clock::now() - t0).count());
    int days = count / kRooms / 3;
    std::mt19937 rng(42);
    auto random_span = [&](int) {
      std::int64_t day0 = sdk::DateTime{kFirstDay.add_days(int(rng() % days)), 0, 0}.epoch_minutes();
      std::int64_t start = day0 + 540 + (rng() % 11) * 60;  // 9:00–19:00 starts: inside the hours
      return std::tuple{rooms[rng() % kRooms], start, start + 90};
    };
    sdk::Statement raw(db, kOverlapQuery);  // the same SQL, prepared once
    Figures raw_f = measure(kRuns, [&](int i) {
      auto [room, s, e] = random_span(i);
      raw.bind_all(room, s, e, 0);
      raw.step();
      raw.reset();
    });
    Figures core_f = measure(kRuns, [&](int i) {
      auto [room, s, e] = random_span(i);
      find_overlap(db, room, s, e);
    });
    // Every random 90-minute span overlaps a booking: the conflict path (lock, check, rollback).
    Figures book_f = measure(2000, [&](int i) {
      auto [room, s, e] = random_span(i);
      BookingRequest r{room,
                       owner,
                       sdk::DateTime::from_epoch_minutes(s),
                       sdk::DateTime::from_epoch_minutes(e),
                       "",
                       "",
                       std::nullopt,
                       5};
      try {
        book(db, app.services().get<sdk::OrganizationDirectory>(), r);
      } catch (const sdk::InputError&) {
      }
    });
    Figures day_f = measure(kRuns / 4, [&](int i) {
      auto [room, s, e] = random_span(i);
      sdk::Date d = sdk::DateTime::from_epoch_minutes(s).date;
      find_free(db, FreeQuery{0, 0, room, d, d});
    });
    Figures month_f = measure(200, [&](int i) {
      sdk::Date first = kFirstDay.add_days(int(rng() % (days - 31)));
      FreeQuery q{60, 0, 0, first, first.add_days(30)};  // rooms 40–49 hold 60+: ten rooms
      q.weekdays = 1;
      q.slot = "午後";
      (void)i;
      find_free(db, q);
    });
    std::printf("%-34s p50 %8.1f us   p99 %8.1f us\n", "raw indexed SQL (prepared once)", raw_f.p50,
                raw_f.p99);
    report("conflict check (find_overlap)", core_f, raw_f);
    report("book() refused as conflict (tx)", book_f, raw_f);
    report("free slots: one room, one day", day_f, raw_f);
    report("free slots: 10 rooms, Sundays/month", month_f, raw_f);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
