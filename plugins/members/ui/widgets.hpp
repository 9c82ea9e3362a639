#pragma once
// Small ImGui pieces the members panels share, and the selection they pass to each other
// (the roster picks a household, the household editor shows it).
#include <string>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_date.hpp>
#include <wasshoi/sdk/ui_document.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "core/han.hpp"
#include "core/model.hpp"

namespace wasshoi::members::ui {

using sdk::tr;

struct Selection {
  HouseholdId household = 0;
  PersonId person = 0;
};
// The selection of the organization and sign-in of `ctx` (sdk::ui::PerOrg): nothing chosen in
// another organization, or by the officer before a sign-out, carries over.
Selection& selection(const sdk::Context& ctx);
// Moves after every write (changed()): views that loaded at another generation reload.
std::uint64_t generation();
// True when there is an organization to work in and the officer may see its roster (personal
// data); otherwise draws why and returns false.
bool may_show_roster(sdk::Context& ctx);
// 印刷… / PDFで保存… of a list, kept in a panel's state (which must stay movable).
using Paper = std::unique_ptr<sdk::ui::DocumentActions>;
inline Paper paper() {
  return std::make_unique<sdk::ui::DocumentActions>();
}
// The name of the 班 `han` (empty: every 班) for file names.
std::string han_name(const std::vector<sdk::HanRef>& list, std::optional<HanId> han);
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
std::string date_text(const std::optional<Date>& date);  // 2025/04/01
// "12,345"
std::string with_commas(std::size_t n);

}  // namespace wasshoi::members::ui
