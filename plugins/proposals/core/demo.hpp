#pragma once
// Fictional, deterministic proposals in every state for `wasshoi-cli demo` (order 50, after
// members, minutes and issues): approvals link the demo 役員会/総会 and the demo issues when the
// minutes and issues plugins are there. Without the minutes plugin only drafts are added.
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::proposals {

void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& options);

}  // namespace wasshoi::proposals
