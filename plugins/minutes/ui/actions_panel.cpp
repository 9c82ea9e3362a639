// 宿題ボード: the organization's action items in three columns — 期限超過, 対応中, 完了 — each a
// card with 担当, 期限 and the meeting that decided it; one click marks it done or open again.
#include "core/actions.hpp"
#include "ui/draw_panels.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::minutes::ui {

namespace {

enum class Column { Overdue, Open, Done };

Column column_of(const ActionItem& a, const Date& today) {
  if (a.status == ActionStatus::Done) return Column::Done;
  return a.due && *a.due < today ? Column::Overdue : Column::Open;
}

void card(sdk::Context& ctx, const ActionItem& a, Column c) {
  ImGui::PushID(static_cast<int>(a.id));
  const ImVec4 bg = c == Column::Overdue ? ImVec4(1, 0.92f, 0.92f, 1)
                    : c == Column::Done  ? ImVec4(0.93f, 0.97f, 0.93f, 1)
                                         : ImVec4(0.97f, 0.97f, 1, 1);
  // Every line wraps in the column; the card is as high as its wrapped lines and its button.
  const std::string who =
      std::string(tr("minutes.action.who")) + "：" + (a.assignee.empty() ? "—" : a.assignee);
  const std::string due = a.due ? tr_due(*a.due) : std::string();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float wrap = ImGui::GetContentRegionAvail().x - style.WindowPadding.x * 2;
  float height = style.WindowPadding.y * 2 + ImGui::GetFontSize() + style.ItemSpacing.y;  // the button
  for (const std::string* line : {&a.title, &who, &due, &a.meeting_title}) {
    if (line->empty()) continue;
    const std::string shown = sdk::ui::display_text(*line);
    height += ImGui::CalcTextSize(shown.c_str(), nullptr, false, wrap).y + style.ItemSpacing.y;
  }
  ImGui::PushStyleColor(ImGuiCol_ChildBg, bg);
  ImGui::BeginChild("##card", ImVec2(0, height + 2), true, ImGuiWindowFlags_NoScrollbar);
  sdk::ui::TextWrapped(a.title);
  sdk::ui::TextWrapped(who);
  if (a.due) sdk::ui::TextWrapped(due);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  sdk::ui::TextWrapped(a.meeting_title);
  ImGui::PopStyleColor();
  if (c == Column::Done) {
    if (ImGui::SmallButton(tr("minutes.action.undo")))
      attempt(ctx, a.title, [&] { set_action_done(ctx.db(), a.id, false, sdk::today()); });
  } else if (ImGui::SmallButton(tr("minutes.action.done"))) {
    attempt(ctx, a.title, [&] { set_action_done(ctx.db(), a.id, true, sdk::today()); });
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopID();
}

}  // namespace

void draw_actions_panel(sdk::Context& ctx) {
  if (!ready(ctx, false)) return;
  show_message(ctx);
  const Date today = sdk::today();
  auto items = org_actions(ctx.db(), ctx.current_org(), false);
  const char* titles[] = {tr("minutes.board.overdue"), tr("minutes.board.open"), tr("minutes.board.done")};
  int counts[3] = {0, 0, 0};
  for (const auto& a : items) ++counts[static_cast<int>(column_of(a, today))];
  if (!ImGui::BeginTable("##board", 3, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY,
                         ImVec2(0, ImGui::GetContentRegionAvail().y)))
    return;
  for (int i = 0; i < 3; ++i) ImGui::TableSetupColumn(titles[i]);
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int i = 0; i < 3; ++i) {
    ImGui::TableNextColumn();
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextColored(i == 0 ? ImVec4(0.75f, 0.1f, 0.1f, 1) : ImVec4(0.15f, 0.15f, 0.2f, 1), "%s（%d）",
                       titles[i], counts[i]);
    ImGui::SetWindowFontScale(1.0f);
  }
  ImGui::TableNextRow();
  for (int i = 0; i < 3; ++i) {
    ImGui::TableNextColumn();
    int shown = 0;
    for (const auto& a : items)
      if (static_cast<int>(column_of(a, today)) == i && (i != 2 || shown++ < 20))
        card(ctx, a, column_of(a, today));
  }
  ImGui::EndTable();
}

}  // namespace wasshoi::minutes::ui
