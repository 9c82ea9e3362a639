// Search latency at 100 000 persons: the directory's search (fold, FTS5 phrase over the
// one-character-per-word text, order by reading) against the plain SQL way to find the same
// rows: instr() over the stored text with a query folded beforehand (a scan of every person).
#include <cstdio>

#include "bench.hpp"
#include "core/directory.hpp"
#include "core/search_text.hpp"

namespace wasshoi::bench {

namespace {

struct QuerySet {
  const char* label;
  std::vector<std::string> queries;
};

// Queries officers type: names, readings (hiragana, katakana), address parts, and misses.
const std::vector<QuerySet>& query_sets() {
  static const std::vector<QuerySet> sets = {
      {"1 char", {"林", "森", "誠", "さ", "ﾀ", "崎", "宮", "鬱", "ゑ", "5"}},
      {"2 chars", {"佐藤", "高橋", "たか", "サト", "千葉", "本町", "ゆみ", "鬱鬱", "ぞぞ", "ｵﾉ"}},
      {"3 chars",
       {"たかは", "小野寺", "一関市", "スガワ", "しげる", "宮前1", "ﾁﾊﾞ ", "鬱鬱鬱", "ぞぞぞ", "下ノ台"}},
  };
  return sets;
}

constexpr const char* kRawSql =
    "SELECT p.id, p.sort_key FROM members_persons p JOIN members_households h ON h.id = p.household_id "
    "WHERE +p.org_id = ?1 AND instr(p.search, ?2) > 0 AND h.left_on IS NULL LIMIT ?3";

double time_directory(sdk::Database& db, sdk::OrgId org, const std::string& q) {
  auto start = Clock::now();
  auto ids = members::search_person_ids(db, org, q, 50);
  return ms_since(start);
}

double time_raw(sdk::Database& db, sdk::OrgId org, const std::string& folded) {
  auto start = Clock::now();
  sdk::Statement st(db, kRawSql);
  st.bind_all(org, folded, 50);
  std::size_t n = 0;
  while (st.step()) n += static_cast<std::size_t>(st.get_int(0) > 0);
  return ms_since(start);
}

}  // namespace

void bench_search(BenchDb& b) {
  sdk::Database& db = b.app.db();
  constexpr int kRounds = 40;
  std::printf("\nsearch at %lld persons (limit 50; %d rounds of each query; p50 / p99 in ms)\n",
              static_cast<long long>(sdk::query_int(db, "SELECT count(*) FROM members_persons").value_or(0)),
              kRounds);
  std::vector<double> all_ours, all_raw;
  for (const auto& set : query_sets()) {
    std::vector<double> ours, raw;
    for (int round = 0; round < kRounds; ++round)
      for (const auto& q : set.queries) {
        ours.push_back(time_directory(db, b.org, q));
        raw.push_back(time_raw(db, b.org, members::search_query(q).spaced));
      }
    std::printf("  %-8s directory %6.2f / %6.2f   instr scan %6.2f / %6.2f   ratio p99 %.2f\n", set.label,
                percentile(ours, 50), percentile(ours, 99), percentile(raw, 50), percentile(raw, 99),
                percentile(ours, 99) / percentile(raw, 99));
    all_ours.insert(all_ours.end(), ours.begin(), ours.end());
    all_raw.insert(all_raw.end(), raw.begin(), raw.end());
  }
  std::printf(
      "  %-8s directory %6.2f / %6.2f   instr scan %6.2f / %6.2f   ratio p99 %.2f  (target p99 <= 5 ms)\n",
      "all", percentile(all_ours, 50), percentile(all_ours, 99), percentile(all_raw, 50),
      percentile(all_raw, 99), percentile(all_ours, 99) / percentile(all_raw, 99));
}

}  // namespace wasshoi::bench
