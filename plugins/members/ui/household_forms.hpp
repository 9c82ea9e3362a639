#pragma once
// The household editor's forms: what the user is typing, kept apart from what is stored until
// they save. Fields hold the stored text unchanged (𠮷 included) unless the user edits them.
#include "core/households.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::members::ui {

struct HouseholdForm {
  HouseholdId id = 0;  // 0: a new household
  HouseholdData data;
  std::string joined_text, left_text, leave_text;
  std::string head_name, head_reading;  // for a new household
  sdk::ui::PanelMessage message;        // why the last save was refused
};

struct PersonForm {
  PersonId id = 0;  // 0: a person being added
  PersonData data;
  int birth_year = 0;
  std::string helper_query;
  std::string helper_name;
  sdk::ui::PanelMessage message;  // why the last save was refused
  bool open = false;
};

HouseholdForm load_household_form(sdk::Database& db, HouseholdId id);
PersonForm load_person_form(sdk::Database& db, PersonId id);

// Draw the fields; true when the user pressed the form's save button.
bool draw_household_fields(HouseholdForm& form, const std::vector<sdk::HanRef>& han);
bool draw_person_fields(sdk::Context& ctx, PersonForm& form);

}  // namespace wasshoi::members::ui
