#pragma once
// What the dues panel keeps between frames; dues_panel.cpp draws the 年度's setting, the
// collection sheet and the rates, dues_household.cpp the household picked on the sheet.
#include "core/dues.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::members::ui {

struct DuesPanelState {
  int fiscal_year = 0;
  std::optional<HanId> han;  // the 班 worked through (fixed to their own for a 班長)
  int period = 0;            // the period the sheet runs through; 0: today's
  std::vector<sdk::HanRef> han_list;
  std::optional<DuesSetting> setting;
  std::vector<DuesLine> lines;
  std::vector<CollectionRate> rates;
  // The 年度's setting as typed.
  int amount = 0;
  int schedule = 0;  // DuesSchedule
  std::string collector;
  sdk::ui::PanelMessage message;
  Paper paper = ui::paper();     // the 集金表
  Paper receipts = ui::paper();  // the picked household's 領収書
  bool four_to_a_page = false;
  // The household picked on the sheet: its payments and its own amount / 減免.
  HouseholdId selected = 0;
  std::vector<PaymentRecord> history;
  bool has_own_amount = false;
  int own_amount = 0;
  int exemption = 0;  // Exemption
  int waived = 0;
  std::string reason;
  std::int64_t reversing = 0;
  sdk::ui::ReasonPrompt reverse;
  // What was loaded, to reload when it changes.
  std::uint64_t generation = 0;
  int loaded_year = 0, loaded_period = -1;
  std::optional<HanId> loaded_han;
  HouseholdId loaded_selected = -1;
};

// A write of the dues: a refusal becomes the panel's message; views reload after it.
void dues_attempt(sdk::Context& ctx, DuesPanelState& s, const std::string& done,
                  const std::function<void()>& write);
// "6,000円"
std::string yen(std::int64_t amount);
// 2026/04/21（令和8年4月21日） when `wide`, else 2026/04/21.
std::string paid_date(const std::optional<Date>& date, bool wide);
// The picked household's section: its payments (取消 with the reason) and its own amount / 減免.
void draw_dues_household(sdk::Context& ctx, DuesPanelState& s);
void load_dues_household(sdk::Context& ctx, DuesPanelState& s);

}  // namespace wasshoi::members::ui
