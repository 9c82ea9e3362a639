#include <cstdlib>
#include <filesystem>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "ui/dialogs.hpp"

namespace wasshoi::booking::ui {

namespace {

void table(const char* id, const char* first, const std::vector<UsageRow>& rows, bool rate) {
  if (!ImGui::BeginTable(id, rate ? 5 : 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) return;
  ImGui::TableSetupColumn(first, ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(sdk::tr("booking.count_col"));
  ImGui::TableSetupColumn(sdk::tr("booking.hours_col"));
  if (rate) ImGui::TableSetupColumn(sdk::tr("booking.rate_col"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(sdk::tr("booking.fee"));
  ImGui::TableHeadersRow();
  for (const auto& r : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    sdk::ui::Text(r.label);
    ImGui::TableNextColumn();
    ImGui::Text("%d", r.bookings);
    ImGui::TableNextColumn();
    ImGui::Text("%.1f", r.booked_hours);
    if (rate) {
      ImGui::TableNextColumn();
      ImGui::ProgressBar(static_cast<float>(r.rate()), ImVec2(-1, 0), format_rate(r.rate()).c_str());
    }
    ImGui::TableNextColumn();
    ImGui::Text("%d円", r.fees);
  }
  ImGui::EndTable();
}

void exports(UsageState& s) {
  if (s.out_dir.empty()) s.out_dir = std::getenv("HOME") ? std::getenv("HOME") : ".";
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  sdk::ui::InputText(sdk::tr("booking.folder"), s.out_dir);
  ImGui::SameLine();
  std::filesystem::path base =
      std::filesystem::path(s.out_dir) / ("稼働率_" + s.report->from.iso() + "_" + s.report->to.iso());
  try {
    if (ImGui::Button("CSV")) {
      sdk::write_file(base.string() + ".csv", usage_csv(*s.report));
      s.message = base.string() + ".csv";
    }
    ImGui::SameLine();
    if (ImGui::Button("PDF")) {
      usage_pdf(*s.report, base.string() + ".pdf");
      s.message = base.string() + ".pdf";
    }
  } catch (const std::exception& e) {
    s.message = e.what();
  }
  if (!s.message.empty()) sdk::ui::Text(s.message);
}

}  // namespace

void draw_usage(sdk::Context& ctx, UsageState& s) {
  if (s.from.empty()) {
    int fy = sdk::fiscal_year(sdk::today());
    s.from = sdk::Date{fy, 4, 1}.iso(), s.to = sdk::Date{fy + 1, 3, 31}.iso();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  bool changed = sdk::ui::InputText(sdk::tr("booking.from"), s.from);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  changed |= sdk::ui::InputText(sdk::tr("booking.to"), s.to);
  auto from = sdk::parse_date(s.from), to = sdk::parse_date(s.to);
  if (!from || !to || *to < *from) {
    ImGui::TextColored(ImVec4(0.78f, 0.16f, 0.16f, 1), "%s", sdk::tr("booking.bad_period"));
    return;
  }
  if (changed || !s.report) s.report = usage_report(ctx.db(), sdk::organizations(ctx), *from, *to, s.owner);
  const UsageReport& r = *s.report;
  ImGui::SetWindowFontScale(1.2f);
  ImGui::Text(sdk::tr("booking.usage_total"), r.total.bookings, r.total.booked_hours,
              format_rate(r.total.rate()).c_str());
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
