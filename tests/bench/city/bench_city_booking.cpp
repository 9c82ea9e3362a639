// bench-city-booking [--db postgresql://…|sqlite] [--clients N] [--attempts N] [--pause-ms N]
// Issue 19's booking figures on the city-sized sample (city.hpp), on one engine: N client
// processes (default 50) book random, overlapping times of 5 rooms of a 市民センター, N attempts
// in all (default 2 000). Each client is a process of its own that opens the database itself
// through the real host and plugins (host::App with bin/plugins, as wasshoi-cli and wasshoi do)
// and books with the booking plugin's core (booking::book, what `booking add` and the booking
// window call), a busy database retried as the CLI retries a command (sdk::retry_when_busy).
// Afterwards one SQL query counts overlapping live bookings (must be 0).
// Round 0: every client books one attempt after the other (all 50 at once, the whole time);
// round 1: each pauses --pause-ms on average (default 200) before each attempt, the machine no
// longer saturated. Baseline, in the same run and the same way: N processes doing the least a
// correct booking needs in plain SQL (a transaction with the overlap check and the insert; on
// PostgreSQL the exclusion constraint decides) on 5 other rooms. Prints per-booking latency
// p50/p99 (and apart: each client's first booking, on a fresh connection) and the ratio; never a
// timed test.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>
#include <wasshoi/host/organizations.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "city.hpp"
#include "core/bookings.hpp"
#include "core/facilities.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

extern char** environ;

using namespace wasshoi;
using namespace wasshoi::bench::city;
namespace fs = std::filesystem;

namespace {

constexpr unsigned kSeed = 20261206;
constexpr int kRooms = 5;
constexpr int kDays = 20;                  // the attempts fall on these days …
const sdk::Date kFirstDay{2027, 5, 10};    // … from this one
const sdk::Date kHistoryFrom{2026, 5, 1};  // a year of earlier bookings in every room
constexpr int kHistoryDays = 365;

enum class Outcome { Booked, Conflict, Busy, Failed };

struct Attempt {
  double ms = 0;
  Outcome outcome = Outcome::Failed;
  int runs = 1;        // 1 + retries of a busy database
  bool first = false;  // the client's first: its connection's first statements
};

struct Request {
  std::int64_t room;
  sdk::DateTime start, end;
};

// 9:00–19:00 starts, one to three hours, on one of kDays days from `first`: most attempts overlap
// another.
Request random_request(std::mt19937& rng, const std::vector<std::int64_t>& rooms, const sdk::Date& first) {
  const auto room = rooms[rng() % rooms.size()];
  const sdk::Date day = first.add_days(static_cast<int>(rng() % kDays));
  const int start_h = 9 + static_cast<int>(rng() % 11);
  const int end_h = std::min(21, start_h + 1 + static_cast<int>(rng() % 3));
  return {room, sdk::DateTime{day, start_h, 0}, sdk::DateTime{day, end_h, 0}};
}

std::vector<std::int64_t> parse_ids(const std::string& list) {
  std::vector<std::int64_t> out;
  std::stringstream in(list);
  for (std::string id; std::getline(in, id, ',');) out.push_back(std::stoll(id));
  return out;
}

std::string join_ids(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

// ---- a client process --------------------------------------------------------------------------

struct ClientArgs {
  std::string kind;  // "app" or "raw"
  int index = 0;
  std::string target;
  std::int64_t org = 0;
  std::vector<std::int64_t> rooms;
  int attempts = 0;
  int ready_fd = -1, go_fd = -1;
  std::string out;
  int pause_ms = 0;  // mean pause before each attempt (0: none, one attempt after the other)
  int round = 0;     // the attempts fall on the days of window `round` (window_start)
};

// Each round of the benchmark books on days of its own, 30 days apart.
sdk::Date window_start(int round) {
  return kFirstDay.add_days(30 * round);
}

// The least a correct booking needs, prepared once: check and insert in one transaction (on
// SQLite under the write lock; on PostgreSQL the exclusion constraint refuses what the check
// cannot see yet).
class RawBooker {
 public:
  RawBooker(const std::string& target)
      : db_(sdk::Database::open(target, sdk::Database::Mode::ReadWrite)),
        check_(db_, booking::kOverlapQuery),
        insert_(db_,
                "INSERT INTO booking_bookings(facility_id, org_id, start_min, end_min, purpose, status) "
                "VALUES(?, ?, ?, ?, '会議', 'approved')") {}
  Outcome book(const Request& r, std::int64_t org) {
    const bool pg = db_.engine() == sdk::Engine::PostgreSQL;
    db_.exec(pg ? "BEGIN" : "BEGIN IMMEDIATE");
    check_.bind_all(r.room, r.start.epoch_minutes(), r.end.epoch_minutes(), 0);
    const bool taken = check_.step();
    check_.reset();
    if (taken) {
      db_.exec("ROLLBACK");
      return Outcome::Conflict;
    }
    try {
      insert_.bind_all(r.room, org, r.start.epoch_minutes(), r.end.epoch_minutes()).run();
    } catch (const sdk::DbError& e) {
      db_.exec("ROLLBACK");
      if (std::string_view(e.what()).find(booking::kNoOverlapConstraint) != std::string_view::npos)
        return Outcome::Conflict;
      throw;
    }
    db_.exec("COMMIT");
    return Outcome::Booked;
  }
  sdk::Database& db() { return db_; }

 private:
  sdk::Database db_;
  sdk::Statement check_, insert_;
};

int client_main(const ClientArgs& a) {
  auto signal_ready = [&](char c) {
    if (write(a.ready_fd, &c, 1) != 1) _exit(5);
  };
  std::mt19937 rng(kSeed + static_cast<unsigned>(a.index) * 7919u + (a.kind == "app" ? 1u : 0u));
  std::vector<Attempt> attempts;
  double setup_ms = 0;
  try {
    const auto t0 = Clock::now();
    std::optional<host::App> app;
    std::optional<RawBooker> raw;
    if (a.kind == "app") {
      app.emplace(host::AppOptions{.db_path = a.target,
                                   .plugin_dir = plugin_dir(),
                                   .actor = "bench-client-" + std::to_string(a.index),
                                   .create = false});
      app->open_database();
    } else {
      raw.emplace(a.target);
    }
    setup_ms = ms_since(t0);
    signal_ready('r');
    char go = 0;
    if (read(a.go_fd, &go, 1) != 1) return 3;
    sdk::Database& db = app ? app->db() : raw->db();
    std::uniform_int_distribution<int> pause(0, 2 * a.pause_ms);
    for (int i = 0; i < a.attempts; ++i) {
      if (a.pause_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pause(rng)));
      const Request r = random_request(rng, a.rooms, window_start(a.round));
      Attempt at;
      const auto start = Clock::now();
      at.runs = 0;
      try {
        if (app) {
          auto& orgs = app->services().get<sdk::OrganizationDirectory>();
          const booking::BookingRequest req{r.room, a.org, r.start, r.end, "役員会", "", std::nullopt, 10};
          sdk::retry_when_busy(db, [&] {
            ++at.runs;
            return booking::book(db, orgs, req);
          });
          at.outcome = Outcome::Booked;
        } else {
          at.outcome = sdk::retry_when_busy(db, [&] {
            ++at.runs;
            return raw->book(r, a.org);
          });
        }
      } catch (const booking::ConflictError&) {
        at.outcome = Outcome::Conflict;
      } catch (const sdk::BusyError&) {
        at.outcome = Outcome::Busy;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "client %d: %s\n", a.index, e.what());
        at.outcome = Outcome::Failed;
      }
      at.ms = ms_since(start);
      attempts.push_back(at);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "client %d (%s) failed: %s\n", a.index, a.kind.c_str(), e.what());
    signal_ready('x');
    return 2;
  }
  std::ofstream out(a.out);
  out << setup_ms << '\n';
  for (const auto& at : attempts)
    out << at.ms << ' ' << static_cast<int>(at.outcome) << ' ' << at.runs << '\n';
  return out ? 0 : 4;
}

// ---- the parent --------------------------------------------------------------------------------

struct Phase {
  std::vector<double> setup_ms;
  std::vector<Attempt> attempts;
  double wall_ms = 0;
  int failed_clients = 0;
};

struct PhasePlan {
  std::string kind;  // "raw" or "app"
  std::vector<std::int64_t> rooms;
  int round = 0;
  int pause_ms = 0;
};

Phase run_phase(const PhasePlan& plan, const std::string& target, const std::vector<std::int64_t>& orgs,
                int clients, int attempts, const fs::path& folder) {
  const std::string& kind = plan.kind;
  int ready[2], go[2];
  if (pipe(ready) != 0 || pipe(go) != 0) throw sdk::Error("pipe failed");
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  std::vector<pid_t> pids;
  for (int i = 0; i < clients; ++i) {
    const int mine = attempts / clients + (i < attempts % clients ? 1 : 0);
    std::vector<std::string> args = {self,
                                     "--client",
                                     kind,
                                     std::to_string(i),
                                     target,
                                     std::to_string(orgs[static_cast<std::size_t>(i) % orgs.size()]),
                                     join_ids(plan.rooms),
                                     std::to_string(mine),
                                     std::to_string(ready[1]),
                                     std::to_string(go[0]),
                                     (folder / (kind + "-" + std::to_string(i) + ".txt")).string(),
                                     std::to_string(plan.pause_ms),
                                     std::to_string(plan.round)};
    std::vector<char*> argv;
    for (auto& s : args) argv.push_back(s.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, self.c_str(), nullptr, nullptr, argv.data(), environ) != 0)
      throw sdk::Error("cannot start a client");
    pids.push_back(pid);
  }
  close(ready[1]);
  close(go[0]);
  Phase phase;
  for (int i = 0; i < clients; ++i) {
    char c = 0;
    if (read(ready[0], &c, 1) != 1) break;  // every client gone
    if (c != 'r') ++phase.failed_clients;
  }
  const auto start = Clock::now();
  const std::string gos(static_cast<std::size_t>(clients), 'g');
  if (write(go[1], gos.data(), gos.size()) != static_cast<ssize_t>(gos.size()))
    throw sdk::Error("cannot start");
  for (pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++phase.failed_clients;
  }
  phase.wall_ms = ms_since(start);
  close(ready[0]);
  close(go[1]);
  for (int i = 0; i < clients; ++i) {
    std::ifstream in(folder / (kind + "-" + std::to_string(i) + ".txt"));
    double setup = 0;
    if (!(in >> setup)) continue;
    phase.setup_ms.push_back(setup);
    Attempt at;
    int outcome = 0;
    for (bool first = true; in >> at.ms >> outcome >> at.runs; first = false) {
      at.outcome = static_cast<Outcome>(outcome);
      at.first = first;
      phase.attempts.push_back(at);
    }
  }
  return phase;
}

std::int64_t overlapping_pairs(sdk::Database& db, const std::vector<std::int64_t>& rooms) {
  return sdk::query_int(
             db,
             "SELECT count(*) FROM booking_bookings x JOIN booking_bookings y ON x.facility_id = "
             "y.facility_id AND x.id < y.id AND x.start_min < y.end_min AND y.start_min < x.end_min "
             "WHERE x.status <> 'cancelled' AND y.status <> 'cancelled' AND x.facility_id IN (" +
                 join_ids(rooms) + ")")
      .value_or(-1);
}

std::int64_t bookings_in_window(sdk::Database& db, const std::vector<std::int64_t>& rooms, int round) {
  return sdk::query_int(
             db, "SELECT count(*) FROM booking_bookings WHERE status <> 'cancelled' AND start_min >= " +
                     std::to_string(sdk::DateTime{window_start(round), 0, 0}.epoch_minutes()) +
                     " AND start_min < " +
                     std::to_string(sdk::DateTime{window_start(round + 1), 0, 0}.epoch_minutes()) +
                     " AND facility_id IN (" + join_ids(rooms) + ")")
      .value_or(-1);
}

struct Figures {
  double p50 = 0, p90 = 0, p99 = 0, max = 0;
};

Figures report(const char* label, const Phase& p, sdk::Database& db, const PhasePlan& plan) {
  const std::vector<std::int64_t>& rooms = plan.rooms;
  std::vector<double> all, firsts, later;
  std::map<Outcome, int> count;
  int retried = 0;
  for (const auto& a : p.attempts) {
    all.push_back(a.ms);
    (a.first ? firsts : later).push_back(a.ms);
    ++count[a.outcome];
    retried += a.runs > 1;
  }
  Figures f{percentile(all, 50), percentile(all, 90), percentile(all, 99), percentile(all, 100)};
  const std::int64_t overlaps = overlapping_pairs(db, rooms);
  const std::int64_t stored = bookings_in_window(db, rooms, plan.round);
  std::printf("  %s\n", label);
  std::printf(
      "    clients' set-up (open the database%s): p50 %.1f ms, max %.1f ms\n",
      std::string_view(label).starts_with("plain") ? "" : " through the host, load and check the plugins",
      percentile(p.setup_ms, 50), percentile(p.setup_ms, 100));
  std::printf(
      "    %zu attempts in %.2f s (%.0f a second): %d booked, %d refused as taken, %d busy, %d failed; "
      "%d retried after a busy database; %d clients failed\n",
      p.attempts.size(), p.wall_ms / 1e3, static_cast<double>(p.attempts.size()) / (p.wall_ms / 1e3),
      count[Outcome::Booked], count[Outcome::Conflict], count[Outcome::Busy], count[Outcome::Failed], retried,
      p.failed_clients);
  std::printf("    per booking: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n", f.p50, f.p90, f.p99,
              f.max);
  // A connection's first statements read the server's catalogs (PostgreSQL) or the schema
  // (SQLite) and are prepared: one attempt in 40 here, enough to make the p99 by themselves.
  std::printf(
      "      each client's first: p50 %.2f ms, max %.2f ms; the others: p50 %.2f ms, p99 %.2f ms, max %.2f "
      "ms\n",
      percentile(firsts, 50), percentile(firsts, 100), percentile(later, 50), percentile(later, 99),
      percentile(later, 100));
  std::printf(
      "    afterwards: %lld live bookings stored in the window (booked: %d), %lld overlapping pairs%s\n",
      static_cast<long long>(stored), count[Outcome::Booked], static_cast<long long>(overlaps),
      overlaps == 0 && stored == count[Outcome::Booked] ? " ✔" : "  ✘ DOUBLE BOOKING OR LOST BOOKING");
  return f;
}

// A year of bookings already in every room (three slots a day), as a 市民センター has them.
void fill_history(sdk::Database& db, const std::vector<std::int64_t>& rooms, sdk::OrgId org) {
  sdk::Transaction tx(db, "bench.history");
  std::vector<sdk::Database::CopyRow> rows;
  const int slots[3][2] = {{540, 720}, {780, 1020}, {1080, 1260}};
  for (int d = 0; d < kHistoryDays; ++d) {
    const std::int64_t day0 = sdk::DateTime{kHistoryFrom.add_days(d), 0, 0}.epoch_minutes();
    for (auto room : rooms)
      for (const auto& s : slots)
        rows.push_back({std::to_string(room), std::to_string(org), std::to_string(day0 + s[0]),
                        std::to_string(day0 + s[1]), "講座", "approved"});
  }
  db.copy_in("booking_bookings", {"facility_id", "org_id", "start_min", "end_min", "purpose", "status"},
             rows);
  tx.commit();
}

int parent_main(const std::string& server, int clients, int attempts, int pause_ms) {
  sdk::strings().load_folder(fs::path(WASSHOI_BIN_DIR) / "i18n");
  test::TempDir folder;
  test::ScratchDb scratch(server);
  host::App app(host::AppOptions{
      .db_path = scratch.target(), .plugin_dir = plugin_dir(), .actor = "bench", .create = true});
  app.open_database();
  std::printf("bench-city-booking on %s\n", engine_description(app.db()).c_str());
  const City city = make_city(app, CitySize{}, kSeed);
  std::printf("city: %d organizations, %d households, %d persons; made in %.1f s\n", city.organizations,
              city.households, city.persons, city.made.wall_ms / 1e3);
  auto& orgs = app.services().get<sdk::OrganizationDirectory>();
  std::vector<std::int64_t> app_rooms, raw_rooms;
  for (int r = 0; r < 2 * kRooms; ++r) {
    booking::Facility f{.owner = city.kominkan.front(),
                        .name = (r < kRooms ? "集会室" : "比較用の部屋") + std::to_string(r % kRooms + 1),
                        .capacity = 40};
    f.new_year_closed = false;
    (r < kRooms ? app_rooms : raw_rooms).push_back(booking::add_facility(app.db(), orgs, f));
  }
  std::vector<std::int64_t> booking_orgs;
  for (int i = 0; i < clients; ++i)
    booking_orgs.push_back(city.jichikai[static_cast<std::size_t>(i) % city.jichikai.size()].id);
  fill_history(app.db(), app_rooms, city.kominkan.front());
  fill_history(app.db(), raw_rooms, city.kominkan.front());
  if (scratch.postgres()) app.db().exec("ANALYZE booking_bookings");
  std::printf(
      "%d rooms of %s with a year of bookings each (%d); %d clients, %d attempts in all on %d days from %s\n",
      2 * kRooms, "a 市民センター", kHistoryDays * 3, clients, attempts, kDays, kFirstDay.iso().c_str());

  // Round 0: every client books one attempt after the other (the load of issue 19's target);
  // round 1: each pauses `pause_ms` on average first, the same clients well below what the
  // machine can serve, so the latency is the booking's own and not the queue's.
  for (int round = 0; round < (pause_ms > 0 ? 2 : 1); ++round) {
    const int pause = round == 0 ? 0 : pause_ms;
    if (round == 0)
      std::printf("\nround 0: every client books one attempt after the other\n");
    else
      std::printf("\nround 1: every client pauses %d ms on average (0–%d) before each attempt\n", pause,
                  2 * pause);
    const PhasePlan raw_plan{"raw", raw_rooms, round, pause}, app_plan{"app", app_rooms, round, pause};
    const Phase raw = run_phase(raw_plan, scratch.target(), booking_orgs, clients, attempts, folder.path());
    const Figures raw_f = report("plain SQL (baseline): a transaction with the overlap check and the insert",
                                 raw, app.db(), raw_plan);
    const Phase ours = run_phase(app_plan, scratch.target(), booking_orgs, clients, attempts, folder.path());
    const Figures our_f = report("the booking plugin (booking::book through the host, as `booking add`)",
                                 ours, app.db(), app_plan);
    std::printf(
        "  ratio p50 %.2f, p99 %.2f (plugin / plain SQL)   (target: 0 overlapping pairs, p99 <= 50 ms)\n",
        our_f.p50 / raw_f.p50, our_f.p99 / raw_f.p99);
  }
  return overlapping_pairs(app.db(), app_rooms) == 0 && overlapping_pairs(app.db(), raw_rooms) == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 13 && std::string_view(argv[1]) == "--client") {
      ClientArgs a;
      a.kind = argv[2];
      a.index = std::atoi(argv[3]);
      a.target = argv[4];
      a.org = std::atoll(argv[5]);
      a.rooms = parse_ids(argv[6]);
      a.attempts = std::atoi(argv[7]);
      a.ready_fd = std::atoi(argv[8]);
      a.go_fd = std::atoi(argv[9]);
      a.out = argv[10];
      a.pause_ms = std::atoi(argv[11]);
      a.round = std::atoi(argv[12]);
      return client_main(a);
    }
    const std::string server = engine_argument(argc, argv);
    int clients = 50, attempts = 2000, pause_ms = 200;
    for (int i = 1; i + 1 < argc; i += 2) {
      const std::string a = argv[i];
      if (a == "--clients")
        clients = std::max(1, std::atoi(argv[i + 1]));
      else if (a == "--attempts")
        attempts = std::max(1, std::atoi(argv[i + 1]));
      else if (a == "--pause-ms")
        pause_ms = std::max(0, std::atoi(argv[i + 1]));
      else
        throw sdk::InputError(
            "usage: bench-city-booking [--db URI|sqlite] [--clients N] [--attempts N] [--pause-ms N (0: no "
            "paced round)]");
    }
    return parent_main(server, clients, attempts, pause_ms);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench-city-booking: %s\n", e.what());
    return 1;
  }
}
