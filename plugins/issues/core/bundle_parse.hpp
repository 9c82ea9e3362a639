#pragma once
// Internal to bundles: a bundle read and checked completely before anything is written.
#include <functional>

#include "core/attachments.hpp"
#include "core/bundle.hpp"

namespace wasshoi::issues::bundle {

struct Alias {
  std::string uuid, title, organization;
};

struct File {
  Attachment meta;
  sdk::Blob data;
};

struct Item {
  Issue issue;               // uuid, revision, fields, status, split, han_name, org_name
  std::string organization;  // the 自治会 it was raised in
  std::vector<std::string> supports;
  std::vector<Alias> aliases;
  std::vector<HistoryEntry> history;
  std::vector<File> files;
};

struct Parsed {
  std::string organization;
  std::vector<Item> items;
};

// InputError naming where: "bundle issues[3] (…): category '…' is not one of …". `target_org`
// resolves categories; `org_for` maps an item to the 自治会 it goes to (may throw).
Parsed parse(sdk::Database& db, sdk::OrganizationDirectory& orgs, const nlohmann::json& j,
             const std::function<OrgId(const std::string&)>& org_for);

}  // namespace wasshoi::issues::bundle
