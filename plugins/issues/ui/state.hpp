#pragma once
// What the issues panels share between frames: the organization shown, the filter, the list
// (reloaded only when something changed), the selected issue and the last message.
#include <functional>
#include <string>
#include <wasshoi/sdk/context.hpp>

#include "core/model.hpp"

namespace wasshoi::issues::ui {

struct PanelState {
  OrgId org = -1;
  IssueFilter filter;
  std::vector<Issue> issues;
  bool dirty = true;
  IssueId selected = -1;         // 0: the editor makes a new issue; -1: none chosen yet (the newest is shown)
  std::vector<IssueId> checked;  // ticked in the list: candidates for the merge dialog
  bool open_merge = false;
  std::string message;  // the last error or confirmation, shown in red / green
  bool message_is_error = false;
};

PanelState& state();
// Reloads the list when the organization changed or something was written.
void refresh(sdk::Context& ctx);
// Runs a write; an InputError becomes the panel's message, success marks the list dirty.
void run_action(const std::function<void()>& action, const std::string& done_message = {});
void draw_message();
const char* tr(const char* key);
// A short label for an organization's issue count by category (for the chart).
std::vector<std::pair<std::string, int>> counts_by_category(sdk::Context& ctx,
                                                            const std::vector<Issue>& issues);

}  // namespace wasshoi::issues::ui
