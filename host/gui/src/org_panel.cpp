#include "org_panel.hpp"

#include <algorithm>
#include <wasshoi/host/setup.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "access.hpp"
#include "labels.hpp"

namespace wasshoi::gui {

using host::OrgKind;
using sdk::tr;

namespace {

constexpr OrgKind kKinds[] = {OrgKind::Jichikai, OrgKind::Kyodotai, OrgKind::Npo,
                              OrgKind::Company,  OrgKind::City,     OrgKind::Support};

// Mirrors Organizations::check_parent: which kind of organization may be the parent.
std::optional<OrgKind> parent_kind(OrgKind kind) {
  switch (kind) {
    case OrgKind::Jichikai:
    case OrgKind::Npo:
    case OrgKind::Company:
      return OrgKind::Kyodotai;
    case OrgKind::City:
      return OrgKind::City;
    default:
      return std::nullopt;
  }
}

const host::Organization* find(const std::vector<host::Organization>& orgs, sdk::OrgId id) {
  auto it = std::find_if(orgs.begin(), orgs.end(), [&](const auto& o) { return o.id == id; });
  return it == orgs.end() ? nullptr : &*it;
}

// Label left, field filling the rest of the line: forms read like a paper form.
void field_label(const char* label) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(ImGui::GetFontSize() * 6.0f);
  ImGui::SetNextItemWidth(-1);
}

}  // namespace

void OrganizationsPanel::write(sdk::OrgId org, const std::function<void()>& action, const char* done_key) {
  try {
    // Host core decides whether the officer may change `org`, as for `wasshoi-cli org …`.
    if (org != 0) app_.enter(org, "");
    action();
    ctx_.notify(tr(done_key));
  } catch (const sdk::Error& e) {
    ctx_.notify(e.what());
  }
  changed_();  // the shell refreshes, and enters its own organization again
}

void OrganizationsPanel::draw() {
  const std::vector<host::Organization> orgs = enterable_orgs(app_, app_.orgs().list());
  if (!find(orgs, selected_)) selected_ = ctx_.current_org();
  constexpr ImGuiTableFlags kLayout = ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV;
  // Room for long names, but never more than half: the details need it at 28 px too.
  const float list_width = std::min(ImGui::GetFontSize() * 21.0f, ImGui::GetContentRegionAvail().x * 0.5f);
  if (!ImGui::BeginTable("org_layout", 2, kLayout)) return;
  ImGui::TableSetupColumn("list", ImGuiTableColumnFlags_WidthFixed, list_width);
  ImGui::TableSetupColumn("details", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableNextColumn();
  draw_list(orgs);
  ImGui::Spacing();
  draw_add_form(orgs);
  ImGui::TableNextColumn();
  if (const host::Organization* org = find(orgs, selected_))
    draw_details(*org, orgs);
  else
    sdk::ui::TextWrapped(tr("gui.orgs.select_hint"));
  ImGui::EndTable();
}

void OrganizationsPanel::draw_list(const std::vector<host::Organization>& orgs) {
  sdk::ui::TextDisabled(tr("gui.orgs.list"));
  const float form_height = ImGui::GetFrameHeightWithSpacing() * 6.0f;
  ImGui::BeginChild("org_list", ImVec2(0, -form_height), true);
  if (orgs.empty()) sdk::ui::TextWrapped(tr("gui.orgs.empty"));
  for (const OrgRow& row : org_tree(orgs)) {
    if (row.depth > 0) ImGui::Indent();
    if (sdk::ui::SelectableEllipsis(org_label(*row.org) + "##o" + std::to_string(row.org->id),
                                    row.org->id == selected_))
      selected_ = row.org->id;
    if (row.depth > 0) ImGui::Unindent();
  }
  ImGui::EndChild();
}

void OrganizationsPanel::draw_add_form(const std::vector<host::Organization>& orgs) {
  sdk::ui::TextDisabled(tr("gui.orgs.add_title"));
  field_label(tr("gui.orgs.name"));
  sdk::ui::InputText("##new_name", new_name_);
  const OrgKind kind = kKinds[new_kind_];
  field_label(tr("gui.orgs.kind"));
  if (ImGui::BeginCombo("##new_kind", tr(host::kind_label_key(kind)))) {
    for (int i = 0; i < static_cast<int>(std::size(kKinds)); ++i)
      if (ImGui::Selectable(tr(host::kind_label_key(kKinds[i])), i == new_kind_)) new_kind_ = i;
    ImGui::EndCombo();
  }
  const auto allowed = parent_kind(kind);
  const host::Organization* parent = allowed ? find(orgs, new_parent_) : nullptr;
  if (parent && parent->kind != *allowed) parent = nullptr;
  field_label(tr("gui.orgs.parent"));
  if (sdk::ui::BeginCombo("##new_parent", parent ? parent->name : tr("gui.orgs.no_parent"))) {
    if (ImGui::Selectable(tr("gui.orgs.no_parent"), !parent)) new_parent_ = 0;
    for (const auto& o : orgs)
      if (allowed && o.kind == *allowed &&
          sdk::ui::Selectable(o.name + "##p" + std::to_string(o.id), parent == &o))
        new_parent_ = o.id;
    ImGui::EndCombo();
  }
  if (ImGui::Button(tr("gui.orgs.add"), ImVec2(-1, 0))) {
    std::optional<sdk::OrgId> parent_id;
    if (parent) parent_id = parent->id;
    write(
        0,
        [&] {
          selected_ = app_.add_organization(kind, new_name_, parent_id);
          new_name_.clear();
        },
        "gui.msg.org_added");
  }
}

void OrganizationsPanel::draw_details(const host::Organization& org,
                                      const std::vector<host::Organization>& orgs) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  sdk::ui::TextWrapped(org.name);
  ImGui::PopStyleColor();
  ImGui::Text("%s%s", tr("gui.sidebar.kind"), tr(host::kind_label_key(org.kind)));
  if (org.parent)
    if (const host::Organization* p = find(orgs, *org.parent))
      sdk::ui::TextWrapped(std::string(tr("gui.sidebar.part_of")) + p->name);
  if (org.id != ctx_.current_org() && ImGui::Button(tr("gui.orgs.work_here"))) work_in_(org.id);
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  draw_han(org);
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  draw_plugins(org);
}

void OrganizationsPanel::draw_han(const host::Organization& org) {
  sdk::ui::TextDisabled(tr("gui.orgs.han"));
  if (org.kind != OrgKind::Jichikai) {
    sdk::ui::TextWrapped(tr("gui.orgs.han_only_jichikai"));
    return;
  }
  const auto han = app_.orgs().han(org.id);
  if (han.empty()) sdk::ui::TextWrapped(tr("gui.orgs.han_none"));
  // 班 side by side, as many per line as fit: a 自治会 often has twenty or more.
  const int columns =
      std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / (ImGui::GetFontSize() * 9.0f)));
  if (!han.empty() && ImGui::BeginTable("han", columns, ImGuiTableFlags_BordersInnerV)) {
    for (const auto& h : han) {
      ImGui::TableNextColumn();
      sdk::ui::TextEllipsis(h.name);
    }
    ImGui::EndTable();
  }
}

// Which plugins the organization uses, read only: they are chosen, like its 班, in 設定 (one place
// for every change to an organization).
void OrganizationsPanel::draw_plugins(const host::Organization& org) {
  sdk::ui::TextDisabled(tr("gui.orgs.plugins"));
  std::string used;
  for (const auto& r : app_.plugins().plugins())
    if (r.state == host::PluginState::Loaded && app_.orgs().is_enabled(org.id, r.id))
      used += (used.empty() ? "" : "、") + plugin_name(r);
  sdk::ui::TextWrapped(used.empty() ? std::string(tr("gui.orgs.no_plugins")) : used);
  ImGui::Spacing();
  const std::string label = tr("gui.orgs.open_settings");
  if (sdk::ui::Button(label + "##settings")) open_settings_(org.id);
}

}  // namespace wasshoi::gui
