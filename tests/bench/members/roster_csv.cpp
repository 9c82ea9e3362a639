#include <sys/resource.h>

#include <algorithm>
#include <random>
#include <wasshoi/sdk/csv.hpp>

#include "bench.hpp"
#include "core/demo.hpp"
#include "core/demo_names.hpp"

namespace wasshoi::bench {

namespace {

int uniform(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
template <typename A>
const auto& pick(std::mt19937& rng, const A& a) {
  return a[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(a.size()) - 1))];
}

std::string joined_date(std::mt19937& rng) {
  const int y = uniform(rng, 1990, 2024), m = uniform(rng, 1, 12), d = uniform(rng, 1, 28);
  switch (uniform(rng, 0, 2)) {
    case 0:
      return std::to_string(y) + "/" + std::to_string(m) + "/" + std::to_string(d);
    case 1:
      return sdk::format_wareki(sdk::Date{y, m, d});  // 令和5年4月1日
    default:
      return sdk::Date{y, m, d}.iso();
  }
}

}  // namespace

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

std::string roster_csv(int rows, unsigned seed) {
  namespace names = members::demo_names;
  std::mt19937 rng(seed);
  sdk::CsvWriter csv;
  csv.write_row({"班", "世帯主氏名", "ﾌﾘｶﾞﾅ", "住所", "電話番号", "世帯人数", "加入日", "備考"});
  for (int i = 0; i < rows; ++i) {
    auto family = uniform(rng, 0, 99) < 3 ? pick(rng, names::kRareSurnames) : pick(rng, names::kSurnames);
    if (sdk::has_beyond_bmp(family.kanji)) family = names::kSurnames[0];  // the file must fit CP932
    const auto& given = uniform(rng, 0, 1) ? pick(rng, names::kMaleNames) : pick(rng, names::kFemaleNames);
    std::string reading = std::string(family.kana) + " " + std::string(given.kana);
    if (uniform(rng, 0, 9) < 3) reading = members::to_halfwidth_katakana(reading);
    std::string notes;
    if (uniform(rng, 0, 49) == 0) notes = "回覧板は郵便受けへ、\"至急\"の時は\r\n電話で";
    csv.write_row({std::to_string(i % 40 + 1) + "班",
                   std::string(family.kanji) + "　" + std::string(given.kanji), reading,
                   "一関市" + std::string(pick(rng, names::kDistricts)) +
                       std::to_string(uniform(rng, 1, 40)) + "-" + std::to_string(uniform(rng, 1, 30)),
                   "0191-00-" + std::to_string(uniform(rng, 1000, 9999)), std::to_string(uniform(rng, 1, 6)),
                   joined_date(rng), notes});
  }
  return csv.utf8();
}

BenchDb::BenchDb(const std::filesystem::path& folder, const std::string& name)
    : app(host::AppOptions{.db_path = folder / name,
                           .plugin_dir = std::filesystem::path(WASSHOI_BIN_DIR) / "plugins",
                           .actor = "bench",
                           .create = true}) {
  app.open_database();
  org = app.orgs().add(host::OrgKind::Jichikai, "ベンチ自治会");
  app.orgs().enable_plugin(org, "members");
}

}  // namespace wasshoi::bench
