#include "ui/approval_view.hpp"

#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/ui_document.hpp>

#include "core/approval.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::minutes::ui {

namespace {

struct ApprovalForm {
  std::string first, second;
};

ApprovalForm& form(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<ApprovalForm> f;
  return f.get(ctx);
}

// 印刷… and PDFで保存… for the minutes; the file named after the meeting.
void draw_export(sdk::Context& ctx, const Meeting& m) {
  static sdk::ui::PerOrg<sdk::ui::DocumentActions> paper;
  const std::string day = m.start ? m.start->date.iso() : std::string();
  paper.get(ctx).draw(selection(ctx).message,
                      sdk::ui::document_file_name({tr("minutes.export.file_name"), m.title, day}, ".pdf"),
                      [&] {
                        auto members = ctx.services().find<sdk::MemberDirectory>();
                        return minutes_document(ctx.db(), sdk::organizations(ctx), members.get(), m.id);
                      },
                      {.personal_data = true});
}

}  // namespace

void draw_approval(sdk::Context& ctx, const Meeting& m) {
  ApprovalForm& f = form(ctx);
  sdk::ui::section(tr("minutes.approval"));
  ImGui::PushStyleColor(ImGuiCol_Text, state_colour(m.state));
  ImGui::TextUnformatted(state_label(m.state));
  ImGui::PopStyleColor();
  for (const auto& s : signatories(ctx.db(), m.id))
    sdk::ui::Text(std::string(tr("minutes.signatory")) + "：" + s.name + "（" +
                  (s.signed_on ? sdk::format_wareki(*s.signed_on) : std::string(tr("date.unknown"))) + "）");
  if (m.state == MinutesState::Draft) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    sdk::ui::InputText(tr("minutes.signatory1"), f.first);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    sdk::ui::InputText(tr("minutes.signatory2"), f.second);
    if (sdk::ui::Button(tr("minutes.sign")))
      attempt(ctx, tr("minutes.sign"), [&] { sign(ctx.db(), m.id, {f.first, f.second}, sdk::today()); });
  } else if (m.state == MinutesState::Signed) {
    auto next = next_meeting(ctx.db(), m);
    if (next && sdk::ui::Button(std::string(tr("minutes.approve_at")) + " " + next->title))
      attempt(ctx, tr("minutes.state.approved"), [&] { approve(ctx, m.id, next->id); });
  }
  // Re-opening signed or approved minutes: 再開する under the meeting's title (lock_notice).
  draw_export(ctx, m);
}

}  // namespace wasshoi::minutes::ui
