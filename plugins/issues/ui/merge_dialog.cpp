// 重複の統合: the ticked issues, one chosen to stay; the others' supports, photos and history join it.
#include <wasshoi/sdk/ui.hpp>

#include "core/issues.hpp"
#include "core/merge.hpp"
#include "ui/list_panel.hpp"
#include "ui/state.hpp"

namespace wasshoi::issues::ui {

namespace {
void draw_candidates(sdk::Context& ctx, PanelState& s) {
  for (IssueId id : s.checked) {
    auto i = find_issue(ctx.db(), id);
    if (!i) continue;
    if (ImGui::RadioButton(("##t" + std::to_string(id)).c_str(), s.merge_target == id)) s.merge_target = id;
    ImGui::SameLine();
    sdk::ui::Text(i->title + "（" + i->org_name + "・" + tr("issues.col.support") + " " +
                  std::to_string(i->supporters) + "）");
  }
}
}  // namespace

void draw_merge_dialog(sdk::Context& ctx) {
  PanelState& s = state(ctx);
  if (s.open_merge) {
    ImGui::OpenPopup(tr("issues.merge_title"));
    s.merge_target = s.checked.empty() ? 0 : s.checked.front();
    s.open_merge = false;
  }
  if (!ImGui::BeginPopupModal(tr("issues.merge_title"), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted(tr("issues.merge_help"));
  ImGui::Separator();
  draw_candidates(ctx, s);
  ImGui::Separator();
  if (ImGui::Button(tr("issues.merge_do"))) {
    std::vector<IssueId> dups;
    for (IssueId id : s.checked)
      if (id != s.merge_target) dups.push_back(id);
    if (write(ctx, tr("issues.merged"), [&] {
          merge_issues(ctx.db(), sdk::organizations(ctx), s.org, s.merge_target, dups, sdk::today());
        }))
      s.selected = s.merge_target, s.checked.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("issues.cancel"))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace wasshoi::issues::ui
