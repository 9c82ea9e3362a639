// The step the proposal is at: link the approving minutes and submit; record the answer; add
// 進捗回答, close or carry over. Each button calls one core function.
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>
#include <wasshoi/sdk/meeting_directory.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "core/documents.hpp"
#include "core/lifecycle.hpp"
#include "core/proposals.hpp"
#include "ui/state.hpp"

namespace wasshoi::proposals::ui {

using sdk::tr;

namespace {

void approval(sdk::Context& ctx, EditorState& s) {
  auto dir = ctx.services().find<sdk::MeetingDirectory>();
  if (!dir) {
    ImGui::TextDisabled("%s", tr("proposals.needs_minutes"));
    return;
  }
  std::vector<sdk::MeetingRef> meetings;
  sdk::Date today = sdk::today();
  for (auto& m : dir->meetings(ctx.db(), s.org, today.add_days(-730), today.add_days(60)))
    if (m.kind.find("役員会") != std::string::npos || m.kind.find("総会") != std::string::npos)
      meetings.push_back(m);
  if (meetings.empty()) {
    ImGui::TextDisabled("%s", tr("proposals.no_meetings"));
    return;
  }
  s.meeting_index = std::min(s.meeting_index, static_cast<int>(meetings.size()) - 1);
  auto name = [](const sdk::MeetingRef& m) {
    return (m.start ? m.start->date.iso() : std::string(tr("date.unknown"))) + " " + m.kind + " " + m.title;
  };
  if (sdk::ui::BeginCombo("##meeting", name(meetings[s.meeting_index]))) {
    for (int i = 0; i < static_cast<int>(meetings.size()); ++i)
      if (sdk::ui::Selectable(name(meetings[i]) + "##" + std::to_string(i), i == s.meeting_index))
        s.meeting_index = i;
    ImGui::EndCombo();
  }
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("proposals.approve")));
  if (ImGui::Button(tr("proposals.approve")))
    attempt(ctx, s, [&] {
      approve(ctx.db(), sdk::organizations(ctx), s.selected, dir.get(), meetings[s.meeting_index].id);
    });
}

void submission(sdk::Context& ctx, EditorState& s) {
  sdk::ui::DateInput(tr("proposals.date"), s.date[3]);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("proposals.submit")));
  if (ImGui::Button(tr("proposals.submit")))
    attempt(ctx, s, [&] {
      submit(ctx.db(), sdk::organizations(ctx), s.selected, form_date(s.date[3]), s.submit_to,
             ctx.services().find<sdk::IssueTracker>().get());
    });
}

void answer_form(sdk::Context& ctx, EditorState& s) {
  std::vector<std::string> categories;
  for (int c = 0; c < 4; ++c) categories.push_back(tr_enum("answer", static_cast<AnswerCategory>(c)));
  ImGui::SetNextItemWidth(em(8));
  combo(tr("proposals.answer_category"), s.answer_category, categories);
  sdk::ui::DateInput(tr("proposals.date"), s.date[3]);
  sdk::ui::InputText(tr("proposals.answer_by"), s.answer_by);
  sdk::ui::InputTextMultiline("##answer", s.text[3], ImVec2(-1, em(4)));
  if (ImGui::Button(tr("proposals.record_answer")))
    attempt(ctx, s, [&] {
      Answer a{form_date(s.date[3]), static_cast<AnswerCategory>(s.answer_category), s.text[3], s.answer_by};
      record_answer(ctx.db(), sdk::organizations(ctx), s.selected, a,
                    ctx.services().find<sdk::IssueTracker>().get());
    });
}

void follow_up(sdk::Context& ctx, EditorState& s) {
  const Proposal& p = *s.proposal;
  if (p.answer)
    sdk::ui::TextWrapped(std::string(tr("proposals.answer")) + ": " + wareki_text(p.answer->on) + "　" +
                         tr_enum("answer", p.answer->category) + "　" + p.answer->text);
  for (const auto& g : p.progress) sdk::ui::BulletText(wareki_text(g.on) + "　" + g.text);
  if (p.state == State::Closed) return;
  sdk::ui::DateInput(tr("proposals.date"), s.date[3]);
  ImGui::SetNextItemWidth(-1);
  sdk::ui::InputText("##progress", s.text[3]);
  if (ImGui::Button(tr("proposals.add_progress")))
    attempt(ctx, s, [&] {
      add_progress(ctx.db(), sdk::organizations(ctx), s.selected, {0, form_date(s.date[3]), s.text[3]});
    });
  if (p.answer) {
    sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("proposals.close")));
    if (ImGui::Button(tr("proposals.close")))
      attempt(ctx, s,
              [&] { close(ctx.db(), sdk::organizations(ctx), s.selected, form_date(s.date[3]), s.text[3]); });
  }
  int next = (p.carried_into.empty() ? p.fiscal_year : p.carried_into.back()) + 1;
  const std::string carry = std::string(tr("proposals.carry_over")) + " " + sdk::format_fiscal_year_ja(next);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(carry));
  if (ImGui::Button(carry.c_str()))
    attempt(ctx, s, [&] { carry_over(ctx.db(), sdk::organizations(ctx), s.selected, next); });
}

}  // namespace

void draw_lifecycle(sdk::Context& ctx, EditorState& s) {
  if (!ImGui::CollapsingHeader(tr("proposals.lifecycle"), ImGuiTreeNodeFlags_DefaultOpen)) return;
  const Proposal& p = *s.proposal;
  if (!p.approved_meeting_label.empty())
    sdk::ui::Text(std::string(tr("proposals.approved_by")) + ": " + wareki_or_blank(p.approved_on) + " " +
                  p.approved_meeting_label);
  if (p.submitted_on)
    sdk::ui::Text(std::string(tr("proposals.submitted")) + ": " + sdk::format_wareki(*p.submitted_on) + " " +
                  p.submitted_to);
  switch (p.state) {
    case State::Draft:
    case State::Approved:
      approval(ctx, s);
      if (s.proposal) submission(ctx, s);
      break;
    case State::Submitted:
      answer_form(ctx, s);
      break;
    case State::Continuing:
      if (!p.answer) answer_form(ctx, s);
      if (s.proposal) follow_up(ctx, s);
      break;
    case State::Answered:
    case State::Closed:
      follow_up(ctx, s);
      break;
  }
}

}  // namespace wasshoi::proposals::ui
