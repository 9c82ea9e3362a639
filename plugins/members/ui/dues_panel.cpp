#include "ui/dues_panel.hpp"

#include <cstdio>
#include <functional>

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
  sdk::ui::PanelMessage message;
  std::uint64_t generation = 0;
  int loaded_year = 0;
  std::optional<HanId> loaded_han;
};

sdk::ui::PerOrg<DuesPanelState> panel_state;

void reload(sdk::Context& ctx, DuesPanelState& s) {
  if (!s.fiscal_year) s.fiscal_year = sdk::fiscal_year(sdk::today());
  if (s.generation == generation() && s.loaded_year == s.fiscal_year && s.loaded_han == s.han) return;
  OrgId org = ctx.current_org();
  s.han_list = sdk::organizations(ctx).han(ctx.db(), org);
  s.lines = dues_sheet(ctx.db(), org, s.fiscal_year, s.han);
  s.rates = collection_rates(ctx.db(), org, s.fiscal_year);
  s.amount = static_cast<int>(dues_amount(ctx.db(), org, s.fiscal_year).value_or(0));
  s.generation = generation();
  s.loaded_year = s.fiscal_year;
  s.loaded_han = s.han;
}

// A write of the dues: a refusal becomes the panel's message.
void attempt(sdk::Context& ctx, DuesPanelState& s, const std::function<void()>& write) {
  sdk::ui::run_action(s.message, {}, [&] {
    write();
    changed(ctx, "dues");
  });
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
  // 班 and the counts as wide as their longest entry; the bar takes the rest.
  std::string widest_han = tr("members.total"), widest_count = "0 / 0";
  for (const auto& r : s.rates) {
    if (!r.han.empty() && sdk::ui::text_width(r.han) > sdk::ui::text_width(widest_han)) widest_han = r.han;
    const std::string count = std::to_string(r.settled) + " / " + std::to_string(r.households);
    if (count.size() > widest_count.size()) widest_count = count;
  }
  sdk::ui::fixed_column(tr("members.col.han"), {widest_han, tr("members.no_han")});
  sdk::ui::fixed_column(tr("members.col.settled"), {widest_count});
  ImGui::TableSetupColumn(tr("members.col.rate"), ImGuiTableColumnFlags_WidthStretch);
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
    // The sums never break inside a number: each piece goes whole to the next line when needed.
    const std::string parts[] = {tr("members.collected_total"), yen(total.collected),
                                 "/ " + yen(total.expected)};
    sdk::ui::Text(parts[0]);
    for (int i = 1; i < 3; ++i) {
      sdk::ui::same_line_if_fits(sdk::ui::text_width(parts[i]), i == 1 ? 0.0f : -1.0f);
      sdk::ui::Text(parts[i]);
    }
  }
}

std::string paid_text(const DuesLine& l) {
  return with_commas(static_cast<std::size_t>(l.paid)) + " / " +
         with_commas(static_cast<std::size_t>(l.due)) + (l.out_of_range ? " (!)" : "");
}

void draw_line(sdk::Context& ctx, DuesPanelState& s, const DuesLine& l) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(l.han);
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(l.head_name);
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(l.address);
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(paid_text(l));
  ImGui::TableNextColumn();
  if (l.settled()) {
    sdk::ui::TextEllipsis(std::string(tr("members.paid")) + " " + date_text(l.last_paid).substr(5) + " " +
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
  // The sums as wide as the largest of them; names and the state stretch ("…" when narrow).
  std::string widest_paid = "0 / 0";
  for (const auto& l : s.lines)
    if (paid_text(l).size() > widest_paid.size()) widest_paid = paid_text(l);
  std::string widest_han = tr("members.no_han");
  for (const auto& h : s.han_list)
    if (sdk::ui::text_width(h.name) > sdk::ui::text_width(widest_han)) widest_han = h.name;
  sdk::ui::fixed_column(tr("members.col.han"), {widest_han});
  ImGui::TableSetupColumn(tr("members.col.head"), ImGuiTableColumnFlags_WidthStretch, 6);
  ImGui::TableSetupColumn(tr("members.col.address"),
                          ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultHide, 10);
  sdk::ui::fixed_column(tr("members.col.paid"), {widest_paid});
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
  const float em = ImGui::GetFontSize();
  fiscal_year_picker(s.fiscal_year);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  sdk::ui::same_line_if_fits(sdk::ui::text_width(tr("members.dues_amount")) + spacing + em * 6 + spacing +
                                 sdk::ui::button_width(tr("members.set_amount")),
                             em * 2);
  ImGui::BeginGroup();  // 会費 [amount] [決定] stay together, beside the 年度 or under it
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("members.dues_amount"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 6);
  ImGui::InputInt("##amount", &s.amount, 0);
  ImGui::SameLine();
  if (ImGui::Button(tr("members.set_amount")))
    attempt(ctx, s, [&] {
      require_officer(ctx.access(), "setting the dues");
      set_dues_amount(ctx.db(), ctx.current_org(), s.fiscal_year, s.amount);
    });
  ImGui::EndGroup();
  ImGui::SetNextItemWidth(em * 7);
  han_filter(ctx, tr("members.col.han"), s.han_list, s.han);
  sdk::ui::same_line_if_fits(
      em * 8 + ImGui::GetStyle().ItemInnerSpacing.x + sdk::ui::text_width(tr("members.collector")), em * 2);
  ImGui::SetNextItemWidth(em * 8);
  sdk::ui::InputText(tr("members.collector"), s.collector);
}

}  // namespace

void draw_dues_panel(sdk::Context& ctx) {
  if (!may_show_roster(ctx)) return;
  DuesPanelState& s = panel_state.get(ctx);
  if (auto scope = han_scope(ctx)) s.han = scope;
  reload(ctx, s);
  draw_controls(ctx, s);
  sdk::ui::show(s.message);
  // The sheet the 班長 works from on the left, the rates beside it; in a narrow window (large
  // text) the rates above the sheet, which takes the rest of the height.
  if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 48) {
    sdk::ui::section(tr("members.collection_rate"));
    draw_rates(s);
    sdk::ui::section(tr("members.collection_sheet"));
    draw_sheet(ctx, s);
    return;
  }
  if (!ImGui::BeginTable("dues_layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) return;
  ImGui::TableSetupColumn("sheet", ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("rates", ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableNextColumn();
  sdk::ui::section(tr("members.collection_sheet"));
  draw_sheet(ctx, s);
  ImGui::TableNextColumn();
  sdk::ui::section(tr("members.collection_rate"));
  draw_rates(s);
  ImGui::EndTable();
}

}  // namespace wasshoi::members::ui
