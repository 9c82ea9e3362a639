#include "core/open311.hpp"

#include <algorithm>
#include <map>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/file_writer.hpp>

#include "core/attachments.hpp"
#include "core/categories.hpp"
#include "core/exchange_formats.hpp"
#include "core/issues.hpp"
#include "core/workflow.hpp"

namespace wasshoi::issues {

using nlohmann::json;

namespace {

bool was_for_city(sdk::Database& db, const Issue& i) {
  if (i.status == sdk::issue_status::kToCity) return true;
  sdk::Statement st(db, "SELECT 1 FROM issues_history WHERE issue_id = ? AND to_status = 'to_city' LIMIT 1");
  st.bind(1, i.id);
  return st.step();
}

std::string default_agency(sdk::Database& db, sdk::OrganizationDirectory& orgs) {
  auto city = orgs.city(db);
  return city ? city->name : std::string("市役所");
}

std::string status_notes(sdk::Database& db, const Issue& i) {
  auto h = history(db, i.id);
  for (auto it = h.rbegin(); it != h.rend(); ++it)
    if (!it->note.empty())
      return std::string(status_label(i.status)) + "（" + sdk::iso_or_unknown(it->on) + "）: " + it->note;
  return status_label(i.status);
}

std::string extension_for(const std::string& mime) {
  if (mime == "image/png") return ".png";
  if (mime == "image/jpeg") return ".jpg";
  if (mime == "image/gif") return ".gif";
  return ".bin";
}

// updated_datetime: the day of the last change of status (the date given to `issues status
// --date`), not when the row was last written; the day it was raised when none is recorded.
sdk::Date last_change(sdk::Database& db, const Issue& i) {
  sdk::Date day = *i.reported_on;
  for (const auto& h : history(db, i.id))
    if (!h.to_status.empty() && h.on) day = *h.on;
  return day;
}

json coordinate(const std::optional<double>& degrees) {
  return degrees ? json(round_coordinate(*degrees)) : json(nullptr);
}

// Every key of a GeoReport v2 request is written, null where Wasshoi does not know it (a
// receiving system reads a fixed set of keys).
json request_json(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Issue& i,
                  const std::string& agency) {
  // requested_datetime is required (GeoReport v2): an issue whose stored date is not a date is
  // named, to be corrected first (the list shows it as 日付不明).
  if (!i.reported_on)
    throw sdk::InputError("issue " + std::to_string(i.id) + " (" + i.title +
                          ") has a stored date that is not a date (日付不明): correct its date, then export");
  auto cat = find_category(db, orgs, i.org, i.category);
  std::string address = i.place + (i.landmark.empty() ? "" : "（" + i.landmark + "）");
  const bool located = i.lat && i.lon;
  return {{"service_request_id", i.uuid},
          {"status", is_closed(i.status) ? "closed" : "open"},
          {"status_notes", status_notes(db, i)},
          {"service_name", cat ? cat->service_name : i.category},
          {"service_code", cat ? cat->service_code : std::string("other")},
          {"description", i.title + (i.description.empty() ? "" : "\n" + i.description) + "\n（" +
                              i.org_name + "・賛同" + std::to_string(i.supporters) + "世帯）"},
          {"agency_responsible", agency},
          {"service_notice", nullptr},
          {"requested_datetime", iso_with_offset({*i.reported_on, 0, 0})},
          {"updated_datetime", iso_with_offset({last_change(db, i), 0, 0})},
          {"expected_datetime", nullptr},
          {"address", address.empty() ? json(nullptr) : json(address)},
          {"address_id", nullptr},
          {"zipcode", nullptr},
          {"lat", located ? coordinate(i.lat) : json(nullptr)},
          {"long", located ? coordinate(i.lon) : json(nullptr)},
          {"media_url", nullptr}};
}

}  // namespace

Open311Export open311_requests(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                               const Open311Options& options) {
  std::string agency = options.agency.empty() ? default_agency(db, orgs) : options.agency;
  Open311Export out;
  auto issues = list_issues(db, orgs, org);
  std::reverse(issues.begin(), issues.end());
  for (const auto& i : issues) {
    if (!was_for_city(db, i)) continue;
    json r = request_json(db, orgs, i, agency);
    if (!options.media_base_url.empty())
      for (const auto& a : attachments(db, i.id))
        if (a.kind == "photo") {
          std::string file = a.uuid + extension_for(a.mime);
          std::string base = options.media_base_url;
          r["media_url"] = base + (base.ends_with('/') ? "" : "/") + file;
          out.media.push_back({a.id, file});
          break;  // GeoReport v2 has one media_url per request
        }
    out.requests.push_back(std::move(r));
  }
  return out;
}

json open311_services(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org) {
  // One service per service_code: several categories (an organization's own ones default to
  // "other") can share one; their names become the service's keywords.
  std::vector<std::string> order;
  std::map<std::string, std::vector<Category>> by_code;
  for (const auto& c : categories(db, orgs, org)) {
    if (!by_code.count(c.service_code)) order.push_back(c.service_code);
    by_code[c.service_code].push_back(c);
  }
  json out = json::array();
  for (const auto& code : order) {
    const auto& cats = by_code[code];
    std::string keywords, names;
    for (const auto& c : cats) {
      keywords += (keywords.empty() ? "" : ",") + c.name;
      names += (names.empty() ? "" : "・") + c.name;
    }
    out.push_back({{"service_code", code},
                   {"service_name", cats.front().service_name},
                   {"description", "自治会・地域協働体から市へ寄せる地域課題（分野: " + names + "）"},
                   {"metadata", false},
                   {"type", "batch"},
                   {"keywords", keywords},
                   {"group", "地域課題"}});
  }
  return out;
}

int save_open311_services(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                          const std::filesystem::path& out) {
  json services = open311_services(db, orgs, org);
  sdk::check_write_target(out);
  sdk::write_file(out, services.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n');
  return static_cast<int>(services.size());
}

int save_open311(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                 const Open311Options& options, const std::filesystem::path& out,
                 const std::filesystem::path& media_dir) {
  Open311Export e = open311_requests(db, orgs, org, options);
  // Refused before anything is written ('', a device, a folder); the photos go first, so the JSON
  // never names a photo that is not there. Open311 requests hold no personal data.
  sdk::check_write_target(out);
  if (!e.media.empty()) sdk::create_folder(media_dir, false);
  for (const auto& m : e.media) {
    sdk::Blob data = attachment_data(db, m.attachment_id);
    sdk::write_file(media_dir / m.file_name,
                    std::string_view(reinterpret_cast<const char*>(data.data()), data.size()));
  }
  sdk::write_file(out, e.requests.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n');
  return static_cast<int>(e.requests.size());
}

}  // namespace wasshoi::issues
