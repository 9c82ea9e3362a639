// The three sections in the editor: entries with a remove button, and a form to add one.
#include "core/documents.hpp"
#include "core/proposals.hpp"
#include "ui/state.hpp"

#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

namespace wasshoi::proposals::ui {

using sdk::tr;

namespace {

bool editable(const Proposal& p) { return p.state == State::Draft || p.state == State::Approved; }

void remove_button(sdk::Context& ctx, EditorState& s, Section section, std::int64_t entry) {
  if (!editable(*s.proposal)) return;
  ImGui::SameLine();
  ImGui::PushID(static_cast<int>(entry));
  if (ImGui::SmallButton(tr("proposals.remove")))
    attempt(ctx, s, [&] { remove_entry(ctx.db(), s.selected, section, entry); });
  ImGui::PopID();
}

void date_and_text(EditorState& s, int form) {
  ImGui::PushID(form);
  ImGui::SetNextItemWidth(130);
  sdk::ui::InputText(tr("proposals.date"), s.date[form]);
  ImGui::SetNextItemWidth(-1);
  sdk::ui::InputText("##text", s.text[form]);
  ImGui::PopID();
}

void gathering(sdk::Context& ctx, EditorState& s) {
  for (const auto& g : s.proposal->gatherings) {
    sdk::ui::BulletText(gathering_line(g));
    remove_button(ctx, s, Section::Gathering, g.id);
  }
  if (!editable(*s.proposal)) return;
  const char* methods[] = {"総会決議", "役員会", "班長会", "アンケート", "住民説明会", "懇談会"};
  ImGui::SetNextItemWidth(130);
  ImGui::Combo(tr("proposals.method"), &s.method, methods, 6);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt(tr("proposals.participants"), &s.participants);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt(tr("proposals.answers"), &s.answers);
  date_and_text(s, 0);
  if (ImGui::Button(tr("proposals.add_gathering")))
    attempt(ctx, s, [&] {
      add_gathering(ctx.db(), s.selected, {0, static_cast<GatheringMethod>(s.method), form_date(s.date[0]), s.participants, s.answers, s.text[0]});
    });
}

void history(sdk::Context& ctx, EditorState& s) {
  for (const auto& h : s.proposal->history) {
    sdk::ui::BulletText(sdk::format_wareki(h.on) + "　" + h.text);
    remove_button(ctx, s, Section::History, h.id);
  }
  if (!editable(*s.proposal)) return;
  date_and_text(s, 1);
  if (ImGui::Button(tr("proposals.add_history")))
    attempt(ctx, s, [&] { add_history(ctx.db(), s.selected, {0, form_date(s.date[1]), s.text[1]}); });
}

void actions(sdk::Context& ctx, EditorState& s) {
  int n = 0;
  for (const auto& a : s.proposal->actions) {
    sdk::ui::BulletText("（" + std::to_string(++n) + "）" + a.text + (a.department_name.empty() ? "" : "【" + a.department_name + "】"));
    remove_button(ctx, s, Section::Actions, a.id);
  }
  if (!editable(*s.proposal)) return;
  ImGui::PushID("actions");
  ImGui::SetNextItemWidth(-1);
  sdk::ui::InputText("##text", s.text[2]);
  ImGui::PopID();
  if (ImGui::Button(tr("proposals.add_action")))
    attempt(ctx, s, [&] { add_action(ctx.db(), s.selected, {0, s.text[2], std::nullopt, ""}); });
}

}  // namespace

void draw_sections(sdk::Context& ctx, EditorState& s) {
  auto flags = ImGuiTreeNodeFlags_DefaultOpen;
  if (ImGui::CollapsingHeader("1. 意見集約の方法", flags)) gathering(ctx, s);
  if (!s.proposal) return;
  if (ImGui::CollapsingHeader("2. 経過", flags)) history(ctx, s);
  if (!s.proposal) return;
  if (ImGui::CollapsingHeader("3. 具体的な提案", flags)) actions(ctx, s);
}

}  // namespace wasshoi::proposals::ui
