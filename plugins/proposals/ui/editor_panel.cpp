// The editor: proposals of the organization on the left, the selected 要望書 in the middle (header,
// the three sections, the life-cycle step it is at) and, on the right, the text as it will print.
#include "core/lifecycle.hpp"
#include "core/proposals.hpp"
#include "ui/state.hpp"

#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

namespace wasshoi::proposals::ui {

using sdk::tr;

namespace {

void draw_new_form(sdk::Context& ctx, EditorState& s) {
  ImGui::SetNextItemWidth(-1);
  sdk::ui::InputText("##new_title", s.new_title);
  if (ImGui::Button(tr("proposals.new"))) {
    attempt(ctx, s, [&] {
      s.selected = add_proposal(ctx.db(), {s.org, s.new_title, Kind::Request, Addressee::Mayor, 0, "", "", sdk::today()});
      s.new_title.clear();
    });
  }
}

void draw_list(sdk::Context& ctx, EditorState& s) {
  ImGui::BeginChild("list", ImVec2(220, 0), true);
  draw_new_form(ctx, s);
  ImGui::Separator();
  for (const auto& p : list_proposals(ctx.db(), s.org)) {
    ImGui::PushID(static_cast<int>(p.id));
    std::string line = std::string("[") + label(p.state) + "] " + p.title;
    if (sdk::ui::Selectable(line, p.id == s.selected)) {
      s.selected = p.id;
      s.message.clear();
      reload(ctx, s);
    }
    if (p.org != s.org && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.org_name.c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void draw_header(sdk::Context& ctx, EditorState& s) {
  const Proposal& p = *s.proposal;
  sdk::ui::TextWrapped(p.title + "（" + label(p.kind) + "）");
  ImGui::TextDisabled("%s %s / %s / %s", tr("proposals.state"), label(p.state),
                      sdk::format_fiscal_year_ja(p.fiscal_year).c_str(), p.org_name.c_str());
  sdk::ui::TextWrapped(std::string(tr("proposals.addressee")) + ": " + addressee_title(ctx.db(), p.addressee, p.addressee_org) + " 様");
  if (!p.place.empty()) sdk::ui::Text(std::string(tr("proposals.place")) + ": " + p.place);
  if (!p.issues.empty()) {
    std::string issues;
    for (const auto& i : p.issues) issues += (issues.empty() ? "" : "、") + i.title;
    sdk::ui::TextWrapped(std::string(tr("proposals.issues")) + ": " + issues);
  }
  auto missing = missing_for_submit(p);
  if (!missing.empty() && (p.state == State::Draft || p.state == State::Approved))
    for (const auto& m : missing) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.35f, 0.1f, 1));
      sdk::ui::TextWrapped(std::string(tr("proposals.missing")) + " " + m);
      ImGui::PopStyleColor();
    }
  if (!s.message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.9f, 0.1f, 0.1f, 1));
    sdk::ui::TextWrapped(s.message);
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
}

void draw_preview(EditorState& s) {
  ImGui::BeginChild("preview", ImVec2(0, 0), true);
  ImGui::TextDisabled("%s", tr("proposals.preview"));
  ImGui::Separator();
  sdk::ui::TextWrapped(s.preview);
  ImGui::EndChild();
}

}  // namespace

void draw_editor(sdk::Context& ctx) {
  EditorState& s = editor_state();
  if (ctx.current_org() == 0) {
    ImGui::TextUnformatted(tr("proposals.choose_org"));
    return;
  }
  if (s.org != ctx.current_org()) {
    s = EditorState{};
    s.org = ctx.current_org();
    auto list = list_proposals(ctx.db(), s.org);
    if (!list.empty()) s.selected = list.front().id;
    reload(ctx, s);
  }
  draw_list(ctx, s);
  ImGui::SameLine();
  float width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  ImGui::BeginChild("editor", ImVec2(width, 0), true);
  if (s.proposal) {
    draw_header(ctx, s);
    draw_sections(ctx, s);
    draw_lifecycle(ctx, s);
  } else {
    ImGui::TextUnformatted(tr("proposals.none_selected"));
  }
  ImGui::EndChild();
  ImGui::SameLine();
  draw_preview(s);
}

}  // namespace wasshoi::proposals::ui
