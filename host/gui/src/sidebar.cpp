// The sidebar: which organization the user works for, and the list of its screens (panels).
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "labels.hpp"

namespace wasshoi::gui {

using sdk::tr;

namespace {
constexpr ImGuiWindowFlags kFixedWindow =
    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

}  // namespace

const host::Organization* Shell::current_organization() const {
  for (const auto& o : orgs_)
    if (o.id == ctx_.current_org()) return &o;
  return nullptr;
}

void Shell::draw_sidebar(const Layout& l) {
  ImGui::SetNextWindowPos(ImVec2(0, l.menu_height));
  ImGui::SetNextWindowSize(ImVec2(l.sidebar_width, l.main_size.y));
  if (ImGui::Begin("###sidebar", nullptr, kFixedWindow)) {
    draw_org_switcher();
    ImGui::Spacing();
    ImGui::Spacing();
    draw_panel_list();
  }
  ImGui::End();
}

void Shell::draw_org_switcher() {
  sdk::ui::TextDisabled(tr("gui.sidebar.organization"));
  const host::Organization* current = current_organization();
  const std::string preview = current ? current->name : tr("gui.org.none");
  ImGui::SetNextItemWidth(-1);
  if (sdk::ui::BeginCombo("##org", preview, ImGuiComboFlags_HeightLarge)) {
    for (const OrgRow& row : org_tree(orgs_)) {
      if (row.depth > 0) ImGui::Indent();
      const bool selected = row.org->id == ctx_.current_org();
      if (sdk::ui::Selectable(org_label(*row.org) + "##org" + std::to_string(row.org->id), selected))
        select_org(row.org->id);
      if (selected) ImGui::SetItemDefaultFocus();
      if (row.depth > 0) ImGui::Unindent();
    }
    ImGui::EndCombo();
  }
  if (!current) return;
  // The kind under the name; where it belongs (its 地域協働体) when the officer points at it.
  ImGui::TextDisabled("%s%s", tr("gui.sidebar.kind"), tr(host::kind_label_key(current->kind)));
  if (ImGui::IsItemHovered() && current->parent)
    for (const auto& o : orgs_)
      if (o.id == *current->parent) {
        ImGui::BeginTooltip();
        sdk::ui::Text(std::string(tr("gui.sidebar.part_of")) + o.name);
        ImGui::EndTooltip();
      }
}

void Shell::draw_panel_list() {
  sdk::ui::TextDisabled(tr("gui.sidebar.screens"));
  const float row_height = ImGui::GetFontSize() * 1.6f;
  auto entry = [&](const std::string& id, const char* title) {
    const bool front = id == front_ && is_open(id);
    // Tall rows, text centred vertically: easier to hit for an unsteady hand.
    if (ImGui::Selectable((std::string(title) + "###nav." + id).c_str(), front, 0, ImVec2(0, row_height)))
      show_panel(id);
  };
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
  auto plugin_panels = org_panels();
  if (ctx_.current_org() == 0 || plugin_panels.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr("gui.sidebar.no_panels"));
    ImGui::PopStyleColor();
  }
  // Grouped by plugin under its name, one foldable group per job (会員名簿, 集会施設予約 …): the
  // officer looks for the job, then the screen, and twenty screens still fit. The group of the
  // panel being brought to the front opens by itself.
  for (std::size_t i = 0; i < plugin_panels.size();) {
    const host::PluginRecord* record = plugin_panels[i].first;
    std::size_t end = i;
    bool requested = false, in_front = false;
    for (; end < plugin_panels.size() && plugin_panels[end].first == record; ++end) {
      requested |= plugin_panels[end].second->id == focus_;
      in_front |= plugin_panels[end].second->id == front_;
    }
    if (requested)
      ImGui::SetNextItemOpen(true, ImGuiCond_Always);
    else if (in_front)
      ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    const bool open = ImGui::CollapsingHeader((plugin_name(*record) + "###group." + record->id).c_str());
    ImGui::Indent();
    for (; i < end; ++i)
      if (open) entry(plugin_panels[i].second->id, tr(plugin_panels[i].second->title_key));
    ImGui::Unindent();
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  for (const auto& p : host_panels_)
    if (offered(p)) entry(p.id, tr(p.title_key));
  ImGui::PopStyleVar();
}

}  // namespace wasshoi::gui
