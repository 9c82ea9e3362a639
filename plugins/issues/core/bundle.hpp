#pragma once
// Issue bundles: how a 自治会 on its own laptop hands its issues to the 地域協働体 (docs/issues.md
// describes the format). Ids are the issues' UUIDs, so importing the same bundle again, or a newer
// one, updates what is there and never duplicates. A bad bundle is refused whole with the reason.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::issues {

inline constexpr const char* kBundleFormat = "wasshoi-issues-bundle";
inline constexpr int kBundleVersion = 1;

struct BundleOptions {
  // A bundle goes outside the 自治会 (to its 地域協働体), so a named reporter's name stays at
  // home unless the officer asks for it; phone numbers never leave the database.
  bool reporter_names = false;
};

// Every issue in `org`'s scope (a 地域協働体 exports its 自治会' issues too). Reporters: their
// kind (member, named non-member, anonymous), and the name only with options.reporter_names.
nlohmann::json export_bundle(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                             const BundleOptions& options = {});

struct ImportResult {
  int added = 0;      // new issues
  int updated = 0;    // known issues the bundle had newer (status, fields)
  int unchanged = 0;  // known issues the bundle had as they are or older
};

// `org`: a 自治会 takes every issue of the bundle; a 地域協働体 (or 0) places each issue in the
// 自治会 of the same name. InputError naming the place in the bundle; nothing written then.
ImportResult import_bundle(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                           const nlohmann::json& bundle);
// Reads the file first: "bundle F: not JSON (…)".
ImportResult import_bundle_file(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                const std::filesystem::path& file);

}  // namespace wasshoi::issues
