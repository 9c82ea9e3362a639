#include "core/bundle_parse.hpp"

#include <functional>
#include <set>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/categories.hpp"
#include "core/exchange_formats.hpp"
#include "core/workflow.hpp"

namespace wasshoi::issues::bundle {

using nlohmann::json;

namespace {

// Where in the bundle a value is, for messages: "issues[3] (5f0c…)".
struct At {
  std::string where;
  [[noreturn]] void fail(const std::string& what) const {
    throw sdk::InputError("bundle " + where + ": " + what);
  }
  const json& field(const json& obj, const char* key) const {
    if (!obj.is_object() || !obj.contains(key)) fail(std::string("'") + key + "' is missing");
    return obj.at(key);
  }
  // Text is held to the rules of text typed in the window (sdk/input.hpp: valid UTF-8, no control
  // characters, line breaks only where `kind` has several lines, the kind's length): a bundle is
  // input from outside like any other.
  std::string text(const json& obj, const char* key, bool required = false,
                   sdk::TextKind kind = sdk::TextKind::Line) const {
    std::string t = raw_text(obj, key, required);
    sdk::check_text(kind, "bundle " + where + " '" + key + "'", t);
    return t;
  }
  std::string raw_text(const json& obj, const char* key, bool required) const {
    if (!obj.contains(key)) {
      if (required) fail(std::string("'") + key + "' is missing");
      return {};
    }
    if (!obj.at(key).is_string()) fail(std::string("'") + key + "' is not text");
    return obj.at(key).get<std::string>();
  }
  int integer(const json& obj, const char* key, int lo, int hi, int fallback) const {
    if (!obj.contains(key)) return fallback;
    const json& v = obj.at(key);
    if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > hi)
      fail(std::string("'") + key + "' is not a whole number from " + std::to_string(lo) + " to " +
           std::to_string(hi));
    return v.get<int>();
  }
  std::optional<double> number(const json& obj, const char* key, double lo, double hi) const {
    if (!obj.contains(key) || obj.at(key).is_null()) return std::nullopt;
    const json& v = obj.at(key);
    if (!v.is_number() || v.get<double>() < lo || v.get<double>() > hi)
      fail(std::string("'") + key + "' is not a number from " + std::to_string(lo) + " to " +
           std::to_string(hi));
    return v.get<double>();
  }
  sdk::Date date(const json& obj, const char* key) const {
    std::string t = text(obj, key, true);
    auto d = sdk::parse_iso_date(t);
    if (!d || !d->valid()) fail(std::string("'") + key + "' " + t + " is not a date (YYYY-MM-DD)");
    return *d;
  }
  std::string uuid(const json& obj) const {
    std::string u = text(obj, "uuid", true);
    if (!is_uuid(u)) fail("uuid '" + u + "' is not a UUID");
    return u;
  }
  const json& array(const json& obj, const char* key) const {
    static const json empty = json::array();
    if (!obj.contains(key)) return empty;
    if (!obj.at(key).is_array()) fail(std::string("'") + key + "' is not a list");
    return obj.at(key);
  }
};

Reporter parse_reporter(const At& at, const json& j) {
  Reporter r;
  if (!j.contains("reporter")) return r;
  const json& rj = j.at("reporter");
  try {
    r.kind = parse_reporter_kind(at.text(rj, "kind", true));
  } catch (const sdk::InputError& e) {
    at.fail(e.what());
  }
  // A member's person id means nothing in another database: only the kind travels. A named
  // reporter's name travels only when the exporting officer chose so (BundleOptions).
  if (r.kind == ReporterKind::Named) r.name = at.text(rj, "name", false, sdk::TextKind::Name);
  return r;
}

void parse_history(const At& at, const json& j, Item& item) {
  const json& list = at.array(j, "history");
  for (std::size_t k = 0; k < list.size(); ++k) {
    At h{at.where + " history[" + std::to_string(k) + "]"};
    HistoryEntry e{h.uuid(list[k]), h.date(list[k], "on"), h.text(list[k], "from"), h.text(list[k], "to"),
                   h.text(list[k], "note", false, sdk::TextKind::Note)};
    for (const auto& s : {e.from_status, e.to_status})
      if (!s.empty()) try {
          parse_status(s);
        } catch (const sdk::InputError& err) {
          h.fail(err.what());
        }
    item.history.push_back(std::move(e));
  }
}

void parse_files(const At& at, const json& j, Item& item) {
  const json& list = at.array(j, "attachments");
  std::int64_t total = 0;
  for (std::size_t k = 0; k < list.size(); ++k) {
    At f{at.where + " attachments[" + std::to_string(k) + "]"};
    File file;
    file.meta.uuid = f.uuid(list[k]);
    file.meta.name = f.text(list[k], "name", true);
    file.meta.kind = f.text(list[k], "kind");
    if (file.meta.kind != "photo" && file.meta.kind != "document")
      f.fail("'kind' is neither photo nor document");
    file.meta.mime = f.text(list[k], "mime");
    file.meta.added_on = f.date(list[k], "added_on").iso();
    try {
      file.data = base64_decode(f.raw_text(list[k], "data", true));  // checked as base64
    } catch (const sdk::InputError& e) {
      f.fail(std::string("'data': ") + e.what());
    }
    auto size = static_cast<std::int64_t>(file.data.size());
    total += size;
    if (size == 0 || size > kMaxFileBytes)
      f.fail(file.meta.name + " is " + human_size(size) + "; a file may be 1 byte to " +
             human_size(kMaxFileBytes));
    if (total > kMaxIssueBytes) f.fail("the issue's files exceed " + human_size(kMaxIssueBytes));
    item.files.push_back(std::move(file));
  }
}

void parse_lists(const At& at, const json& j, Item& item) {
  for (const auto& s : at.array(j, "supports")) {
    if (!s.is_string() || s.get<std::string>().empty())
      at.fail("'supports' holds something that is not a household key");
    sdk::check_text(sdk::TextKind::Name, "bundle " + at.where + " 'supports'", s.get<std::string>());
    item.supports.push_back(s.get<std::string>());
  }
  const json& aliases = at.array(j, "aliases");
  for (std::size_t k = 0; k < aliases.size(); ++k) {
    At a{at.where + " aliases[" + std::to_string(k) + "]"};
    item.aliases.push_back({a.uuid(aliases[k]), a.text(aliases[k], "title"),
                            a.text(aliases[k], "organization", false, sdk::TextKind::Name)});
  }
  parse_history(at, j, item);
  parse_files(at, j, item);
}

Item parse_item(sdk::Database& db, sdk::OrganizationDirectory& orgs, const At& at, const json& j,
                const std::function<OrgId(const std::string&)>& org_for) {
  if (!j.is_object()) at.fail("not an object");
  Item item;
  Issue& i = item.issue;
  i.uuid = at.uuid(j);
  i.revision = at.integer(j, "revision", 1, 1 << 30, 1);
  item.organization = at.text(j, "organization", false, sdk::TextKind::Name);
  try {
    i.org = org_for(item.organization);
  } catch (const sdk::InputError& e) {
    at.fail(e.what());
  }
  i.title = sdk::trim(at.text(j, "title", true));
  if (i.title.empty()) at.fail("'title' is empty");
  i.description = at.text(j, "description", false, sdk::TextKind::Note);
  try {
    i.category = check_category(db, orgs, i.org, at.text(j, "category", true));
    i.status = parse_status(at.text(j, "status", true));
  } catch (const sdk::InputError& e) {
    at.fail(e.what());
  }
  i.place = at.text(j, "place", false, sdk::TextKind::Address);
  i.landmark = at.text(j, "landmark");
  i.han_name = at.text(j, "han", false, sdk::TextKind::Name);
  i.lat = at.number(j, "lat", -90, 90);
  i.lon = at.number(j, "long", -180, 180);
  if (i.lat.has_value() != i.lon.has_value()) at.fail("'lat' and 'long' come together or not at all");
  i.reporter = parse_reporter(at, j);
  i.reported_on = at.date(j, "reported_on");
  i.priority = at.integer(j, "priority", 1, 3, kPriorityNormal);
  i.source = at.text(j, "source");
  i.created_at = at.text(j, "created_at");
  i.updated_at = at.text(j, "updated_at");
  if (j.contains("split")) {
    const json& s = at.field(j, "split");
    i.split = {at.integer(s, "self", 0, 100, 0), at.integer(s, "mutual", 0, 100, 0),
               at.integer(s, "public", 0, 100, 0), at.text(s, "note", false, sdk::TextKind::Note)};
    int sum = i.split.self + i.split.mutual + i.split.pub;
    if (sum != 0 && sum != 100) at.fail("'split' adds up to " + std::to_string(sum) + "%, not 100%");
  }
  parse_lists(at, j, item);
  return item;
}

}  // namespace

Parsed parse(sdk::Database& db, sdk::OrganizationDirectory& orgs, const json& j,
             const std::function<OrgId(const std::string&)>& org_for) {
  At top{"(top level)"};
  if (!j.is_object()) top.fail("not a JSON object");
  if (top.text(j, "format", true) != kBundleFormat)
    top.fail("'format' is not " + std::string(kBundleFormat) + ": not an issue bundle");
  const json& v = top.field(j, "format_version");
  if (!v.is_number_integer()) top.fail("'format_version' is not a number");
  if (v.get<int>() > kBundleVersion)
    top.fail("format version " + std::to_string(v.get<int>()) + " is newer than this Wasshoi reads (" +
             std::to_string(kBundleVersion) + "): update Wasshoi first");
  if (v.get<int>() < 1) top.fail("'format_version' must be 1 or more");
  Parsed out;
  out.organization = top.text(top.field(j, "organization"), "name", true, sdk::TextKind::Name);
  const json& issues = top.field(j, "issues");
  if (!issues.is_array()) top.fail("'issues' is not a list");
  std::set<std::string> seen;
  for (std::size_t k = 0; k < issues.size(); ++k) {
    At at{"issues[" + std::to_string(k) + "]"};
    auto fallback = [&](const std::string& name) { return org_for(name.empty() ? out.organization : name); };
    out.items.push_back(parse_item(db, orgs, at, issues[k], fallback));
    if (!seen.insert(out.items.back().issue.uuid).second)
      at.fail("uuid " + out.items.back().issue.uuid + " appears twice");
  }
  return out;
}

}  // namespace wasshoi::issues::bundle
