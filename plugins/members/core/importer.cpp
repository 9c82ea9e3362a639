// import_roster: a checked plan → the database, in one transaction.
#include "core/importer.hpp"

#include <future>
#include <map>

#include "core/bulk_writer.hpp"
#include "core/han.hpp"
#include "core/households.hpp"

namespace wasshoi::members {

namespace {

constexpr std::size_t kShownProblems = 20;

std::map<std::string, HanId> resolve_han(sdk::Database& db, OrgId org,
                                         const std::vector<std::string>& names) {
  std::map<std::string, HanId> ids;
  for (const auto& n : names) ids[n] = find_or_create_han(db, org, n);
  return ids;
}

// A roster of 100 000 persons touches ~30 MB of table and index pages in one transaction; with
// SQLite's default 2 MB cache the pages would spill to the WAL half-way and be written twice.
// The statement journal of each multi-row INSERT stays in memory rather than in a temp file.
// Both only while importing: the connection gets its settings back afterwards.
class LargeCache {
 public:
  explicit LargeCache(sdk::Database& db)
      : db_(db),
        cache_before_(sdk::query_int(db, "PRAGMA cache_size").value_or(-2000)),
        temp_before_(sdk::query_int(db, "PRAGMA temp_store").value_or(0)) {
    db_.exec("PRAGMA cache_size = -131072");  // 128 MB at most
    db_.exec("PRAGMA temp_store = MEMORY");
  }
  ~LargeCache() {
    try {
      db_.exec("PRAGMA cache_size = " + std::to_string(cache_before_));
      db_.exec("PRAGMA temp_store = " + std::to_string(temp_before_));
    } catch (...) {  // the connection keeps the import's settings; nothing else changes
    }
  }

 private:
  sdk::Database& db_;
  std::int64_t cache_before_, temp_before_;
};

std::vector<PersonSearchText> search_texts(const ImportPlan& plan) {
  std::vector<PersonSearchText> out;
  out.reserve(plan.person_count());
  for (const auto& h : plan.households)
    for (const auto& p : h.persons) out.push_back(person_search_text(p.data.name, p.data.reading, h.data.address));
  return out;
}

std::string detail(const ImportOptions& options, const ImportSummary& s) {
  return options.source + ": " + std::to_string(s.households) + " households, " + std::to_string(s.persons) +
         " persons" +
         (s.skipped.empty() ? "" : ", " + std::to_string(s.skipped.size()) + " bad rows skipped");
}

void count(const ImportPlan& plan, ImportSummary& s) {
  s.households = static_cast<int>(plan.households.size());
  s.persons = static_cast<int>(plan.person_count());
  s.skipped = plan.errors;
  s.dropped_lines = plan.dropped_lines;
}

}  // namespace

std::string refusal_message(const ImportPlan& plan, const ImportOptions& options) {
  std::string msg =
      options.source + ": " + std::to_string(plan.errors.size()) +
      (plan.errors.size() == 1 ? " row cannot" : " rows cannot") +
      " be imported, so nothing was imported (fix them, or import the rest with --skip-bad-rows):";
  for (std::size_t i = 0; i < plan.errors.size() && i < kShownProblems; ++i)
    msg += "\n  " + plan.errors[i].message;
  if (plan.errors.size() > kShownProblems)
    msg += "\n  … and " + std::to_string(plan.errors.size() - kShownProblems) + " more";
  return msg;
}

ImportSummary import_roster(sdk::Database& db, OrgId org, const ImportPlan& plan,
                            const ImportOptions& options, const ImportProgress& progress) {
  check_roster_org(db, org);
  if (!plan.errors.empty() && !options.skip_bad_rows) throw sdk::InputError(refusal_message(plan, options));
  ImportSummary summary;
  summary.dry_run = options.dry_run;
  count(plan, summary);
  summary.created_han = missing_han(db, org, plan.han_names());
  if (options.dry_run) return summary;

  LargeCache cache(db);
  sdk::Transaction tx(db, "members.import", detail(options, summary));
  auto han_ids = resolve_han(db, org, plan.han_names());
  SearchBulkLoad search(db);
  // The search text (folding through ICU) takes a tenth of an import: the second core makes it
  // while this one writes the households.
  auto texts = std::async(std::launch::async, [&plan] { return search_texts(plan); });
  RosterBulkWriter writer(db, org);
  const std::size_t total = plan.households.size();
  auto report = [&](std::size_t step) {  // households, then their persons: 2 × total steps
    if (progress && (step % 1000 == 0 || step == 2 * total)) progress(step, 2 * total);
  };
  std::vector<HouseholdId> ids;
  ids.reserve(total);
  for (const ImportedHousehold& h : plan.households) {
    ids.push_back(writer.add_household(h.data, h.han_name.empty() ? h.data.han : han_ids.at(h.han_name)));
    report(ids.size());
  }
  std::vector<PersonSearchText> text = texts.get();
  std::size_t person = 0;
  for (std::size_t i = 0; i < total; ++i) {
    for (const auto& p : plan.households[i].persons) writer.add_person(ids[i], p.data, std::move(text[person++]));
    report(total + i + 1);
  }
  writer.flush();
  search.finish();
  tx.commit();
  return summary;
}

}  // namespace wasshoi::members
