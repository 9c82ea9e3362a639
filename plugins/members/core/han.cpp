#include "core/han.hpp"

#include <algorithm>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::members {

void check_roster_org(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org) {
  const sdk::OrgRef o = orgs.get(db, org);  // InputError "no organization with id N"
  if (o.kind != sdk::OrgKind::Jichikai)
    throw sdk::InputError("a roster belongs to a 自治会; " + o.name + " is a " + sdk::to_string(o.kind));
}

std::vector<std::string> missing_han(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                     const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names)
    if (!orgs.find_han(db, org, n) && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  return out;
}

std::string normalize_han_name(std::string_view text) {
  std::string t = sdk::trim(text);
  std::string folded = sdk::fold_for_search(t);  // ３ → 3
  std::string_view number(folded);
  if (number.ends_with("班")) number.remove_suffix(std::string_view("班").size());
  bool digits = !number.empty() && number.size() <= 6 &&
                std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) return std::to_string(std::stoi(std::string(number))) + "班";  // "０３班", "3" → "3班"
  return t;
}

}  // namespace wasshoi::members
