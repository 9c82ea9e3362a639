// The three sections in the editor: entries with a remove button, and a form to add one.
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "core/documents.hpp"
#include "core/orgs.hpp"
#include "core/proposals.hpp"
#include "ui/state.hpp"

namespace wasshoi::proposals::ui {

using sdk::tr;

namespace {

void remove_button(sdk::Context& ctx, EditorState& s, Section section, std::int64_t entry) {
  if (!editable(*s.proposal)) return;
  sdk::ui::same_line_if_fits(sdk::ui::text_width(tr("proposals.remove")) +
                             ImGui::GetStyle().FramePadding.x * 2);
  ImGui::PushID(static_cast<int>(entry));
  if (ImGui::SmallButton(tr("proposals.remove")))
    attempt(ctx, s, [&] { remove_entry(ctx.db(), s.selected, section, entry); });
  ImGui::PopID();
}

void date_and_text(EditorState& s, int form) {
  ImGui::PushID(form);
  sdk::ui::DateInput(tr("proposals.date"), s.date[form]);
  sdk::ui::same_line_if_fits(sdk::ui::text_width(tr("proposals.date_hint")));
  sdk::ui::TextDisabled(tr("proposals.date_hint"));
  ImGui::SetNextItemWidth(-em(4));
  sdk::ui::InputText(tr(form == 0 ? "proposals.result" : "proposals.text"), s.text[form]);
  ImGui::PopID();
}

void gathering(sdk::Context& ctx, EditorState& s) {
  for (const auto& g : s.proposal->gatherings) {
    sdk::ui::BulletText(gathering_line(g));
    remove_button(ctx, s, Section::Gathering, g.id);
  }
  if (!editable(*s.proposal)) return;
  std::vector<std::string> methods;
  for (int m = 0; m < 6; ++m) methods.push_back(tr_enum("method", static_cast<GatheringMethod>(m)));
  ImGui::SetNextItemWidth(em(12));
  combo(tr("proposals.method"), s.method, methods);
  ImGui::SetNextItemWidth(em(7));
  ImGui::InputInt(tr("proposals.participants"), &s.participants);
  sdk::ui::same_line_if_fits(em(7) + ImGui::GetStyle().ItemInnerSpacing.x +
                             sdk::ui::text_width(tr("proposals.answers")));
  ImGui::SetNextItemWidth(em(7));
  ImGui::InputInt(tr("proposals.answers"), &s.answers);
  date_and_text(s, 0);
  if (ImGui::Button(tr("proposals.add_gathering")))
    attempt(ctx, s, [&] {
      add_gathering(ctx.db(), s.selected,
                    {0, static_cast<GatheringMethod>(s.method), form_date(s.date[0]), s.participants,
                     s.answers, s.text[0]});
    });
}

void history(sdk::Context& ctx, EditorState& s) {
  for (const auto& h : s.proposal->history) {
    sdk::ui::BulletText(wareki_text(h.on) + "　" + h.text);
    remove_button(ctx, s, Section::History, h.id);
  }
  if (!editable(*s.proposal)) return;
  date_and_text(s, 1);
  if (ImGui::Button(tr("proposals.add_history")))
    attempt(ctx, s, [&] { add_history(ctx.db(), s.selected, {0, form_date(s.date[1]), s.text[1]}); });
}

// 担当課 of the next item: the city's 支所 and 課 (an item for another 課 gets a sheet of its own).
void department_combo(sdk::Context& ctx, EditorState& s) {
  std::vector<sdk::OrgRef> departments;
  std::vector<std::string> names{tr("proposals.no_department")};
  int current = 0;
  for (auto& b : sdk::organizations(ctx).of_kind(ctx.db(), sdk::OrgKind::City))
    if (b.parent) {
      if (b.id == s.action_department) current = static_cast<int>(names.size());
      names.push_back(b.name);
      departments.push_back(std::move(b));
    }
  ImGui::SetNextItemWidth(em(14));
  combo(tr("proposals.department"), current, names);
  s.action_department = current == 0 ? 0 : departments[current - 1].id;
}

void actions(sdk::Context& ctx, EditorState& s) {
  int n = 0;
  for (const auto& a : s.proposal->actions) {
    sdk::ui::BulletText("（" + std::to_string(++n) + "）" + a.text +
                        (a.department_name.empty() ? "" : "【" + a.department_name + "】"));
    remove_button(ctx, s, Section::Actions, a.id);
  }
  if (!editable(*s.proposal)) return;
  ImGui::PushID("actions");
  ImGui::SetNextItemWidth(-em(4));
  sdk::ui::InputText(tr("proposals.text"), s.text[2]);
  department_combo(ctx, s);
  ImGui::PopID();
  if (ImGui::Button(tr("proposals.add_action"))) {
    std::optional<OrgId> dept;
    if (s.action_department) dept = s.action_department;
    attempt(ctx, s, [&] {
      add_action(ctx.db(), sdk::organizations(ctx), s.selected, {0, s.text[2], dept, ""});
    });
  }
}

}  // namespace

void draw_sections(sdk::Context& ctx, EditorState& s) {
  auto flags = ImGuiTreeNodeFlags_DefaultOpen;
  auto heading = [](int n, Section section) {
    return std::to_string(n) + ". " + tr_enum("section", section);
  };
  if (ImGui::CollapsingHeader(heading(1, Section::Gathering).c_str(), flags)) gathering(ctx, s);
  if (!s.proposal) return;
  if (ImGui::CollapsingHeader(heading(2, Section::History).c_str(), flags)) history(ctx, s);
  if (!s.proposal) return;
  if (ImGui::CollapsingHeader(heading(3, Section::Actions).c_str(), flags)) actions(ctx, s);
}

}  // namespace wasshoi::proposals::ui
