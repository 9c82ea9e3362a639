#pragma once
// An import running on its own thread and its own connection to the same database file, so the
// window keeps drawing (and shows progress) while 100 000 rows go in. WAL lets the panels read
// meanwhile; the import is still one transaction.
#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "core/importer.hpp"

namespace wasshoi::members::ui {

class ImportJob {
 public:
  // Starts at once. `db` is only used for its path, actor and audit setting; `orgs` is the host's
  // directory (it adds the 班 the file names and the 自治会 does not have).
  ImportJob(sdk::Database& db, std::shared_ptr<sdk::OrganizationDirectory> orgs, OrgId org, ImportPlan plan,
            ImportOptions options);
  ~ImportJob();
  ImportJob(const ImportJob&) = delete;
  ImportJob& operator=(const ImportJob&) = delete;

  bool finished() const { return finished_.load(); }
  float progress() const;
  // Valid once finished(): the summary, or the error that stopped it (nothing was written then).
  const ImportSummary& summary() const { return summary_; }
  const std::string& error() const { return error_; }

 private:
  void run(std::filesystem::path path, std::string actor, bool audit, OrgId org);
  std::shared_ptr<sdk::OrganizationDirectory> orgs_;
  ImportPlan plan_;
  ImportOptions options_;
  std::atomic<std::size_t> done_{0}, total_{1};
  std::atomic<bool> finished_{false};
  ImportSummary summary_;
  std::string error_;
  std::thread thread_;
};

}  // namespace wasshoi::members::ui
