#include "ui/dues_panel.hpp"

#include <cstdio>
#include <functional>

#include "core/documents.hpp"
#include "core/permissions.hpp"
#include "ui/dues_state.hpp"

namespace wasshoi::members::ui {

namespace {

sdk::ui::PerOrg<DuesPanelState> dues_state;

constexpr const char* kScheduleKeys[] = {"members.dues.schedule.yearly", "members.dues.schedule.half",
                                         "members.dues.schedule.monthly"};

DuesSchedule schedule_of(const DuesPanelState& s) {
  return s.setting ? s.setting->schedule : DuesSchedule::Yearly;
}

void reload(sdk::Context& ctx, DuesPanelState& s) {
  if (!s.fiscal_year) s.fiscal_year = sdk::fiscal_year(sdk::today());
  if (s.generation == generation() && s.loaded_year == s.fiscal_year && s.loaded_han == s.han &&
      s.loaded_period == s.period && s.loaded_selected == s.selected)
    return;
  const bool setting_changed = s.generation != generation() || s.loaded_year != s.fiscal_year;
  OrgId org = ctx.current_org();
  s.han_list = sdk::organizations(ctx).han(ctx.db(), org);
  s.setting = dues_setting(ctx.db(), org, s.fiscal_year);
  if (s.period > instalments(schedule_of(s))) s.period = 0;
  const std::optional<int> through = s.period ? std::optional<int>(s.period) : std::nullopt;
  s.lines = dues_sheet(ctx.db(), org, s.fiscal_year, s.han, through);
  s.rates = collection_rates(ctx.db(), org, s.fiscal_year, through);
  if (setting_changed) {  // the form follows what is stored, not every frame
    s.amount = static_cast<int>(s.setting ? s.setting->amount : 0);
    s.schedule = static_cast<int>(schedule_of(s));
  }
  if (s.selected && std::none_of(s.lines.begin(), s.lines.end(),
                                 [&](const DuesLine& l) { return l.household == s.selected; }))
    s.selected = 0;  // another 班 or 年度: the household is not on the sheet
  load_dues_household(ctx, s);
  s.generation = generation();
  s.loaded_year = s.fiscal_year;
  s.loaded_han = s.han;
  s.loaded_period = s.period;
  s.loaded_selected = s.selected;
}

std::string percent(double rate) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", rate * 100.0);
  return buf;
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
  if (s.rates.empty()) return;
  const auto& total = s.rates.back();
  // The sums never break inside a number: each piece goes whole to the next line when needed.
  const std::string parts[] = {tr("members.collected_total"), yen(total.collected),
                               "/ " + yen(total.expected)};
  sdk::ui::Text(parts[0]);
  for (int i = 1; i < 3; ++i) {
    sdk::ui::same_line_if_fits(sdk::ui::text_width(parts[i]), i == 1 ? 0.0f : -1.0f);
    sdk::ui::Text(parts[i]);
  }
  if (total.exempt > 0)
    sdk::ui::TextWrapped(std::string(tr("members.dues.exempt_apart")) + std::to_string(total.exempt) +
                         tr("members.dues.households"));
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
  if (sdk::ui::SelectableEllipsis(l.head_name + "##h" + std::to_string(l.household),
                                  s.selected == l.household))
    s.selected = s.selected == l.household ? 0 : l.household;
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(l.address);
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(l.exempt() ? std::string("—") : paid_text(l));
  ImGui::TableNextColumn();
  if (!s.setting && l.paid == 0) return;  // nothing set, nothing paid: nothing to say yet
  if (l.exempt()) {
    sdk::ui::TextEllipsis(std::string(tr("members.dues.exempt")) + " " + l.exemption_reason);
    return;
  }
  if (l.settled()) {
    sdk::ui::TextEllipsis(std::string(tr("members.paid")) + " " + paid_date(l.last_paid, false) + " " +
                          l.collected_by);
    return;
  }
  ImGui::PushID(static_cast<int>(l.household));
  const std::int64_t household = l.household;
  if (ImGui::SmallButton(tr("members.collect")))
    dues_attempt(ctx, s, tr("members.dues.recorded"), [&] {
      record_payment(ctx.db(), DuesPayment{household, s.fiscal_year, std::nullopt, sdk::today(), s.collector,
                                           s.period ? std::optional<int>(s.period) : std::nullopt});
      s.selected = household;
    });
  ImGui::PopID();
}

void draw_sheet(sdk::Context& ctx, DuesPanelState& s, float height) {
  constexpr ImGuiTableFlags kFlags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Hideable;
  if (!ImGui::BeginTable("sheet", 5, kFlags, ImVec2(0, height))) return;
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

// 年会費（円） [amount] 集め方 [年払い ▼] [決定]: the 年度's dues, for the 会長 and 役員.
void draw_setting(sdk::Context& ctx, DuesPanelState& s) {
  const float em = ImGui::GetFontSize();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float combo_width = 0;
  for (const char* key : kScheduleKeys) combo_width = std::max(combo_width, sdk::ui::text_width(tr(key)));
  combo_width += ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("members.dues_amount"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 6);
  ImGui::InputInt("##amount", &s.amount, 0);
  sdk::ui::same_line_if_fits(sdk::ui::text_width(tr("members.dues.schedule")) + spacing + combo_width);
  ImGui::BeginGroup();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("members.dues.schedule"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(combo_width);
  if (sdk::ui::BeginCombo("##schedule", tr(kScheduleKeys[s.schedule]))) {
    for (int i = 0; i < 3; ++i)
      if (sdk::ui::Selectable(tr(kScheduleKeys[i]), s.schedule == i)) s.schedule = i;
    ImGui::EndCombo();
  }
  ImGui::EndGroup();
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("members.set_amount")));
  if (ImGui::Button(tr("members.set_amount")))
    dues_attempt(ctx, s, tr("members.dues.setting_saved"), [&] {
      require_officer(ctx.access(), "setting the dues");
      set_dues_amount(ctx.db(), ctx.current_org(), s.fiscal_year, s.amount,
                      static_cast<DuesSchedule>(s.schedule));
    });
}

// 班 [3班 ▼]  集金の期 [前期 ▼]  集金者 [    ]: the 班 worked through, as far as which period.
void draw_filters(sdk::Context& ctx, DuesPanelState& s) {
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(em * 7);
  han_filter(ctx, tr("members.col.han"), s.han_list, s.han);
  const DuesSchedule how = schedule_of(s);
  if (instalments(how) > 1) {
    const int shown = s.period ? s.period : period_of(how, s.fiscal_year, sdk::today());
    sdk::ui::same_line_if_fits(
        em * 5 + ImGui::GetStyle().ItemInnerSpacing.x + sdk::ui::text_width(tr("members.dues.through")), em);
    ImGui::SetNextItemWidth(em * 5);
    if (sdk::ui::BeginCombo(tr("members.dues.through"), period_name(how, shown))) {
      for (int p = 1; p <= instalments(how); ++p)
        if (sdk::ui::Selectable(period_name(how, p), p == shown)) s.period = p;
      ImGui::EndCombo();
    }
  }
  sdk::ui::same_line_if_fits(
      em * 8 + ImGui::GetStyle().ItemInnerSpacing.x + sdk::ui::text_width(tr("members.collector")), em);
  ImGui::SetNextItemWidth(em * 8);
  sdk::ui::InputText(tr("members.collector"), s.collector);
}

void draw_controls(sdk::Context& ctx, DuesPanelState& s) {
  const float em = ImGui::GetFontSize();
  fiscal_year_picker(s.fiscal_year);
  if (!han_scope(ctx)) {  // a 班長 collects; the 年度's setting is the officers'
    sdk::ui::same_line_if_fits(em * 20, em * 2);
    ImGui::BeginGroup();
    draw_setting(ctx, s);
    ImGui::EndGroup();
  } else if (s.setting) {
    ImGui::SameLine(0, em * 2);
    sdk::ui::TextWrapped(std::string(tr("members.dues_amount")) + " " + yen(s.setting->amount) + " (" +
                         tr(kScheduleKeys[static_cast<int>(s.setting->schedule)]) + ")");
  }
  draw_filters(ctx, s);
  if (!s.setting) return;
  // The sheet the 班長 walks door to door: the 班 and period shown, a 受領印 column, totals.
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("sdk.ui.document.save_pdf")) * 2, em);
  s.paper->draw(
      s.message,
      sdk::ui::document_file_name(
          {"集金表", sdk::format_fiscal_year_ja(s.fiscal_year), han_name(s.han_list, s.han)}, ".pdf"),
      [&] {
        return dues_sheet_document(ctx.db(), sdk::organizations(ctx), ctx.access(),
                                   {ctx.current_org(), s.han}, s.fiscal_year,
                                   s.period ? std::optional<int>(s.period) : std::nullopt);
      },
      {.personal_data = true});
}

}  // namespace

std::string yen(std::int64_t amount) {
  return (amount < 0 ? "-" : "") + with_commas(static_cast<std::size_t>(amount < 0 ? -amount : amount)) +
         tr("members.yen");
}

std::string paid_date(const std::optional<Date>& date, bool wide) {
  if (!date) return tr("date.unknown");
  return date_text(date) + (wide ? "（" + sdk::format_wareki(*date) + "）" : std::string());
}

void dues_attempt(sdk::Context& ctx, DuesPanelState& s, const std::string& done,
                  const std::function<void()>& write) {
  sdk::ui::run_action(s.message, done, [&] {
    write();
    changed(ctx, "dues");
  });
}

void draw_dues_panel(sdk::Context& ctx) {
  if (!may_show_roster(ctx)) return;
  DuesPanelState& s = dues_state.get(ctx);
  if (auto scope = han_scope(ctx)) s.han = scope;
  reload(ctx, s);
  draw_controls(ctx, s);
  sdk::ui::show(s.message);
  if (!s.setting) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    sdk::ui::TextWrapped(tr(han_scope(ctx) ? "members.dues.not_set_han" : "members.dues.not_set"));
    ImGui::PopStyleColor();
  }
  // The picked household takes the lower part of the sheet's column.
  auto sheet_height = [&] {
    const float avail = ImGui::GetContentRegionAvail().y - ImGui::GetStyle().CellPadding.y * 2 - 2;
    return s.selected ? std::max(avail * 0.45f, ImGui::GetFrameHeightWithSpacing() * 4) : avail;
  };
  // The sheet the 班長 works from on the left, the rates beside it; in a narrow window (large
  // text) the rates above the sheet, which takes the rest of the height.
  if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 48) {
    sdk::ui::section(tr("members.collection_rate"));
    draw_rates(s);
    sdk::ui::section(tr("members.collection_sheet"));
    draw_sheet(ctx, s, sheet_height());
    draw_dues_household(ctx, s);
    return;
  }
  if (!ImGui::BeginTable("dues_layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) return;
  ImGui::TableSetupColumn("sheet", ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("rates", ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableNextColumn();
  sdk::ui::section(tr("members.collection_sheet"));
  draw_sheet(ctx, s, sheet_height());
  draw_dues_household(ctx, s);
  ImGui::TableNextColumn();
  sdk::ui::section(tr("members.collection_rate"));
  draw_rates(s);
  ImGui::EndTable();
}

}  // namespace wasshoi::members::ui
