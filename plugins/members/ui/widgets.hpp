#pragma once
// Small ImGui pieces the members panels share, and the selection they pass to each other
// (the roster picks a household, the household editor shows it).
#include <string>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "core/han.hpp"
#include "core/model.hpp"

namespace wasshoi::members::ui {

using sdk::tr;

struct Selection {
  OrgId org = 0;
  HouseholdId household = 0;
  PersonId person = 0;
  std::uint64_t generation = 1;  // bumped after every write: views reload
};
Selection& selection();
// Clears the selection when the user switched organization; true when there is one to work in
// and the officer may see its roster (personal data).
bool sync_org(sdk::Context& ctx);
// The 班 a 班長 is limited to (sdk::Access), or nullopt for everyone else.
std::optional<HanId> han_scope(sdk::Context& ctx);
// han_combo for a filter; fixed to the officer's 班 for a 班長.
void han_filter(sdk::Context& ctx, const char* label, const std::vector<sdk::HanRef>& han,
                std::optional<HanId>& value);
// After a write: views reload and other plugins hear of it.
void changed(sdk::Context& ctx, const std::string& what);

// A combo of the 自治会's 班; "all" (nullopt) is offered when `allow_all`. True when changed.
bool han_combo(const char* label, const std::vector<sdk::HanRef>& han, std::optional<HanId>& value,
               bool allow_all);
// ◀ 令和7年度 (2025) ▶ — true when changed.
bool fiscal_year_picker(int& fiscal_year);
// A date typed as officers write it (2025/4/1, 令和7年4月1日); `text` keeps what is typed.
// Returns true when `text` changed; `valid` says whether it reads as a date (or is empty).
bool date_input(const char* label, std::string& text, std::optional<Date>& value, bool& valid);
std::string date_text(const std::optional<Date>& date);  // 2025/04/01
// A heading with a rule under it (ImGui 1.86 has no SeparatorText).
void section(const char* title);
// A message line in the warning colour.
void error_text(const std::string& message);
// "12,345"
std::string with_commas(std::size_t n);

}  // namespace wasshoi::members::ui
