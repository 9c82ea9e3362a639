#include "ui/dues_panel.hpp"

#include <cstdio>

#include "core/dues.hpp"
#include "core/permissions.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::members::ui {

namespace {

struct DuesPanelState {
  int fiscal_year = 0;
  std::optional<HanId> han;
  std::vector<sdk::HanRef> han_list;
  std::vector<DuesLine> lines;
  std::vector<CollectionRate> rates;
  int amount = 0;
  std::string collector;
  std::string message;
  std::uint64_t generation = 0;
  int loaded_year = 0;
  std::optional<HanId> loaded_han;
};

DuesPanelState& state() {
  static DuesPanelState s;
  return s;
}

void reload(sdk::Context& ctx, DuesPanelState& s) {
  if (!s.fiscal_year) s.fiscal_year = sdk::fiscal_year(sdk::today());
  if (s.generation == selection().generation && s.loaded_year == s.fiscal_year && s.loaded_han == s.han)
    return;
  OrgId org = ctx.current_org();
  s.han_list = sdk::organizations(ctx).han(ctx.db(), org);
  s.lines = dues_sheet(ctx.db(), org, s.fiscal_year, s.han);
  s.rates = collection_rates(ctx.db(), org, s.fiscal_year);
  s.amount = static_cast<int>(dues_amount(ctx.db(), org, s.fiscal_year).value_or(0));
  s.generation = selection().generation;
  s.loaded_year = s.fiscal_year;
  s.loaded_han = s.han;
}

template <typename Write>
void attempt(sdk::Context& ctx, DuesPanelState& s, Write&& write) {
  try {
    write();
    s.message.clear();
    changed(ctx, "dues");
  } catch (const sdk::Error& e) {
    s.message = e.what();
  }
}

std::string percent(double rate) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", rate * 100.0);
  return buf;
}

std::string yen(std::int64_t amount) {
  return (amount < 0 ? "-" : "") + with_commas(static_cast<std::size_t>(amount < 0 ? -amount : amount)) +
         tr("members.yen");
}

void draw_rates(const DuesPanelState& s) {
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("rates", 3, kFlags)) return;
  ImGui::TableSetupColumn(tr("members.col.han"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(tr("members.col.settled"), ImGuiTableColumnFlags_WidthStretch, 4);
  ImGui::TableSetupColumn(tr("members.col.rate"), ImGuiTableColumnFlags_WidthStretch, 4.5f);
  ImGui::TableHeadersRow();
  for (const auto& r : s.rates) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    sdk::ui::Text(r.total ? tr("members.total") : r.han.empty() ? tr("members.no_han") : r.han.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%d / %d", r.settled, r.households);
    ImGui::TableNextColumn();
    ImGui::ProgressBar(static_cast<float>(r.rate()), ImVec2(-1, ImGui::GetTextLineHeight()),
                       percent(r.rate()).c_str());
  }
  ImGui::EndTable();
  if (!s.rates.empty()) {
    const auto& total = s.rates.back();
    sdk::ui::TextWrapped(std::string(tr("members.collected_total")) + yen(total.collected) + " / " +
                         yen(total.expected));
  }
}

void draw_line(sdk::Context& ctx, DuesPanelState& s, const DuesLine& l) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  sdk::ui::Text(l.han);
  ImGui::TableNextColumn();
  sdk::ui::Text(l.head_name);
  ImGui::TableNextColumn();
  sdk::ui::Text(l.address);
  ImGui::TableNextColumn();
  sdk::ui::Text(with_commas(static_cast<std::size_t>(l.paid)) + " / " +
                with_commas(static_cast<std::size_t>(l.due)) + (l.out_of_range ? " (!)" : ""));
  ImGui::TableNextColumn();
  if (l.settled()) {
    sdk::ui::Text(std::string(tr("members.paid")) + " " + date_text(l.last_paid).substr(5) + " " +
                  l.collected_by);
    return;
  }
  ImGui::PushID(static_cast<int>(l.household));
  if (ImGui::SmallButton(tr("members.collect")))
    attempt(ctx, s, [&] {
      record_payment(ctx.db(),
                     DuesPayment{l.household, s.fiscal_year, std::nullopt, sdk::today(), s.collector});
    });
  ImGui::PopID();
}

void draw_sheet(sdk::Context& ctx, DuesPanelState& s) {
  constexpr ImGuiTableFlags kFlags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Hideable;
  if (!ImGui::BeginTable(
          "sheet", 5, kFlags,
          ImVec2(0, ImGui::GetContentRegionAvail().y - ImGui::GetStyle().CellPadding.y * 2 - 2)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("members.col.han"), ImGuiTableColumnFlags_WidthStretch, 2.5f);
  ImGui::TableSetupColumn(tr("members.col.head"), ImGuiTableColumnFlags_WidthStretch, 6);
  ImGui::TableSetupColumn(tr("members.col.address"),
                          ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultHide, 10);
  ImGui::TableSetupColumn(tr("members.col.paid"), ImGuiTableColumnFlags_WidthStretch, 7);
  ImGui::TableSetupColumn(tr("members.col.status"), ImGuiTableColumnFlags_WidthStretch, 8);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(s.lines.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      draw_line(ctx, s, s.lines[static_cast<std::size_t>(i)]);
  ImGui::EndTable();
}

void draw_controls(sdk::Context& ctx, DuesPanelState& s) {
  fiscal_year_picker(s.fiscal_year);
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  ImGui::TextUnformatted(tr("members.dues_amount"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputInt("##amount", &s.amount, 0);
  ImGui::SameLine();
  if (ImGui::Button(tr("members.set_amount")))
    attempt(ctx, s, [&] {
      require_officer(ctx.access(), "setting the dues");
      set_dues_amount(ctx.db(), ctx.current_org(), s.fiscal_year, s.amount);
    });
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  han_filter(ctx, tr("members.col.han"), s.han_list, s.han);
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  sdk::ui::InputText(tr("members.collector"), s.collector);
}

}  // namespace

void draw_dues_panel(sdk::Context& ctx) {
  if (!sync_org(ctx)) return;
  DuesPanelState& s = state();
  if (auto scope = han_scope(ctx)) s.han = scope;
  reload(ctx, s);
  draw_controls(ctx, s);
  if (!s.message.empty()) error_text(s.message);
  // The sheet the 班長 works from on the left, the rates beside it.
  if (!ImGui::BeginTable("dues_layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) return;
  ImGui::TableSetupColumn("sheet", ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("rates", ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableNextColumn();
  section(tr("members.collection_sheet"));
  draw_sheet(ctx, s);
  ImGui::TableNextColumn();
  section(tr("members.collection_rate"));
  draw_rates(s);
  ImGui::EndTable();
}

}  // namespace wasshoi::members::ui
