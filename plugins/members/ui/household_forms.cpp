#include "ui/household_forms.hpp"

#include "core/directory.hpp"

namespace wasshoi::members::ui {

namespace {

void label(const char* key) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(key));
  ImGui::SameLine(ImGui::GetFontSize() * 6);
}

void helper_picker(sdk::Context& ctx, PersonForm& form) {
  label("members.field.helper");
  if (form.data.helper) {
    sdk::ui::Text(form.helper_name);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("members.clear"))) form.data.helper.reset();
    return;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  sdk::ui::InputText("##helper_query", form.helper_query);
  if (form.helper_query.empty()) return;
  Directory directory;
  for (const auto& p : directory.search_persons(ctx.db(), ctx.current_org(), form.helper_query, 8,
                                                ctx.access().han_scope(ctx.current_org()))) {
    if (p.id == form.id) continue;
    sdk::ui::same_line_if_fits(sdk::ui::button_width(p.name));
    if (sdk::ui::Button(p.name + "##helper" + std::to_string(p.id))) {
      form.data.helper = p.id;
      form.helper_name = p.name;
      form.helper_query.clear();
    }
  }
}

}  // namespace

HouseholdForm load_household_form(sdk::Database& db, HouseholdId id) {
  HouseholdForm f;
  if (auto h = find_household(db, id)) {
    f.id = h->id;
    f.data = h->data;
    f.joined_text = date_text(h->data.joined);
    f.left_text = date_text(h->data.left);
    f.head_name = h->head_name;
  }
  return f;
}

PersonForm load_person_form(sdk::Database& db, PersonId id) {
  PersonForm f;
  f.open = true;
  if (auto p = find_person(db, id)) {
    f.id = p->id;
    f.data = p->data;
    f.birth_year = p->data.birth_year.value_or(0);
    if (p->data.helper)
      if (auto helper = find_person(db, *p->data.helper)) f.helper_name = helper->data.name;
  }
  return f;
}

bool draw_household_fields(HouseholdForm& f, const std::vector<sdk::HanRef>& han) {
  if (f.id == 0) {
    label("members.field.head_name");
    sdk::ui::InputText("##head_name", f.head_name);
    label("members.field.reading");
    sdk::ui::InputText("##head_reading", f.head_reading);
  }
  label("members.field.han");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  han_combo("##han", han, f.data.han, false);
  label("members.field.address");
  ImGui::SetNextItemWidth(-1);
  sdk::ui::InputText("##address", f.data.address);
  label("members.field.phone");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  sdk::ui::InputText("##phone", f.data.phone);
  label("members.field.people");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputInt("##people", &f.data.people);
  label("members.field.joined");
  const auto joined = sdk::ui::DateInput("##joined", f.joined_text);
  f.data.joined = joined.date;
  const bool joined_ok = joined.valid;
  label("members.field.notes");
  sdk::ui::InputTextMultiline("##notes", f.data.notes, ImVec2(-1, ImGui::GetTextLineHeight() * 3));
  sdk::ui::show(f.message);
  ImGui::BeginDisabled(!joined_ok);
  bool save = ImGui::Button(tr(f.id ? "members.save" : "members.add_household"));
  ImGui::EndDisabled();
  return save;
}

bool draw_person_fields(sdk::Context& ctx, PersonForm& f) {
  label("members.field.name");
  sdk::ui::InputText("##p_name", f.data.name);
  label("members.field.reading");
  sdk::ui::InputText("##p_reading", f.data.reading);
  label("members.field.relation");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  sdk::ui::InputText("##p_relation", f.data.relation);
  ImGui::SameLine();
  ImGui::Checkbox(tr("members.field.head"), &f.data.head);
  label("members.field.birth_year");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputInt("##p_birth", &f.birth_year, 0);
  f.data.birth_year = f.birth_year ? std::optional<int>(f.birth_year) : std::nullopt;
  label("members.field.support");
  ImGui::Checkbox("##p_support", &f.data.needs_support);
  if (f.data.needs_support) {
    label("members.field.support_note");
    sdk::ui::InputText("##p_note", f.data.support_note);
    helper_picker(ctx, f);
  }
  sdk::ui::show(f.message);
  return ImGui::Button(tr(f.id ? "members.save_person" : "members.add_person"));
}

}  // namespace wasshoi::members::ui
