#include "ui/household_panel.hpp"

#include <algorithm>

#include "ui/household_forms.hpp"

namespace wasshoi::members::ui {

namespace {

struct HouseholdPanelState {
  HouseholdForm household;
  PersonForm person;
  std::vector<Person> persons;
  std::vector<sdk::HanRef> han;
  HouseholdId loaded = -1;
  std::uint64_t generation = 0;
};

sdk::ui::PerOrg<HouseholdPanelState> panel_state;

// Opened with nothing chosen in the roster, the editor shows the first household (of the
// 班長's own 班, for a 班長).
HouseholdId first_household(sdk::Database& db, OrgId org, std::optional<HanId> han) {
  sdk::Statement st(db,
                    "SELECT min(id) FROM members_households WHERE org_id = ? AND left_on IS NULL "
                    "AND (?2 IS NULL OR han_id = ?2)");
  st.bind(1, org).bind(2, han);
  return st.step() ? st.get_optional_int(0).value_or(0) : 0;
}

// A household the officer may open: in the organization, and in the 班長's 班.
bool may_open(sdk::Database& db, HouseholdId id, OrgId org, std::optional<HanId> han) {
  sdk::Statement st(
      db, "SELECT 1 FROM members_households WHERE id = ? AND org_id = ? AND (?3 IS NULL OR han_id = ?3)");
  st.bind(1, id).bind(2, org).bind(3, han);
  return st.step();
}

void reload(sdk::Context& ctx, HouseholdPanelState& s) {
  const auto han = ctx.access().han_scope(ctx.current_org());
  Selection& sel = selection(ctx);
  // A household the officer may not open (a write moved it out of a 班長's 班) is let go.
  if (sel.household != 0 && !may_open(ctx.db(), sel.household, ctx.current_org(), han))
    sel.household = 0, s.loaded = -1;
  if (s.loaded == -1 && sel.household == 0) sel.household = first_household(ctx.db(), ctx.current_org(), han);
  if (s.loaded == sel.household && s.generation == generation()) return;
  const bool other_household = s.loaded != sel.household;
  s.loaded = sel.household;
  s.generation = generation();
  s.han = sdk::organizations(ctx).han(ctx.db(), ctx.current_org());
  s.household = load_household_form(ctx.db(), sel.household);
  s.persons = sel.household ? household_persons(ctx.db(), sel.household) : std::vector<Person>{};
  if (other_household) s.person = PersonForm{};
  if (s.person.open && s.person.id) s.person = load_person_form(ctx.db(), s.person.id);
  if (!s.household.id && sel.household) sel.household = 0;  // it no longer exists
}

void save_household(sdk::Context& ctx, HouseholdPanelState& s) {
  HouseholdForm& f = s.household;
  sdk::ui::run_action(f.message, {}, [&] {
    if (f.id) {
      update_household(ctx.db(), f.id, f.data);
    } else {
      PersonData head{f.head_name, f.head_reading, std::nullopt, true, ""};
      selection(ctx).household = add_household(ctx.db(), ctx.current_org(), f.data, {head});
    }
    changed(ctx, "household");
  });
}

void draw_leave(sdk::Context& ctx, HouseholdForm& f) {
  if (f.data.left) {
    sdk::ui::Text(std::string(tr("members.left_on")) + date_text(f.data.left));
    return;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("members.leave_date"));
  ImGui::SameLine();
  const auto on = sdk::ui::DateInput("##leave_on", f.leave_text);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("members.record_leave")));
  ImGui::BeginDisabled(!on.has_date());
  if (ImGui::Button(tr("members.record_leave")))
    sdk::ui::run_action(f.message, {}, [&] {
      household_leave(ctx.db(), f.id, *on.date);
      changed(ctx, "household");
    });
  ImGui::EndDisabled();
}

void draw_persons(sdk::Context& ctx, HouseholdPanelState& s) {
  constexpr ImGuiTableFlags kFlags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("persons", 5, kFlags)) {
    for (const char* key : {"members.col.name", "members.col.reading", "members.col.relation",
                            "members.col.birth_year", "members.col.marks"})
      ImGui::TableSetupColumn(tr(key));
    ImGui::TableHeadersRow();
    for (const auto& p : s.persons) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (sdk::ui::Selectable(p.data.name + "##p" + std::to_string(p.id), s.person.id == p.id,
                              ImGuiSelectableFlags_SpanAllColumns))
        s.person = load_person_form(ctx.db(), p.id);
      ImGui::TableNextColumn();
      sdk::ui::Text(p.data.reading);
      ImGui::TableNextColumn();
      sdk::ui::Text(p.data.head ? tr("members.head") : p.data.relation);
      ImGui::TableNextColumn();
      if (p.data.birth_year) ImGui::Text("%d", *p.data.birth_year);
      ImGui::TableNextColumn();
      if (p.data.needs_support) ImGui::TextUnformatted(tr("members.mark.support"));
    }
    ImGui::EndTable();
  }
  if (ImGui::Button(tr("members.new_person"))) s.person = PersonForm{.open = true};
}

void draw_person_form(sdk::Context& ctx, HouseholdPanelState& s) {
  if (!s.person.open) return;
  sdk::ui::section(tr(s.person.id ? "members.edit_person" : "members.new_person"));
  if (!draw_person_fields(ctx, s.person)) return;
  sdk::ui::run_action(s.person.message, {}, [&] {
    if (s.person.id)
      update_person(ctx.db(), s.person.id, s.person.data);
    else
      s.person = load_person_form(ctx.db(), add_person(ctx.db(), s.household.id, s.person.data));
    changed(ctx, "person");
  });
}

}  // namespace

void draw_household_panel(sdk::Context& ctx) {
  if (!may_show_roster(ctx)) return;
  HouseholdPanelState& s = panel_state.get(ctx);
  reload(ctx, s);
  if (ImGui::Button(tr("members.new_household"))) {
    selection(ctx).household = 0;
    s.loaded = 0;
    s.household = HouseholdForm{};
    s.household.data.han = han_scope(ctx);
    s.persons.clear();
  }
  const std::string title = s.household.id ? std::string(tr("members.household")) + " " +
                                                 std::to_string(s.household.id) + "  " + s.household.head_name
                                           : std::string(tr("members.household_hint"));
  sdk::ui::same_line_if_fits(std::min(sdk::ui::text_width(title), ImGui::GetFontSize() * 10));
  if (!s.household.id) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  sdk::ui::TextWrapped(title);
  if (!s.household.id) ImGui::PopStyleColor();
  ImGui::Separator();
  if (draw_household_fields(s.household, s.han)) save_household(ctx, s);
  if (!s.household.id) return;
  draw_leave(ctx, s.household);
  sdk::ui::section(tr("members.persons"));
  draw_persons(ctx, s);
  draw_person_form(ctx, s);
}

}  // namespace wasshoi::members::ui
