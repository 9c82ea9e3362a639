#pragma once
// Host core's implementation of sdk::OrganizationDirectory (what plugins see of the core tables
// `organizations` and `han`), over host::Organizations. App provides it under
// sdk::kHostServiceOwner before any plugin registers; tests may make their own.
#include <memory>
#include <wasshoi/host/organizations.hpp>
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

namespace wasshoi::host {

class CoreOrganizationDirectory final : public sdk::OrganizationDirectory {
 public:
  // `access`: the signed-in officer, read when a 班 is added; the caller keeps it alive.
  explicit CoreOrganizationDirectory(const sdk::Access& access) : access_(access) {}
  // The App's (the GUI signs in and out on one connection), shared: a plugin's job still holding
  // the directory (the members plugin's roster import, on a thread of its own) may outlive the App
  // when the window switches to another database.
  explicit CoreOrganizationDirectory(std::shared_ptr<const sdk::Access> access)
      : shared_(std::move(access)), access_(*shared_) {}

  std::optional<sdk::OrgRef> organization(sdk::Database& db, OrgId id) override;
  std::vector<sdk::OrgRef> children(sdk::Database& db, OrgId id, std::optional<OrgKind> kind) override;
  std::vector<sdk::OrgRef> of_kind(sdk::Database& db, OrgKind kind) override;
  std::vector<sdk::OrgRef> find(sdk::Database& db, std::string_view name, std::optional<OrgKind> kind,
                                std::optional<OrgId> parent) override;
  std::optional<sdk::OrgRef> city(sdk::Database& db) override;
  std::vector<sdk::HanRef> han(sdk::Database& db, OrgId org) override;
  std::optional<sdk::HanRef> find_han(sdk::Database& db, OrgId org, std::string_view name) override;
  std::optional<sdk::HanRef> han_by_id(sdk::Database& db, std::int64_t id) override;
  // Adding one needs sdk::Act::ManageHan for `org` (the 自治会's 会長 and 役員; everyone without
  // accounts): InputError otherwise, before anything is written.
  sdk::HanRef find_or_add_han(sdk::Database& db, OrgId org, std::string_view name) override;

 private:
  std::shared_ptr<const sdk::Access> shared_;
  const sdk::Access& access_;
};

}  // namespace wasshoi::host
