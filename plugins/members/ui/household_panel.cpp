#include "ui/household_panel.hpp"

#include <algorithm>

#include "core/directory.hpp"
#include "core/reading.hpp"
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
  // Finding a household: a search (name, reading, address) or a 班 browsed.
  std::string query;
  std::optional<HanId> browse_han;
  std::vector<sdk::HouseholdRef> found;
  std::string found_query = "\x01";  // what `found` was loaded for (never typed)
  std::optional<HanId> found_han;
  std::uint64_t found_generation = 0;
  // Removing a person cannot be undone: asked first. A leaving recorded can be taken back.
  sdk::ui::Confirm remove_person;
  sdk::ui::UndoOffer undo;
  sdk::ui::PanelMessage undo_message;
};

sdk::ui::PerOrg<HouseholdPanelState> household_state;

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

constexpr int kFoundLimit = 200;

void find_households(sdk::Context& ctx, HouseholdPanelState& s) {
  const auto scope = han_scope(ctx);
  if (scope) s.browse_han = scope;
  if (s.found_query == s.query && s.found_han == s.browse_han && s.found_generation == generation()) return;
  s.found.clear();
  if (!s.query.empty()) {
    Directory directory;
    s.found = directory.search_households(ctx.db(), ctx.current_org(), s.query, kFoundLimit, s.browse_han);
  } else if (s.browse_han) {
    for (const auto& h : current_households(ctx.db(), ctx.current_org(), s.browse_han, kFoundLimit))
      s.found.push_back({h.id, h.org, h.head_name, h.data.address, h.han_name, h.data.people, true});
  }
  s.found_query = s.query, s.found_han = s.browse_han, s.found_generation = generation();
}

// 世帯を探す [name, reading, address] 班 [3班 ▼], then the households found, one click each.
void draw_finder(sdk::Context& ctx, HouseholdPanelState& s) {
  const float em = ImGui::GetFontSize();
  // The field shrinks to leave its label room at large text sizes.
  const float label =
      sdk::ui::text_width(tr("members.household.find")) + ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::SetNextItemWidth(std::max(em * 5, std::min(em * 12, ImGui::GetContentRegionAvail().x - label)));
  sdk::ui::InputText(tr("members.household.find"), s.query);
  sdk::ui::same_line_if_fits(em * 7 + sdk::ui::text_width(tr("members.col.han")), em);
  ImGui::SetNextItemWidth(em * 7);
  han_filter(ctx, tr("members.col.han"), s.han, s.browse_han);
  find_households(ctx, s);
  if (s.query.empty() && !s.browse_han) return;
  if (s.found.empty()) {
    ImGui::TextDisabled("%s", tr("members.household.none_found"));
    return;
  }
  const float rows = std::min<float>(static_cast<float>(s.found.size()), 6.0f);
  if (!ImGui::BeginChild("found", ImVec2(0, rows * ImGui::GetTextLineHeightWithSpacing() + 4), true)) {
    ImGui::EndChild();
    return;
  }
  Selection& sel = selection(ctx);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(s.found.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& h = s.found[static_cast<std::size_t>(i)];
      const std::string label =
          h.han + "  " + h.head_name + "  " + h.address + "##found" + std::to_string(h.id);
      if (sdk::ui::SelectableEllipsis(label, sel.household == h.id)) sel.household = h.id;
    }
  ImGui::EndChild();
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

void draw_leave(sdk::Context& ctx, HouseholdPanelState& s) {
  HouseholdForm& f = s.household;
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
      const HouseholdId id = f.id;
      household_leave(ctx.db(), id, *on.date);
      changed(ctx, "household");
      s.undo.offer(f.head_name + tr("members.household.left_done"), [&ctx, id] {
        household_undo_leave(ctx.db(), id);
        changed(ctx, "household");
      });
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
      sdk::ui::Text(reading_for_display(p.data.reading));
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
  if (s.person.id && s.persons.size() > 1) {
    if (ImGui::Button(tr("members.person.remove")))
      s.remove_person.open(tr("members.person.remove_title"), s.person.data.name,
                           tr("members.person.remove"));
  }
  if (s.remove_person.draw())
    sdk::ui::run_action(s.person.message, tr("members.person.removed"), [&] {
      remove_person(ctx.db(), s.person.id);
      s.person = PersonForm{};
      changed(ctx, "person");
    });
  if (!s.person.open) return;
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
  HouseholdPanelState& s = household_state.get(ctx);
  reload(ctx, s);
  draw_finder(ctx, s);
  sdk::ui::show_undo(s.undo, s.undo_message);
  sdk::ui::show(s.undo_message);
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
  draw_leave(ctx, s);
  sdk::ui::section(tr("members.persons"));
  draw_persons(ctx, s);
  draw_person_form(ctx, s);
}

}  // namespace wasshoi::members::ui
