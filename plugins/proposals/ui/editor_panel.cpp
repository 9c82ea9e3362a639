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

void draw_list(sdk::Context& ctx, EditorState& s) {
  ImGui::BeginChild("list", ImVec2(em(13), 0), true);
  draw_new_form(ctx, s);
  ImGui::Separator();
  int year = 0;
  for (const auto& p : list_proposals(ctx.db(), sdk::organizations(ctx), s.org)) {
    if (p.fiscal_year != year)
      ImGui::TextDisabled("%s", sdk::format_fiscal_year_ja(year = p.fiscal_year).c_str());
    ImGui::PushID(static_cast<int>(p.id));
    std::string line = std::string("［") + tr_enum("state", p.state) + "］" + p.title;
    if (sdk::ui::Selectable(line, p.id == s.selected)) {
      s.selected = p.id;
      s.message.clear(), s.info.clear();
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
  if (!s.preview_error.empty()) colored_text(s.preview_error, 0.9f, 0.1f, 0.1f);
  if (s.document) draw_document_preview(*s.document);
  ImGui::EndChild();
}

void draw_body(sdk::Context& ctx, EditorState& s) {
  if (!s.proposal) {
    ImGui::TextUnformatted(tr("proposals.none_selected"));
    if (!s.message.empty()) colored_text(s.message, 0.9f, 0.1f, 0.1f);
    return;
  }
  draw_header(ctx, s);
  if (s.proposal) draw_export(ctx, s);  // near the top: printing is what the letter is for
  if (s.proposal) draw_sections(ctx, s);
  if (s.proposal) draw_attachments(ctx, s);
  if (s.proposal) draw_lifecycle(ctx, s);
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
    auto list = list_proposals(ctx.db(), sdk::organizations(ctx), s.org);
    if (!list.empty()) s.selected = list.front().id;
    reload(ctx, s);
  }
  draw_list(ctx, s);
  ImGui::SameLine();
  // Side by side when there is room for both; with large letters on a laptop, as two tabs.
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
    if (ImGui::BeginTabItem(tr("proposals.tab_edit"))) {
      ImGui::BeginChild("editor", ImVec2(0, 0), true);
      draw_body(ctx, s);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr("proposals.tab_preview"))) {
      draw_preview(s);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::EndGroup();
}

}  // namespace wasshoi::proposals::ui
