// The sidebar: which organization the user works for, and the list of its screens (panels).
#include <wasshoi/gui/shell.hpp>

#include "org_tree.hpp"

#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

namespace wasshoi::gui {

using sdk::tr;

namespace {
constexpr ImGuiWindowFlags kFixedWindow = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                          ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                          ImGuiWindowFlags_NoSavedSettings |
                                          ImGuiWindowFlags_NoBringToFrontOnFocus;

void heading(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}
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
  heading(tr("gui.sidebar.organization"));
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
  // Kind and, for a 自治会, the 地域協働体 it belongs to: the officer sees where they are.
  std::string where = tr(host::kind_label_key(current->kind));
  for (const auto& o : orgs_)
    if (current->parent && o.id == *current->parent) where += std::string(tr("gui.sidebar.part_of")) + o.name;
  sdk::ui::TextWrapped(where);
}

void Shell::draw_panel_list() {
  heading(tr("gui.sidebar.screens"));
  const float row_height = ImGui::GetFontSize() * 1.8f;
  auto entry = [&](const std::string& id, const char* title) {
    const bool front = id == front_ && is_open(id);
    // Text centred vertically in a tall row: easier to hit for an unsteady hand.
    if (ImGui::Selectable((std::string(title) + "###nav." + id).c_str(), front, 0, ImVec2(0, row_height)))
      show_panel(id);
  };
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
  auto plugin_panels = app_.panels_for(ctx_.current_org());
  if (ctx_.current_org() == 0 || plugin_panels.empty()) ImGui::TextDisabled("%s", tr("gui.sidebar.no_panels"));
  for (const auto& [record, panel] : plugin_panels) entry(panel->id, tr(panel->title_key));
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  for (const auto& p : host_panels_) entry(p.id, tr(p.title_key));
  ImGui::PopStyleVar();
}

}  // namespace wasshoi::gui
