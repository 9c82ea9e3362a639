// import_roster: a checked plan → the database, in one transaction.
#include "core/importer.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "core/bulk_writer.hpp"
#include "core/han.hpp"
#include "core/households.hpp"
#include "core/roster_rows.hpp"

namespace wasshoi::members {

namespace {

constexpr std::size_t kShownProblems = 20;

std::map<std::string, HanId> resolve_han(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                         const std::vector<std::string>& names) {
  std::map<std::string, HanId> ids;
  for (const auto& n : names) ids[n] = orgs.find_or_add_han(db, org, n).id;
  return ids;
}

// How an import writes: one transaction with a cache that holds its ~30 MB of pages (with
// SQLite's default 2 MB they would spill to the WAL half-way and be written twice), and without
// the per-row work the import does itself, once:
//  - triggers: the only triggers on the tables an import writes (han, members_households,
//    members_persons) keep the search index in step, which SearchBulkLoad does in one statement
//    at the end (checking their WHEN clause row by row alone took a tenth of an import);
//  - foreign keys: every row refers to what the same transaction checked or made: the 自治会
//    (checked after BEGIN), its 班 (found or created), the households (numbered by the writer).
// Tests hold the list of those triggers and run foreign_key_check after imports.
constexpr sdk::BulkOptions kImportWrites{
    .cache_kib = 131072, .without_foreign_keys = true, .without_triggers = true};

std::vector<PersonSearchText> search_texts(const ImportPlan& plan) {
  std::vector<PersonSearchText> out;
  out.reserve(plan.person_count());
  for (const auto& h : plan.households)
    for (const auto& p : h.persons)
      out.push_back(person_search_text(p.data.name, p.data.reading, h.data.address));
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

// Rows read and checked by the reading thread, on their way to the writing one.
struct Batch {
  std::vector<ImportedHousehold> households;  // a person each
  std::vector<PersonSearchText> texts;        // the persons' search texts, in order
  std::vector<ImportProblem> errors;          // bad rows met since the last batch
};
constexpr std::size_t kBatchRows = 1024;  // a multiple of the writer's INSERT batch

// A short queue between the two threads: the reader waits when the writer is this far behind,
// and stops when the writer gives up. An exception on the reading thread reaches the writer.
class BatchQueue {
 public:
  // False when the writer gave up: stop reading.
  bool push(Batch&& batch) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return queue_.size() < kDepth || cancelled_; });
    if (cancelled_) return false;
    queue_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }
  void finish(std::exception_ptr error = nullptr) {
    std::lock_guard lock(mutex_);
    finished_ = true;
    error_ = error;
    ready_.notify_one();
  }
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    room_.notify_one();
  }
  // The next batch; nullopt when the reader finished and all was taken. Rethrows the reader's error.
  std::optional<Batch> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !queue_.empty() || finished_; });
    if (error_) std::rethrow_exception(error_);
    if (queue_.empty()) return std::nullopt;
    Batch b = std::move(queue_.front());
    queue_.pop_front();
    room_.notify_one();
    return b;
  }

 private:
  static constexpr std::size_t kDepth = 8;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<Batch> queue_;
  bool finished_ = false, cancelled_ = false;
  std::exception_ptr error_;
};

// Reads every row (after an error too, so that the refusal lists them all) and hands them over
// in batches, each household with its one person and its search text.
void read_rows(RosterRows& rows, BatchQueue& queue) {
  try {
    Batch batch;
    for (ReadRow row; rows.next(row);) {
      if (row.problem) {
        batch.errors.push_back(std::move(*row.problem));
        continue;
      }
      row.person.head = true;  // the household's only person
      batch.texts.push_back(person_search_text(row.person.name, row.person.reading, row.household.address));
      ImportedHousehold& h = batch.households.emplace_back(
          ImportedHousehold{row.line, {}, std::move(row.han), std::move(row.household), {}});
      h.persons.push_back({row.line, std::move(row.person)});
      if (batch.households.size() == kBatchRows && !queue.push(std::exchange(batch, Batch{}))) return;
    }
    if (queue.push(std::move(batch))) queue.finish();
  } catch (...) {
    queue.finish(std::current_exception());
  }
}

// The reading thread, stopped and joined however the writer leaves.
class Reader {
 public:
  Reader(RosterRows& rows, BatchQueue& queue)
      : queue_(queue), thread_([&rows, &queue] { read_rows(rows, queue); }) {}
  ~Reader() {
    queue_.cancel();
    thread_.join();
  }

 private:
  BatchQueue& queue_;
  std::thread thread_;
};

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

ImportSummary import_roster(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                            const ImportPlan& plan, const ImportOptions& options,
                            const ImportProgress& progress) {
  check_roster_org(db, orgs, org);
  if (!plan.errors.empty() && !options.skip_bad_rows) throw sdk::InputError(refusal_message(plan, options));
  ImportSummary summary;
  summary.dry_run = options.dry_run;
  count(plan, summary);
  summary.created_han = missing_han(db, orgs, org, plan.han_names());
  if (options.dry_run) return summary;

  sdk::BulkTransaction tx(db, "members.import", detail(options, summary), kImportWrites);
  check_roster_org(db, orgs, org);  // again, now that no one else can change it
  auto han_ids = resolve_han(db, orgs, org, plan.han_names());
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
    for (const auto& p : plan.households[i].persons)
      writer.add_person(ids[i], p.data, std::move(text[person++]));
    report(total + i + 1);
  }
  writer.flush();
  search.finish();
  tx.commit();
  return summary;
}

ImportSummary read_and_import_roster(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                     std::string_view bytes, const ImportOptions& options, ImportPlan& read) {
  check_roster_org(db, orgs, org);
  RosterRows rows(bytes, options);
  if (options.dry_run || rows.keyed()) {  // a household is complete only at the end: read it all
    read = read_roster(rows);
    return import_roster(db, orgs, org, read, options);
  }
  read = ImportPlan{};
  read.encoding = rows.encoding();
  read.columns = rows.columns();
  read.header_line = rows.header_line();

  sdk::BulkTransaction tx(db, "members.import", options.source, kImportWrites);
  check_roster_org(db, orgs, org);  // again, now that no one else can change it
  SearchBulkLoad search(db);
  RosterBulkWriter writer(db, org);
  ImportSummary summary;
  std::map<std::string, HanId> han_ids;
  auto han_of = [&](const std::string& name) {
    auto it = han_ids.find(name);
    if (it != han_ids.end()) return it->second;
    if (!missing_han(db, orgs, org, {name}).empty()) summary.created_han.push_back(name);
    return han_ids.emplace(name, orgs.find_or_add_han(db, org, name).id).first->second;
  };
  BatchQueue queue;
  {
    Reader reader(rows, queue);
    while (std::optional<Batch> batch = queue.pop()) {
      read.errors.insert(read.errors.end(), batch->errors.begin(), batch->errors.end());
      if (!read.errors.empty() && !options.skip_bad_rows) continue;  // refused: read on, write no more
      for (std::size_t i = 0; i < batch->households.size(); ++i) {
        const ImportedHousehold& h = batch->households[i];
        HouseholdId id = writer.add_household(h.data, h.han_name.empty() ? h.data.han : han_of(h.han_name));
        writer.add_person(id, h.persons.front().data, std::move(batch->texts[i]));
      }
      writer.release();  // the batch's rows are bound by address (SQLite): write them before it goes
      summary.households += static_cast<int>(batch->households.size());
    }
  }
  read.data_rows = rows.data_rows();
  if (!read.errors.empty() && !options.skip_bad_rows) throw sdk::InputError(refusal_message(read, options));
  writer.flush();
  summary.persons = summary.households;
  summary.skipped = read.errors;
  search.finish();
  tx.set_detail(detail(options, summary));
  tx.commit();
  return summary;
}

}  // namespace wasshoi::members
