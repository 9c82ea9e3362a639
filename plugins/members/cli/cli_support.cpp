#include "cli/cli_support.hpp"

#include <algorithm>
#include <wasshoi/sdk/events.hpp>

#include "core/han.hpp"
#include "core/permissions.hpp"

namespace wasshoi::members::cli {

HanId resolve_han(sdk::Context& ctx, OrgId org, const std::string& text) {
  auto& orgs = sdk::organizations(ctx);
  if (auto h = orgs.find_han(ctx.db(), org, normalize_han_name(text))) return h->id;
  if (auto h = orgs.find_han(ctx.db(), org, sdk::trim(text))) return h->id;
  std::string names;
  for (const auto& h : orgs.han(ctx.db(), org)) {
    if (std::to_string(h.id) == sdk::trim(text)) return h.id;
    names += (names.empty() ? "" : ", ") + h.name;
  }
  throw sdk::InputError("no 班 '" + text +
                        "' in this 自治会 (its 班: " + (names.empty() ? "none yet" : names) + ")");
}

std::optional<HanId> resolve_optional_han(sdk::Context& ctx, OrgId org, const std::string& text) {
  if (sdk::trim(text).empty()) return std::nullopt;
  return resolve_han(ctx, org, text);
}

std::optional<HanId> scoped_han(sdk::CliContext& ctx, OrgId org, const std::string& han) {
  std::optional<HanId> wanted = resolve_optional_han(ctx, org, han);
  std::optional<HanId> scope = ctx.access().han_scope(org);
  if (!scope) return wanted;
  if (wanted && *wanted != *scope) throw sdk::InputError("a 班長 works with their own 班 only");
  return scope;
}

OrgId roster_org(sdk::CliContext& ctx) {
  OrgId org = ctx.require_org();
  if (!ctx.access().may_see_personal_data(org))
    throw sdk::InputError("the roster of organization " + std::to_string(org) +
                          " is personal data of that 自治会");
  return org;
}

void require_officer(sdk::CliContext& ctx, const char* what) {
  ctx.require_org();  // opens the database, and so signs in: only then is the officer known
  members::require_officer(ctx.access(), what);
}

void roster_changed(sdk::Context& ctx, const std::string& what) {
  ctx.events().publish(sdk::events::DataChanged{"members", what});
}

}  // namespace wasshoi::members::cli
