#include "cli/cli_support.hpp"

#include <fstream>
#include <iomanip>
#include <sstream>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/agenda.hpp"
#include "core/categories.hpp"
#include "core/workflow.hpp"

namespace wasshoi::issues::cli {

sdk::Blob read_file(const std::string& option, const std::filesystem::path& file) {
  std::string bytes = sdk::read_input_file(file, sdk::FileKind::Picture, option);
  return sdk::Blob(bytes.begin(), bytes.end());
}

nlohmann::json issue_json(const Issue& i) {
  nlohmann::json j = {
      {"id", i.id},
      {"uuid", i.uuid},
      {"org", i.org},
      {"organization", i.org_name},
      {"title", i.title},
      {"description", i.description},
      {"category", i.category},
      {"status", i.status},
      {"status_label", status_label(i.status)},
      {"priority", i.priority},
      {"supporters", i.supporters},
      {"photos", i.photos},
      {"reported_on", i.reported_on ? nlohmann::json(i.reported_on->iso()) : nlohmann::json()},
      {"place", i.place},
      {"landmark", i.landmark},
      {"han", i.han_name},
      {"reporter_kind", to_string(i.reporter.kind)},
      {"split", split_text(i.split)},
      {"revision", i.revision},
      {"updated_at", i.updated_at}};
  j["lat"] = i.lat ? nlohmann::json(*i.lat) : nlohmann::json();
  j["long"] = i.lon ? nlohmann::json(*i.lon) : nlohmann::json();
  return j;
}

void print_issue_line(std::ostream& out, const Issue& i, bool with_org) {
  out << std::setw(4) << i.id << "  " << sdk::iso_or_unknown(i.reported_on) << "  " << status_label(i.status)
      << "  [" << i.category << "]  " << i.title << "  賛同" << i.supporters << "  優先度"
      << priority_label(i.priority);
  if (with_org) out << "  (" << i.org_name << ")";
  out << '\n';
}

IssueFilter FilterOptions::to_filter(sdk::Context& ctx, OrgId org) const {
  IssueFilter f;
  for (const auto& s : statuses) f.statuses.push_back(parse_status(s));
  for (const auto& c : categories)
    f.categories.push_back(check_category(ctx.db(), sdk::organizations(ctx), org, c));
  f.from = parse_optional_date_option("--from", from);
  f.to = parse_optional_date_option("--to", to);
  if (f.from && f.to && *f.to < *f.from) throw sdk::InputError("--from " + from + " is after --to " + to);
  f.query = query;
  return f;
}

}  // namespace wasshoi::issues::cli
