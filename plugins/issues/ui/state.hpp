#pragma once
// What the issues panels share between frames: the organization shown, the filter, the list
// (reloaded only when something changed), the selected issue and the last message.
#include <functional>
#include <string>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/ui_date.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "core/model.hpp"

namespace wasshoi::issues::ui {

struct PanelState {
  OrgId org = 0;  // the organization shown
  IssueFilter filter;
  std::vector<Issue> issues;
  bool dirty = true;
  IssueId selected = -1;         // 0: the editor makes a new issue; -1: none chosen yet (the newest is shown)
  std::vector<IssueId> checked;  // ticked in the list: candidates for the merge dialog
  bool open_merge = false;
  IssueId merge_target = 0;       // the issue the merge dialog keeps
  sdk::ui::PanelMessage message;  // the last error or confirmation, shown in red / green
};

// The state the issues panels share, for the organization and sign-in of `ctx`: fresh for every
// organization and every sign-in (sdk::ui::PerOrg).
PanelState& state(const sdk::Context& ctx);
// Reloads the list when something was written (or the state is fresh).
void refresh(sdk::Context& ctx);
// Runs a write with sdk::ui::run_action: a refusal becomes the panels' message; success shows
// `done_message` (or nothing) and marks the list dirty. True when it was written.
bool write(sdk::Context& ctx, const std::string& done_message, const std::function<void()>& action);
const char* tr(const char* key);
// A short label for an organization's issue count by category (for the chart).
std::vector<std::pair<std::string, int>> counts_by_category(sdk::Context& ctx,
                                                            const std::vector<Issue>& issues);

}  // namespace wasshoi::issues::ui
