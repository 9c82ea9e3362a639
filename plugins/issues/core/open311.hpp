#pragma once
// Open311 GeoReport v2 (the city's service-request format): issues marked for the city
// (市へ要望, now or before) as the JSON array a GET /requests.json answers with (every request key
// present, null where unknown), and the service list a GET /services.json answers with.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::issues {

struct Open311Options {
  std::string agency;          // agency_responsible; empty: the city in this database
  std::string media_base_url;  // where the photos will be published; empty: no media_url
};

struct Open311Media {
  std::int64_t attachment_id = 0;
  std::string file_name;  // <uuid>.png
};

struct Open311Export {
  nlohmann::json requests = nlohmann::json::array();
  std::vector<Open311Media> media;  // the photos media_url names
};

Open311Export open311_requests(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                               const Open311Options& options);
// The service list (services.json): one service per service_code of the organization's
// categories, with service_name, description, metadata (false), type (batch), keywords (the
// category names) and group.
nlohmann::json open311_services(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org);
int save_open311_services(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                          const std::filesystem::path& out);
// Writes the JSON to `out` and, with a media base URL, the photos into `media_dir`.
int save_open311(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                 const Open311Options& options, const std::filesystem::path& out,
                 const std::filesystem::path& media_dir);

}  // namespace wasshoi::issues
