#include "ui/import_job.hpp"

namespace wasshoi::members::ui {

ImportJob::ImportJob(sdk::Database& db, std::shared_ptr<sdk::OrganizationDirectory> orgs, OrgId org,
                     ImportPlan plan, ImportOptions options)
    : orgs_(std::move(orgs)), plan_(std::move(plan)), options_(std::move(options)) {
  total_ = std::max<std::size_t>(plan_.households.size(), 1);
  if (db.path() == ":memory:" || db.path().empty()) {  // no second connection possible: run here
    try {
      summary_ = import_roster(db, *orgs_, org, plan_, options_);
    } catch (const std::exception& e) {
      error_ = e.what();
    }
    finished_ = true;
    return;
  }
  thread_ = std::thread(&ImportJob::run, this, db.path(), db.actor(), db.audit_enabled(), org);
}

ImportJob::~ImportJob() {
  if (thread_.joinable()) thread_.join();
}

float ImportJob::progress() const {
  return static_cast<float>(done_.load()) / static_cast<float>(total_.load());
}

void ImportJob::run(std::filesystem::path path, std::string actor, bool audit, OrgId org) {
  try {
    sdk::Database db = sdk::Database::open(path, sdk::Database::Mode::ReadWrite);
    db.set_actor(std::move(actor));
    db.enable_audit(audit);
    summary_ = import_roster(db, *orgs_, org, plan_, options_, [this](std::size_t done, std::size_t total) {
      total_ = std::max<std::size_t>(total, 1);
      done_ = done;
    });
  } catch (const std::exception& e) {
    error_ = e.what();
  }
  finished_ = true;
}

}  // namespace wasshoi::members::ui
