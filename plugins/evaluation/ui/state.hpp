#pragma once
// What the evaluation panels remember between frames (ImGui style: plain data kept by the caller)
// and the helpers they share. Every write goes through core/ (the functions the CLI calls), inside
// sdk::ui::run_action: the host's row guard refuses what the officer may not write, below the
// plugin, and the refusal becomes the panel's message. Labels come from the i18n catalogs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "core/projects.hpp"
#include "core/surveys.hpp"

namespace wasshoi::evaluation::ui {

using sdk::tr;

// The 協働事業 and アンケート chosen, shared by the four panels; fresh for every organization and
// sign-in (sdk::ui::PerOrg).
struct Selection {
  Id project = 0;
  Id survey = 0;
};
Selection& selection(const sdk::Context& ctx);

// Bumped by every write of the panels: views reload their data when it changed.
std::uint64_t generation();
void changed(sdk::Context& ctx, const std::string& what);

// The officer may write for the organization chosen in the window (会長, 役員; not 班長, 閲覧,
// nor someone looking into another organization). The host's row guard decides in the end.
bool may_write(sdk::Context& ctx);

// The projects the chosen organization takes part in, and a combo to choose one (sets
// selection().project); the chosen project, or nullptr when there is none.
struct ProjectPick {
  std::vector<Project> list;
  std::uint64_t loaded = ~0ull;
  sdk::OrgId org = 0;
  std::string error;
};
const Project* pick_project(sdk::Context& ctx, ProjectPick& pick, bool combo = true);

// The アンケート of the chosen project, and a combo to choose one (sets selection().survey).
struct SurveyPick {
  std::vector<Survey> list;
  std::uint64_t loaded = 0;
  Id project = 0;
};
const Survey* pick_survey(sdk::Context& ctx, SurveyPick& pick, const Project& p);

// Widths in multiples of the font size.
float em(float n);
std::string wareki(const std::optional<sdk::Date>& d);
std::string period_text(const Project& p);
// A horizontal bar `fraction` (0–1) of `width`, one text line high, drawn with the window's
// ImDrawList (no chart library), followed by nothing (the caller places what comes after).
void bar(float fraction, float width, ImU32 colour);
ImU32 bar_colour(int index);

// The partners' ratings side by side, item by item, the differences of 2 steps or more pointed
// out; and the same as bars (ImDrawList).
void draw_comparison(const Project& p, const std::vector<ComparisonRow>& rows);
void draw_chart(const Project& p, const std::vector<ComparisonRow>& rows);

void draw_projects(sdk::Context& ctx);
void draw_rating(sdk::Context& ctx);
void draw_survey(sdk::Context& ctx);
void draw_tally(sdk::Context& ctx);
void draw_project_form(sdk::Context& ctx);  // 協働事業の登録・修正
void draw_builder(sdk::Context& ctx);       // アンケートの作成

}  // namespace wasshoi::evaluation::ui
