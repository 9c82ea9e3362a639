#pragma once
// What the panels remember between frames (ImGui style: plain data kept by the caller).
#include "core/model.hpp"

#include <wasshoi/sdk/context.hpp>

#include <functional>
#include <string>

namespace wasshoi::proposals::ui {

struct EditorState {
  OrgId org = 0;
  ProposalId selected = 0;
  std::optional<Proposal> proposal;  // reloaded after every write
  std::string preview;               // the 要望書 as it will print
  std::string message;               // the last error, shown in red
  // Input buffers of the add forms.
  std::string new_title, answer_by, submit_to;
  std::string date[4], text[4];  // per form: 0 意見集約, 1 経過, 2 提案, 3 life-cycle step
  int method = 1, kind = 0, answer_category = 0, participants = 0, answers = 0, meeting_index = 0;
};

EditorState& editor_state();
void reload(sdk::Context& ctx, EditorState& s);
// Runs a write; an error the user can act on is kept in s.message instead of closing the panel.
void attempt(sdk::Context& ctx, EditorState& s, const std::function<void()>& write);

// Today when empty; InputError naming the text otherwise.
sdk::Date form_date(const std::string& text);

void draw_editor(sdk::Context& ctx);
void draw_dashboard(sdk::Context& ctx);
void draw_sections(sdk::Context& ctx, EditorState& s);
void draw_lifecycle(sdk::Context& ctx, EditorState& s);

}  // namespace wasshoi::proposals::ui
