#include "core/open311.hpp"

#include <algorithm>
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

json request_json(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Issue& i,
                  const std::string& agency) {
  // requested_datetime is required (GeoReport v2): an issue whose stored date is not a date is
  // named, to be corrected first (the list shows it as 日付不明).
  if (!i.reported_on)
    throw sdk::InputError("issue " + std::to_string(i.id) + " (" + i.title +
                          ") has a stored date that is not a date (日付不明): correct its date, then export");
  auto cat = find_category(db, orgs, i.org, i.category);
  std::string address = i.place + (i.landmark.empty() ? "" : "（" + i.landmark + "）");
  json r = {{"service_request_id", i.uuid},
            {"status", is_closed(i.status) ? "closed" : "open"},
            {"status_notes", status_notes(db, i)},
            {"service_code", cat ? cat->service_code : std::string("other")},
            {"service_name", cat ? cat->service_name : i.category},
            {"description", i.title + (i.description.empty() ? "" : "\n" + i.description) + "\n（" +
                                i.org_name + "・賛同" + std::to_string(i.supporters) + "世帯）"},
            {"agency_responsible", agency},
            {"requested_datetime", iso_with_offset({*i.reported_on, 0, 0})},
            {"updated_datetime", i.updated_at},
            {"address", address}};
  if (i.lat && i.lon) {
    r["lat"] = *i.lat;
    r["long"] = *i.lon;
  }
  return r;
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
