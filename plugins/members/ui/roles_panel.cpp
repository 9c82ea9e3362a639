#include "ui/roles_panel.hpp"

#include <functional>

#include "core/directory.hpp"
#include "core/permissions.hpp"
#include "core/roles.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::members::ui {

namespace {

struct RolesPanelState {
  int fiscal_year = 0;
  std::vector<RoleAssignment> roles;
  std::vector<RoleKind> kinds;
  std::uint64_t generation = 0;
  int loaded_year = 0;
  RoleKindId assign_kind = 0;
  std::string person_query;
  sdk::ui::PanelMessage message;
};

sdk::ui::PerOrg<RolesPanelState> panel_state;

void reload(sdk::Context& ctx, RolesPanelState& s) {
  if (!s.fiscal_year) s.fiscal_year = sdk::fiscal_year(sdk::today());
  if (s.generation == generation() && s.loaded_year == s.fiscal_year) return;
  s.roles = roles_in_year(ctx.db(), ctx.current_org(), s.fiscal_year);
  s.kinds = role_kinds(ctx.db(), ctx.current_org());
  if (!s.assign_kind && !s.kinds.empty()) s.assign_kind = s.kinds.front().id;
  s.generation = generation();
  s.loaded_year = s.fiscal_year;
}

// A write of the roles: a refusal becomes the panel's message.
void attempt(sdk::Context& ctx, RolesPanelState& s, const std::function<void()>& write) {
  sdk::ui::run_action(s.message, {}, [&] {
    write();
    changed(ctx, "roles");
  });
}

void draw_table(sdk::Context& ctx, RolesPanelState& s) {
  constexpr ImGuiTableFlags kFlags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("roles", 4, kFlags)) return;
  for (const char* key : {"members.col.role", "members.col.han", "members.col.name", "members.col.action"})
    ImGui::TableSetupColumn(tr(key));
  ImGui::TableHeadersRow();
  std::optional<std::int64_t> remove;
  for (const auto& a : s.roles) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    sdk::ui::Text(a.role);
    ImGui::TableNextColumn();
    sdk::ui::Text(a.han_name);
    ImGui::TableNextColumn();
    sdk::ui::Text(a.person_name);
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(a.id));
    if (ImGui::SmallButton(tr("members.remove"))) remove = a.id;
    ImGui::PopID();
  }
  ImGui::EndTable();
  if (remove)
    attempt(ctx, s, [&] {
      require_officer(ctx.access(), "removing a role");
      remove_role(ctx.db(), *remove);
    });
}

void draw_assign(sdk::Context& ctx, RolesPanelState& s) {
  sdk::ui::section(tr("members.assign_role"));
  std::string preview;
  for (const auto& k : s.kinds)
    if (k.id == s.assign_kind) preview = k.name;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (sdk::ui::BeginCombo("##kind", preview)) {
    for (const auto& k : s.kinds)
      if (sdk::ui::Selectable(k.name + "##k" + std::to_string(k.id), k.id == s.assign_kind))
        s.assign_kind = k.id;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  sdk::ui::InputText(tr("members.search_person"), s.person_query);
  if (s.person_query.empty()) return;
  Directory directory;
  for (const auto& p : directory.search_persons(ctx.db(), ctx.current_org(), s.person_query, 12,
                                                ctx.access().han_scope(ctx.current_org()))) {
    if (sdk::ui::Button(p.name + "（" + p.han + "）##assign" + std::to_string(p.id)))
      attempt(ctx, s, [&] {
        require_officer(ctx.access(), "assigning a role");
        assign_role(ctx.db(), ctx.current_org(), p.id, s.assign_kind, s.fiscal_year);
      });
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

}  // namespace

void draw_roles_panel(sdk::Context& ctx) {
  if (!may_show_roster(ctx)) return;
  RolesPanelState& s = panel_state.get(ctx);
  reload(ctx, s);
  fiscal_year_picker(s.fiscal_year);
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  const std::string handover =
      std::string(tr("members.hand_over_from")) + sdk::format_fiscal_year_ja(s.fiscal_year - 1);
  if (sdk::ui::Button(handover))
    attempt(ctx, s, [&] {
      int n = hand_over(ctx.db(), ctx.current_org(), s.fiscal_year - 1, s.fiscal_year);
      ctx.notify(std::to_string(n) + tr("members.handed_over"));
    });
  sdk::ui::show(s.message);
  if (s.roles.empty())
    ImGui::TextDisabled("%s", tr("members.no_roles"));
  else
    draw_table(ctx, s);
  draw_assign(ctx, s);
}

}  // namespace wasshoi::members::ui
