#include "city.hpp"

#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>
#include <wasshoi/host/organizations.hpp>
#include <wasshoi/sdk/csv.hpp>

#include "core/bulk_writer.hpp"
#include "core/demo.hpp"
#include "core/demo_names.hpp"
#include "core/households.hpp"
#include "core/search_text.hpp"

namespace wasshoi::bench::city {

namespace fs = std::filesystem;
namespace names = members::demo_names;

namespace {

double cpu_now_ms() {
  rusage self{}, children{};
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_CHILDREN, &children);
  auto ms = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
  };
  return ms(self.ru_utime) + ms(self.ru_stime) + ms(children.ru_utime) + ms(children.ru_stime);
}

using Rng = std::mt19937;

int uniform(Rng& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
bool chance(Rng& rng, int percent) {
  return uniform(rng, 0, 99) < percent;
}
template <typename A>
const auto& pick(Rng& rng, const A& a) {
  return a[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(a.size()) - 1))];
}

// Places around 一関 the organizations are named after, and the streets of their addresses.
constexpr std::array<std::string_view, 30> kPlaces = {
    "山目", "中里", "真滝", "萩荘", "弥栄", "舞川",   "厳美",   "花泉", "大東", "千厩",
    "東山", "室根", "川崎", "藤沢", "赤荻", "狐禅寺", "滝沢",   "永井", "涌津", "日形",
    "摺沢", "大原", "興田", "猿沢", "渋民", "奥玉",   "磐清水", "小梨", "松川", "長坂"};
constexpr std::array<std::string_view, 12> kStreets = {"上町", "下町", "本町", "新町",   "駅前",   "宮前",
                                                       "川原", "桜木", "新田", "上ノ台", "下ノ台", "中央"};
// Flats whose names carry the characters CP932 lacks or registers spell apart.
constexpr std::array<std::string_view, 4> kFlats = {"ｺｰﾎﾟ𠮷田", "コーポ髙﨑", "ハイツ山﨑", "メゾン櫻"};

const names::Name& surname(Rng& rng) {
  return chance(rng, 3) ? pick(rng, names::kRareSurnames) : pick(rng, names::kSurnames);
}

std::string reading_of(const names::Name& family, const names::Name& given, bool halfwidth) {
  std::string r = std::string(family.kana) + " " + std::string(given.kana);
  return halfwidth ? members::to_halfwidth_katakana(r) : r;
}

std::string address(Rng& rng, std::string_view place) {
  std::string a = "一関市" + std::string(place) + std::string(pick(rng, kStreets)) +
                  std::to_string(uniform(rng, 1, 40)) + "-" + std::to_string(uniform(rng, 1, 30));
  if (chance(rng, 4))
    a += " " + std::string(pick(rng, kFlats)) + " " + std::to_string(uniform(rng, 1, 3)) + "0" +
         std::to_string(uniform(rng, 1, 8));
  return a;
}

std::string phone(Rng& rng) {
  // 0191 is 一関's area code; exchange 00 does not exist, so no number is anyone's.
  return "0191-00-" + std::to_string(uniform(rng, 1000, 9999));
}

// Households of each 自治会: a few large ones, many of 40–150 (log-normal), summing to `total`.
std::vector<int> household_counts(Rng& rng, int jichikai, int total) {
  std::lognormal_distribution<double> size(std::log(75.0), 0.75);
  std::vector<double> raw(static_cast<std::size_t>(jichikai));
  double sum = 0;
  for (auto& r : raw) sum += (r = std::clamp(size(rng), 12.0, 1500.0));
  std::vector<int> out;
  int given = 0;
  for (double r : raw) given += out.emplace_back(std::max(8, static_cast<int>(r * total / sum)));
  for (std::size_t i = 0; given != total; i = (i + 1) % out.size()) {  // the rounding, spread
    const int step = given < total ? 1 : -1;
    if (out[i] + step < 8) continue;
    out[i] += step;
    given += step;
  }
  return out;
}

// Persons of each household (1–6, about 2.67 on average), summing to `total`.
std::vector<int> person_counts(Rng& rng, int households, int total) {
  static constexpr int kWeights[] = {24, 30, 18, 15, 8, 5};  // 1 … 6 persons
  std::discrete_distribution<int> size(std::begin(kWeights), std::end(kWeights));
  std::vector<int> out(static_cast<std::size_t>(households));
  int given = 0;
  for (auto& n : out) given += (n = size(rng) + 1);
  while (given != total) {
    auto& n = out[static_cast<std::size_t>(uniform(rng, 0, households - 1))];
    const int step = given < total ? 1 : -1;
    if (n + step < 1 || n + step > 7) continue;
    n += step;
    given += step;
  }
  return out;
}

struct Relation {
  const char* name;
  int age_from_head;  // years younger than the head (negative: older)
  bool same_sex_as_head;
};
constexpr Relation kRelations[] = {{"妻", 2, false},   {"長男", 28, true}, {"長女", 30, false},
                                   {"母", -26, false}, {"次男", 32, true}, {"次女", 33, false},
                                   {"父", -28, true}};

// One 自治会's households and persons, written through the members plugin's bulk writer (the
// roster import's own): the data stays alive until the writer's flush.
void write_jichikai(sdk::Database& db, Rng& rng, const Jichikai& j, std::string_view place,
                    const std::vector<std::int64_t>& han, const std::vector<int>& persons) {
  std::vector<members::HouseholdData> households;
  std::vector<std::vector<members::PersonData>> people;
  households.reserve(persons.size());
  people.reserve(persons.size());
  for (std::size_t h = 0; h < persons.size(); ++h) {
    members::HouseholdData d;
    d.han = han[h * han.size() / persons.size()];
    d.address = address(rng, place);
    d.phone = chance(rng, 85) ? phone(rng) : "";
    d.people = persons[h];
    d.joined = sdk::Date{uniform(rng, 1975, 2025), uniform(rng, 1, 12), uniform(rng, 1, 28)};
    if (chance(rng, 1)) d.notes = "回覧板は郵便受けへ";
    households.push_back(std::move(d));
    const names::Name& family = surname(rng);
    const bool halfwidth = chance(rng, 30);
    const bool head_male = chance(rng, 75);
    const int head_born = uniform(rng, 1932, 2001);
    auto& list = people.emplace_back();
    for (int i = 0; i < persons[h]; ++i) {
      members::PersonData p;
      const Relation& rel = kRelations[static_cast<std::size_t>(std::max(0, i - 1)) % std::size(kRelations)];
      const bool male = i == 0 ? head_male : rel.same_sex_as_head == head_male;
      const names::Name& given = male ? pick(rng, names::kMaleNames) : pick(rng, names::kFemaleNames);
      p.name = std::string(family.kanji) + "　" + std::string(given.kanji);
      p.reading = reading_of(family, given, halfwidth);
      p.head = i == 0;
      p.relation = i == 0 ? "" : rel.name;
      p.birth_year =
          std::clamp(head_born + (i == 0 ? 0 : rel.age_from_head + uniform(rng, -3, 3)), 1920, 2025);
      p.needs_support = *p.birth_year < 1945 && chance(rng, 25);
      list.push_back(std::move(p));
    }
  }
  members::RosterBulkWriter writer(db, j.id);
  std::vector<members::PersonId> heads;  // earlier 世帯主 of this 自治会: the helpers of 要支援者
  for (std::size_t h = 0; h < households.size(); ++h) {
    const members::HouseholdId id = writer.add_household(households[h], households[h].han);
    for (auto& p : people[h]) {
      if (p.needs_support && !heads.empty())
        p.helper = heads[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(heads.size()) - 1))];
      const members::PersonId pid =
          writer.add_person(id, p, members::person_search_text(p.name, p.reading, households[h].address));
      if (p.head) heads.push_back(pid);
    }
  }
  writer.flush();
}

}  // namespace

Stopwatch::Stopwatch() : wall_(Clock::now()), cpu_(cpu_now_ms()) {}
Span Stopwatch::elapsed() const {
  return Span{ms_since(wall_), cpu_now_ms() - cpu_};
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  auto i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

std::string engine_argument(int& argc, char** argv) {
  std::string given;
  bool found = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    int used = 0;
    if (a == "--db" && i + 1 < argc) {
      given = argv[i + 1];
      used = 2;
    } else if (a.starts_with("--db=")) {
      given = std::string(a.substr(5));
      used = 1;
    }
    if (!used) continue;
    found = true;
    for (int k = i; k + used < argc; ++k) argv[k] = argv[k + used];
    argc -= used;
    --i;
  }
  if (!found) {
    const char* env = std::getenv("WASSHOI_TEST_DB");
    return env && sdk::is_server_target(env) ? env : "";
  }
  if (given == "sqlite") return "";
  if (!sdk::is_server_target(given))
    throw sdk::InputError("--db takes a postgresql:// URI or the word sqlite, not " + given);
  return given;
}

fs::path plugin_dir() {
  return fs::path(WASSHOI_BIN_DIR) / "plugins";
}

std::string engine_description(sdk::Database& db) {
  if (db.engine() == sdk::Engine::SQLite)
    return std::string("SQLite ") + sqlite3_libversion() + ", a WAL file, synchronous=FULL";
  auto setting = [&](const char* name) {
    return sdk::query_text(db, std::string("SELECT current_setting('") + name + "')").value_or("?");
  };
  const std::string host =
      sdk::query_text(db, "SELECT coalesce(inet_server_addr()::text, 'a Unix socket')").value_or("?");
  return "PostgreSQL " + setting("server_version") + " over " + host + ", fsync=" + setting("fsync") +
         ", synchronous_commit=" + setting("synchronous_commit");
}

const Jichikai& City::median_jichikai() const {
  std::vector<const Jichikai*> by_size;
  for (const auto& j : jichikai) by_size.push_back(&j);
  std::sort(by_size.begin(), by_size.end(), [](auto* a, auto* b) { return a->persons < b->persons; });
  return *by_size[by_size.size() / 2];
}

const Jichikai& City::largest_jichikai() const {
  return *std::max_element(jichikai.begin(), jichikai.end(),
                           [](const Jichikai& a, const Jichikai& b) { return a.persons < b.persons; });
}

City make_city(host::App& app, const CitySize& size, unsigned seed) {
  Stopwatch watch;
  Rng rng(seed);
  sdk::Database& db = app.db();
  City city;
  constexpr int kKyodotai = 30, kKominkan = 4, kNpo = 10;
  const int jichikai_count = size.organizations - 1 - kKyodotai - kKominkan - kNpo;
  std::vector<std::string> plugins;
  for (const auto& r : app.plugins().plugins())
    if (r.state == host::PluginState::Loaded) plugins.push_back(r.id);
  std::vector<std::string_view> jichikai_place;
  {
    sdk::Transaction tx(db, "bench.city", "organizations");
    host::Organizations orgs(db);
    city.city = orgs.add(host::OrgKind::City, "一関市");
    std::vector<sdk::OrgId> kyodotai;
    for (int i = 0; i < kKyodotai; ++i) {
      kyodotai.push_back(orgs.add(host::OrgKind::Kyodotai, std::string(kPlaces[i]) + "地域協働体"));
      for (const auto& p : plugins) orgs.enable_plugin(kyodotai.back(), p);
    }
    for (int i = 0; i < kKominkan; ++i)
      city.kominkan.push_back(orgs.add(host::OrgKind::Support, std::string(kPlaces[i * 7]) + "市民センター"));
    for (int i = 0; i < kNpo; ++i)
      orgs.add(host::OrgKind::Npo, "NPO法人" + std::string(kPlaces[i * 3]) + "みまもり隊",
               kyodotai[static_cast<std::size_t>(i)]);
    for (int i = 0; i < jichikai_count; ++i) {
      const std::string_view place = kPlaces[static_cast<std::size_t>(i % kKyodotai)];
      Jichikai j;
      j.name = std::string(place) + "第" + std::to_string(i / kKyodotai + 1) + "自治会";
      if (i % 97 == 5) j.name = std::string(place) + "髙﨑町内会";
      j.id = orgs.add(host::OrgKind::Jichikai, j.name, kyodotai[static_cast<std::size_t>(i % kKyodotai)]);
      for (const auto& p : plugins) orgs.enable_plugin(j.id, p);
      city.jichikai.push_back(std::move(j));
      jichikai_place.push_back(place);
    }
    tx.commit();
  }
  city.organizations = 1 + kKyodotai + kKominkan + kNpo + jichikai_count;

  const std::vector<int> households = household_counts(rng, jichikai_count, size.households);
  const std::vector<int> persons = person_counts(rng, size.households, size.persons);
  // As the roster import writes (importer.cpp): one transaction, the search index filled once.
  sdk::BulkTransaction tx(
      db, "bench.city", "households and persons",
      sdk::BulkOptions{.cache_kib = 131072, .without_foreign_keys = true, .without_triggers = true});
  members::SearchBulkLoad search(db);
  std::size_t next_household = 0;
  for (std::size_t i = 0; i < city.jichikai.size(); ++i) {
    Jichikai& j = city.jichikai[i];
    j.households = households[i];
    const int han_count = std::max(2, j.households / 15);
    std::vector<sdk::Database::CopyRow> han_rows;
    for (int h = 1; h <= han_count; ++h)
      han_rows.push_back({std::to_string(j.id), std::to_string(h) + "班", std::to_string(h)});
    db.copy_in("han", {"org_id", "name", "sort_order"}, han_rows);
    std::vector<std::int64_t> han;
    sdk::Statement st(db, "SELECT id FROM han WHERE org_id = ? ORDER BY sort_order");
    st.bind(1, j.id);
    while (st.step()) han.push_back(st.get_int(0));
    std::vector<int> sizes(persons.begin() + static_cast<std::ptrdiff_t>(next_household),
                           persons.begin() + static_cast<std::ptrdiff_t>(next_household) + j.households);
    next_household += static_cast<std::size_t>(j.households);
    for (int n : sizes) j.persons += n;
    write_jichikai(db, rng, j, jichikai_place[i], han, sizes);
    city.households += j.households;
    city.persons += j.persons;
  }
  search.finish();
  tx.commit();
  // A server's autovacuum has vacuumed and analyzed a city's tables long before anyone searches
  // them: the statistics are there, and the GIN index's pending list (rows added since) is short.
  if (db.engine() == sdk::Engine::PostgreSQL) db.exec("VACUUM ANALYZE");
  city.made = watch.elapsed();
  return city;
}

std::string roster_csv(int rows, unsigned seed) {
  Rng rng(seed);
  sdk::CsvWriter csv;
  csv.write_row({"班", "世帯主氏名", "ﾌﾘｶﾞﾅ", "住所", "電話番号", "世帯人数", "加入日", "備考"});
  for (int i = 0; i < rows; ++i) {
    const names::Name& family = surname(rng);
    const names::Name& given =
        chance(rng, 70) ? pick(rng, names::kMaleNames) : pick(rng, names::kFemaleNames);
    const int y = uniform(rng, 1975, 2025), m = uniform(rng, 1, 12), d = uniform(rng, 1, 28);
    std::string joined;
    switch (uniform(rng, 0, 2)) {
      case 0:
        joined = std::to_string(y) + "/" + std::to_string(m) + "/" + std::to_string(d);
        break;
      case 1:
        joined = sdk::format_wareki(sdk::Date{y, m, d});  // 令和5年4月1日
        break;
      default:
        joined = sdk::Date{y, m, d}.iso();
    }
    std::string notes;
    if (uniform(rng, 0, 49) == 0) notes = "回覧板は郵便受けへ、\"至急\"の時は\r\n電話で";
    csv.write_row({std::to_string(i % 40 + 1) + "班",
                   std::string(family.kanji) + "　" + std::string(given.kanji),
                   reading_of(family, given, chance(rng, 30)), address(rng, pick(rng, kPlaces)), phone(rng),
                   std::to_string(uniform(rng, 1, 6)), joined, notes});
  }
  return csv.utf8();
}

}  // namespace wasshoi::bench::city
