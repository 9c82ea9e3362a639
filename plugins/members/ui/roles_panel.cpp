#include "ui/roles_panel.hpp"

#include <functional>

#include "core/directory.hpp"
#include "core/documents.hpp"
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
  Paper paper = ui::paper();  // the 役員名簿 for the city
  // A correction: the assignment being removed or given to `change_to`, asked with its reason.
  std::int64_t correcting = 0;
  PersonId change_to = 0;
  std::string change_query;
  sdk::ui::ReasonPrompt reason;
  // The organization's own kinds: a new one, a rename.
  std::string new_kind;
  bool new_kind_per_han = false;
  RoleKindId renaming = 0;
  std::string rename_to;
  sdk::ui::Confirm remove_kind;
  RoleKindId removing_kind = 0;
};

sdk::ui::PerOrg<RolesPanelState> roles_state;

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

void draw_table(RolesPanelState& s) {
  constexpr ImGuiTableFlags kFlags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("roles", 4, kFlags)) return;
  for (const char* key : {"members.col.role", "members.col.han", "members.col.name", "members.col.action"})
    ImGui::TableSetupColumn(tr(key));
  ImGui::TableHeadersRow();
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
    if (ImGui::SmallButton(tr("members.roles.change"))) {
      s.correcting = s.correcting == a.id && s.change_to == 0 ? 0 : a.id;
      s.change_to = 0;
      s.change_query.clear();
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("members.remove"))) {
      s.correcting = a.id;
      s.change_to = 0;
      s.reason.open(tr("members.roles.remove_title"), a.role + "  " + a.person_name, tr("members.remove"));
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// 変更 on a row: who should hold it instead (a search), then the reason.
void draw_change(sdk::Context& ctx, RolesPanelState& s) {
  const RoleAssignment* a = nullptr;
  for (const auto& r : s.roles)
    if (r.id == s.correcting) a = &r;
  if (!a || s.reason.is_open()) return;
  sdk::ui::section(std::string(tr("members.roles.change_title")) + "  " + a->role + "  " + a->person_name);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  sdk::ui::InputText(tr("members.roles.new_holder"), s.change_query);
  if (s.change_query.empty()) return;
  Directory directory;
  for (const auto& p :
       directory.search_persons(ctx.db(), ctx.current_org(), s.change_query, 12, std::nullopt)) {
    const std::string label = p.name + "（" + p.han + "）";
    sdk::ui::same_line_if_fits(sdk::ui::button_width(label));
    if (sdk::ui::Button(label + "##to" + std::to_string(p.id))) {
      s.change_to = p.id;
      s.reason.open(tr("members.roles.change_title"), a->role + "  " + a->person_name + " → " + p.name,
                    tr("members.roles.change"));
    }
  }
  ImGui::NewLine();
}

void draw_correction(sdk::Context& ctx, RolesPanelState& s) {
  auto reason = s.reason.draw();
  if (!reason) return;
  attempt(ctx, s, [&] {
    require_officer(ctx.access(), "correcting a role");
    if (s.change_to)
      change_role_holder(ctx.db(), ctx.current_org(), s.correcting, s.change_to, *reason);
    else
      remove_role(ctx.db(), s.correcting, *reason);
    s.correcting = 0, s.change_to = 0;
  });
}

// The organization's own 役職 kinds: add, rename, remove (the defaults stay as they are).
void draw_kinds(sdk::Context& ctx, RolesPanelState& s) {
  sdk::ui::section(tr("members.roles.kinds"));
  for (const auto& k : s.kinds) {
    ImGui::PushID(static_cast<int>(k.id));
    if (s.renaming == k.id) {
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
      sdk::ui::InputText("##rename", s.rename_to);
      ImGui::SameLine();
      if (ImGui::SmallButton(tr("members.save")))
        attempt(ctx, s, [&] {
          require_officer(ctx.access(), "renaming a role");
          rename_role_kind(ctx.db(), ctx.current_org(), k.id, s.rename_to);
          s.renaming = 0;
        });
    } else {
      const std::string label = k.name + (k.per_han ? std::string(" ") + tr("members.roles.per_han") : "");
      sdk::ui::Text(label);
      if (!k.builtin) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("members.roles.rename"))) s.renaming = k.id, s.rename_to = k.name;
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("members.roles.remove_kind"))) {
          s.removing_kind = k.id;
          s.remove_kind.open(tr("members.roles.remove_kind_title"), k.name, tr("members.roles.remove_kind"));
        }
      }
    }
    ImGui::PopID();
  }
  if (s.remove_kind.draw())
    attempt(ctx, s, [&] {
      require_officer(ctx.access(), "removing a role");
      remove_role_kind(ctx.db(), ctx.current_org(), s.removing_kind);
    });
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  sdk::ui::InputText("##new_kind", s.new_kind);
  sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(tr("members.roles.per_han")));
  ImGui::Checkbox(tr("members.roles.per_han"), &s.new_kind_per_han);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("members.roles.add_kind")));
  if (ImGui::Button(tr("members.roles.add_kind")))
    attempt(ctx, s, [&] {
      require_officer(ctx.access(), "adding a role");
      add_role_kind(ctx.db(), ctx.current_org(), s.new_kind, s.new_kind_per_han);
      s.new_kind.clear();
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
  RolesPanelState& s = roles_state.get(ctx);
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
  if (!han_scope(ctx) && !s.roles.empty()) {  // the whole 自治会's officers: not a 班長's to print
    sdk::ui::same_line_if_fits(sdk::ui::text_width(tr("members.roles.officers_list")) +
                                   sdk::ui::button_width(tr("sdk.ui.document.save_pdf")) * 2,
                               ImGui::GetFontSize());
    sdk::ui::Text(tr("members.roles.officers_list"));
    ImGui::SameLine();
    s.paper->draw(
        s.message,
        sdk::ui::document_file_name({"役員名簿", sdk::format_fiscal_year_ja(s.fiscal_year)}, ".pdf"),
        [&] {
          return officers_document(ctx.db(), sdk::organizations(ctx), ctx.access(), ctx.current_org(),
                                   s.fiscal_year);
        },
        {.personal_data = true});
  }
  sdk::ui::show(s.message);
  if (s.roles.empty())
    ImGui::TextDisabled("%s", tr("members.no_roles"));
  else
    draw_table(s);
  draw_change(ctx, s);
  draw_correction(ctx, s);
  draw_assign(ctx, s);
  if (!han_scope(ctx)) draw_kinds(ctx, s);
}

}  // namespace wasshoi::members::ui
