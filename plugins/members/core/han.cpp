#include "core/han.hpp"

#include <algorithm>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::members {

void check_roster_org(sdk::Database& db, OrgId org) {
  sdk::Statement st(db, "SELECT kind, name FROM organizations WHERE id = ?");
  st.bind(1, org);
  if (!st.step()) throw sdk::InputError("no organization with id " + std::to_string(org));
  if (st.get_text(0) != "jichikai")
    throw sdk::InputError("a roster belongs to a 自治会; " + st.get_text(1) + " is a " + st.get_text(0));
}

std::vector<HanInfo> list_han(sdk::Database& db, OrgId org) {
  sdk::Statement st(db, "SELECT id, name, sort_order FROM han WHERE org_id = ? ORDER BY sort_order, id");
  st.bind(1, org);
  std::vector<HanInfo> out;
  while (st.step()) out.push_back({st.get_int(0), st.get_text(1), static_cast<int>(st.get_int(2))});
  return out;
}

std::optional<HanId> find_han(sdk::Database& db, OrgId org, std::string_view name) {
  sdk::Statement st(db, "SELECT id FROM han WHERE org_id = ? AND name = ?");
  st.bind_all(org, name);
  if (!st.step()) return std::nullopt;
  return st.get_int(0);
}

HanId find_or_create_han(sdk::Database& db, OrgId org, std::string_view name) {
  if (auto id = find_han(db, org, name)) return *id;
  sdk::Statement st(db,
                    "INSERT INTO han(org_id, name, sort_order) "
                    "VALUES(?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM han WHERE org_id = ?))");
  st.bind_all(org, name, org).run();
  return db.last_insert_id();
}

std::vector<std::string> missing_han(sdk::Database& db, OrgId org, const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names)
    if (!find_han(db, org, n) && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
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
