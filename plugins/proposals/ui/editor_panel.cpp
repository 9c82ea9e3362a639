// The editor: proposals of the organization on the left, the selected 要望書 in the middle (header,
// the three sections, pictures, the life-cycle step it is at, PDF出力) and, on the right, the text
// as it will print.
#include <wasshoi/sdk/ui.hpp>

#include "core/proposals.hpp"
#include "ui/state.hpp"

namespace wasshoi::proposals::ui {

using sdk::tr;

namespace {

void draw_new_form(sdk::Context& ctx, EditorState& s) {
  ImGui::TextUnformatted(tr("proposals.new_title"));
  ImGui::SetNextItemWidth(-1);
  sdk::ui::InputText("##new_title", s.new_title);
  if (ImGui::Button(tr("proposals.new"), ImVec2(-1, 0))) {
    attempt(ctx, s, [&] {
      s.selected =
          add_proposal(ctx.db(), sdk::organizations(ctx),
                       {s.org, s.new_title, Kind::Request, Addressee::Mayor, 0, "", "", sdk::today()});
      s.new_title.clear();
    });
  }
}

// The list of 要望書: a column of 13 em beside the editor, or (width 0) a whole tab.
void draw_list(sdk::Context& ctx, EditorState& s, float width) {
  ImGui::BeginChild("list", ImVec2(width, 0), true);
  draw_new_form(ctx, s);
  ImGui::Separator();
  int year = 0;
  for (const auto& p : list_proposals(ctx.db(), sdk::organizations(ctx), s.org)) {
    if (p.fiscal_year != year)
      ImGui::TextDisabled("%s", sdk::format_fiscal_year_ja(year = p.fiscal_year).c_str());
    ImGui::PushID(static_cast<int>(p.id));
    std::string line = std::string("［") + tr_enum("state", p.state) + "］" + p.title;
    if (sdk::ui::SelectableEllipsis(line, p.id == s.selected)) {
      s.selected = p.id;
      s.message.clear();
      s.open_editor_tab = true;
      reload(ctx, s);
    }
    if (ImGui::IsItemHovered())  // the list is narrow: the whole title, and whose it is
      ImGui::SetTooltip("%s",
                        sdk::ui::display_text(p.title + "\n" + p.org_name + "　→ " + p.addressee).c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void draw_preview(EditorState& s) {
  ImGui::BeginChild("preview", ImVec2(0, 0), true);
  ImGui::TextDisabled("%s", tr("proposals.preview"));
  ImGui::Separator();
  if (!s.preview_error.empty()) sdk::ui::warning_text(s.preview_error);
  if (s.document) draw_document_preview(*s.document);
  ImGui::EndChild();
}

void draw_body(sdk::Context& ctx, EditorState& s) {
  if (!s.proposal) {
    ImGui::TextUnformatted(tr("proposals.none_selected"));
    sdk::ui::show(s.message);
    return;
  }
  draw_header(ctx, s);
  if (s.proposal) draw_export(ctx, s);  // near the top: printing is what the letter is for
  if (s.proposal) draw_sections(ctx, s);
  if (s.proposal) draw_attachments(ctx, s);
  if (s.proposal) draw_lifecycle(ctx, s);
}

// Inside a tab bar: the editor and the preview as two tabs; `edit_flags` on the editor's tab
// (ImGuiTabItemFlags_SetSelected brings it to the front).
void draw_editor_tabs(sdk::Context& ctx, EditorState& s, ImGuiTabItemFlags edit_flags) {
  if (ImGui::BeginTabItem(tr("proposals.tab_edit"), nullptr, edit_flags)) {
    ImGui::BeginChild("editor", ImVec2(0, 0), true);
    draw_body(ctx, s);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(tr("proposals.tab_preview"))) {
    draw_preview(s);
    ImGui::EndTabItem();
  }
}

}  // namespace

void draw_editor(sdk::Context& ctx) {
  if (ctx.current_org() == 0) {
    ImGui::TextUnformatted(tr("proposals.choose_org"));
    return;
  }
  EditorState& s = editor_state(ctx);
  if (s.org == 0) {  // a fresh state: another organization, or another sign-in
    s.org = ctx.current_org();
    auto list = list_proposals(ctx.db(), sdk::organizations(ctx), s.org);
    if (!list.empty()) s.selected = list.front().id;
    reload(ctx, s);
  }
  // With large letters on a laptop (less than 43 em across) the list, the editor and the preview
  // are three tabs; else the list stays on the left.
  if (ImGui::GetContentRegionAvail().x < em(43)) {
    if (ImGui::BeginTabBar("editor_tabs_narrow")) {
      if (ImGui::BeginTabItem(tr("proposals.tab_list"))) {
        draw_list(ctx, s, 0);
        ImGui::EndTabItem();
      }
      draw_editor_tabs(ctx, s, s.open_editor_tab ? ImGuiTabItemFlags_SetSelected : 0);
      s.open_editor_tab = false;
      ImGui::EndTabBar();
    }
    return;
  }
  s.open_editor_tab = false;
  draw_list(ctx, s, em(13));
  ImGui::SameLine();
  // Side by side when there is room for both; else as two tabs.
  float avail = ImGui::GetContentRegionAvail().x;
  if (avail >= em(46)) {
    ImGui::BeginChild("editor", ImVec2((avail - ImGui::GetStyle().ItemSpacing.x) * 0.55f, 0), true);
    draw_body(ctx, s);
    ImGui::EndChild();
    ImGui::SameLine();
    draw_preview(s);
    return;
  }
  ImGui::BeginGroup();
  if (ImGui::BeginTabBar("editor_tabs")) {
    draw_editor_tabs(ctx, s, 0);
    ImGui::EndTabBar();
  }
  ImGui::EndGroup();
}

}  // namespace wasshoi::proposals::ui
