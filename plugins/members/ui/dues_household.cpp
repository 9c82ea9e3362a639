// The dues panel's picked household: its payments and reversals (a payment recorded by mistake
// is taken back with the reason, never deleted), and its own amount and 減免 for the 年度.
#include "core/documents.hpp"
#include "core/households.hpp"
#include "core/permissions.hpp"
#include "ui/dues_state.hpp"

namespace wasshoi::members::ui {

namespace {

constexpr const char* kExemptionKeys[] = {"members.dues.exemption.none", "members.dues.exemption.full",
                                          "members.dues.exemption.partial"};

void draw_history(DuesPanelState& s) {
  if (s.history.empty()) {
    ImGui::TextDisabled("%s", tr("members.dues.no_payments"));
    return;
  }
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("history", 4, kFlags)) return;
  std::string widest_amount = yen(-kDuesCeiling);
  sdk::ui::fixed_column(tr("members.dues.col.date"), {paid_date(Date{2026, 12, 28}, true)});
  sdk::ui::fixed_column(tr("members.dues.col.amount"), {widest_amount});
  ImGui::TableSetupColumn(tr("members.dues.col.note"), ImGuiTableColumnFlags_WidthStretch);
  sdk::ui::fixed_column(tr("members.col.action"), {tr("members.dues.reverse")});
  ImGui::TableHeadersRow();
  for (const auto& r : s.history) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    sdk::ui::Text(paid_date(r.paid_on, true));
    ImGui::TableNextColumn();
    sdk::ui::Text(yen(r.amount));
    ImGui::TableNextColumn();
    std::string note = r.collected_by;
    if (r.reverses) note = std::string(tr("members.dues.reversal")) + " " + r.reason;
    if (r.reversed) note += std::string(note.empty() ? "" : " ") + tr("members.dues.reversed_mark");
    sdk::ui::TextEllipsis(note);
    ImGui::TableNextColumn();
    if (r.reverses || r.reversed) continue;
    ImGui::PushID(static_cast<int>(r.id));
    if (ImGui::SmallButton(tr("members.dues.reverse"))) {
      s.reversing = r.id;
      s.reverse.open(tr("members.dues.reverse_title"), paid_date(r.paid_on, true) + "  " + yen(r.amount),
                     tr("members.dues.reverse_ok"));
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void draw_own_dues(sdk::Context& ctx, DuesPanelState& s) {
  const float em = ImGui::GetFontSize();
  ImGui::Checkbox(tr("members.dues.own_amount"), &s.has_own_amount);
  if (s.has_own_amount) {
    sdk::ui::same_line_if_fits(em * 6);
    ImGui::SetNextItemWidth(em * 6);
    ImGui::InputInt("##own_amount", &s.own_amount, 0);
  }
  float combo_width = 0;
  for (const char* key : kExemptionKeys) combo_width = std::max(combo_width, sdk::ui::text_width(tr(key)));
  combo_width += ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("members.dues.exemption"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(combo_width);
  if (sdk::ui::BeginCombo("##exemption", tr(kExemptionKeys[s.exemption]))) {
    for (int i = 0; i < 3; ++i)
      if (sdk::ui::Selectable(tr(kExemptionKeys[i]), s.exemption == i)) s.exemption = i;
    ImGui::EndCombo();
  }
  if (s.exemption == static_cast<int>(Exemption::Partial)) {
    sdk::ui::same_line_if_fits(sdk::ui::text_width(tr("members.dues.waived")) + em * 6);
    ImGui::BeginGroup();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("members.dues.waived"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 6);
    ImGui::InputInt("##waived", &s.waived, 0);
    ImGui::EndGroup();
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("members.dues.reason"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  sdk::ui::InputText("##dues_reason", s.reason);
  if (ImGui::Button(tr("members.dues.save_household")))
    dues_attempt(ctx, s, tr("members.dues.household_saved"), [&] {
      require_officer(ctx.access(), "setting a household's dues");
      HouseholdDues d;
      if (s.has_own_amount) d.amount = s.own_amount;
      d.exemption = static_cast<Exemption>(s.exemption);
      d.waived = s.waived;
      d.reason = s.reason;
      set_household_dues(ctx.db(), s.selected, s.fiscal_year, d);
    });
}

}  // namespace

void load_dues_household(sdk::Context& ctx, DuesPanelState& s) {
  if (!s.selected) return;
  s.history = payment_history(ctx.db(), s.selected, s.fiscal_year);
  const HouseholdDues d = household_dues(ctx.db(), s.selected, s.fiscal_year);
  s.has_own_amount = d.amount.has_value();
  s.own_amount = static_cast<int>(d.amount.value_or(0));
  s.exemption = static_cast<int>(d.exemption);
  s.waived = static_cast<int>(d.waived);
  s.reason = d.reason;
}

// 領収書 for what the household paid this 年度, 2 or 4 to an A4 with cut lines.
void draw_receipts(sdk::Context& ctx, DuesPanelState& s) {
  bool any = false;
  for (const auto& r : s.history) any = any || (!r.reverses && !r.reversed && r.amount > 0);
  if (!any) return;
  sdk::ui::Text(tr("members.dues.receipts"));
  sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(tr("members.dues.four_to_a_page")));
  ImGui::Checkbox(tr("members.dues.four_to_a_page"), &s.four_to_a_page);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("sdk.ui.document.save_pdf")) * 2);
  s.receipts->draw(
      s.message,
      sdk::ui::document_file_name(
          {"領収書", std::to_string(s.selected), sdk::format_fiscal_year_ja(s.fiscal_year)}, ".pdf"),
      [&] {
        return receipts_document(ctx.db(), sdk::organizations(ctx), ctx.access(), s.selected, s.fiscal_year,
                                 s.four_to_a_page ? 4 : 2, s.collector);
      },
      {.personal_data = true});
}

void draw_dues_household(sdk::Context& ctx, DuesPanelState& s) {
  if (auto reason = s.reverse.draw())
    dues_attempt(ctx, s, tr("members.dues.reversed"),
                 [&] { reverse_payment(ctx.db(), s.reversing, *reason, sdk::today(), s.collector); });
  if (!s.selected) return;
  const DuesLine* line = nullptr;
  for (const auto& l : s.lines)
    if (l.household == s.selected) line = &l;
  if (!line) return;
  sdk::ui::section(std::string(tr("members.household")) + " " + std::to_string(line->household) + "  " +
                   line->head_name);
  std::string owes = std::string(tr("members.dues.year_due")) + " " + yen(line->year_due);
  if (line->own_amount) owes += std::string(" ") + tr("members.dues.own_mark");
  if (line->exemption != Exemption::None)
    owes += std::string(" ") + tr(kExemptionKeys[static_cast<int>(line->exemption)]) + "（" +
            line->exemption_reason + "）";
  sdk::ui::TextWrapped(owes);
  draw_history(s);
  draw_receipts(ctx, s);
  if (!han_scope(ctx)) draw_own_dues(ctx, s);  // officers' work; refused below for a 班長 anyway
}

}  // namespace wasshoi::members::ui
