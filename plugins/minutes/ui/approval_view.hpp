#pragma once
#include <wasshoi/sdk/context.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes::ui {

// 承認: two 議事録署名人 sign, a later meeting approves, re-open with a reason; export PDF/Markdown.
void draw_approval(sdk::Context& ctx, const Meeting& m);

}  // namespace wasshoi::minutes::ui
