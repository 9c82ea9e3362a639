#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_date.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "ui/dialogs.hpp"

namespace wasshoi::booking::ui {

namespace {

// "12.5"
std::string hours_text(double hours) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", hours);
  return buf;
}

bool shorter(const std::string& a, const std::string& b) {
  return a.size() < b.size();
}

void table(const char* id, const char* first, const std::vector<UsageRow>& rows, bool rate) {
  if (!ImGui::BeginTable(id, rate ? 5 : 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) return;
  // Names and the bar stretch; the figures are as wide as the largest of them.
  std::string most_bookings = "0", most_hours = "0.0", most_fees = "0円";
  for (const auto& r : rows) {
    most_bookings = std::max(most_bookings, std::to_string(r.bookings), shorter);
    most_hours = std::max(most_hours, hours_text(r.booked_hours), shorter);
    most_fees = std::max(most_fees, std::to_string(r.fees) + "円", shorter);
  }
  ImGui::TableSetupColumn(first, ImGuiTableColumnFlags_WidthStretch, 2.0f);
  sdk::ui::fixed_column(sdk::tr("booking.count_col"), {most_bookings});
  sdk::ui::fixed_column(sdk::tr("booking.hours_col"), {most_hours});
  if (rate) ImGui::TableSetupColumn(sdk::tr("booking.rate_col"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  sdk::ui::fixed_column(sdk::tr("booking.fee"), {most_fees});
  ImGui::TableHeadersRow();
  for (const auto& r : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(r.label);
    ImGui::TableNextColumn();
    ImGui::Text("%d", r.bookings);
    ImGui::TableNextColumn();
    sdk::ui::Text(hours_text(r.booked_hours));
    if (rate) {
      ImGui::TableNextColumn();
      ImGui::ProgressBar(static_cast<float>(r.rate()), ImVec2(-1, 0), format_rate(r.rate()).c_str());
    }
    ImGui::TableNextColumn();
    ImGui::Text("%d円", r.fees);
  }
  ImGui::EndTable();
}

// 印刷… and PDFで保存… of the report, and its figures as CSV for Excel; through the desktop's
// dialogs (the documents folder first), never a folder typed by hand.
void exports(UsageState& s) {
  const UsageReport& r = *s.report;
  const std::string from = r.from.iso(), to = r.to.iso();
  s.paper.draw(s.message, sdk::ui::document_file_name({sdk::tr("booking.usage_file"), from, to}, ".pdf"),
               [&] { return usage_document(r); });
  const std::string csv_label = sdk::tr("booking.usage_csv");
  sdk::ui::same_line_if_fits(sdk::ui::button_width(csv_label));
  if (auto out = sdk::ui::save_button(
          csv_label, *s.csv,
          {.title = csv_label,
           .suggested_name = sdk::ui::document_file_name({sdk::tr("booking.usage_file"), from, to}, ".csv"),
           .filters = {sdk::ui::csv_files()}}))
    sdk::ui::run_action(s.message, std::string(sdk::tr("sdk.ui.document.saved")) + out->string(),
                        [&] { sdk::write_file(*out, usage_csv(r)); });
  sdk::ui::show(s.message);  // where the file went, or why it was not written
}

}  // namespace

void draw_usage(sdk::Context& ctx, UsageState& s) {
  if (s.from.empty()) {
    int fy = sdk::fiscal_year(sdk::today());
    s.from = sdk::Date{fy, 4, 1}.iso(), s.to = sdk::Date{fy + 1, 3, 31}.iso();
  }
  const auto from_field = sdk::ui::DateInput(sdk::tr("booking.from"), s.from);
  const auto to_field = sdk::ui::DateInput(sdk::tr("booking.to"), s.to);
  bool changed = from_field.changed || to_field.changed;
  auto from = from_field.date, to = to_field.date;
  if (!from || !to || *to < *from) {
    ImGui::TextColored(ImVec4(0.78f, 0.16f, 0.16f, 1), "%s", sdk::tr("booking.bad_period"));
    return;
  }
  if (changed || !s.report) s.report = usage_report(ctx.db(), sdk::organizations(ctx), *from, *to, s.owner);
  const UsageReport& r = *s.report;
  ImGui::SetWindowFontScale(1.2f);
  char total[256];
  std::snprintf(total, sizeof total, sdk::tr("booking.usage_total"), r.total.bookings, r.total.booked_hours,
                format_rate(r.total.rate()).c_str());
  sdk::ui::TextWrapped(total);
  ImGui::SetWindowFontScale(1.0f);
  exports(s);
  table("##rooms", sdk::tr("booking.room"), r.by_room, true);
  ImGui::Spacing();
  table("##slots", sdk::tr("booking.slot"), r.by_slot, true);
  ImGui::Spacing();
  table("##months", sdk::tr("booking.month"), r.by_month, true);
  ImGui::Spacing();
  table("##orgs", sdk::tr("booking.org"), r.by_org, false);
}

}  // namespace wasshoi::booking::ui
