#include "ui/panels.hpp"

#include <algorithm>
#include <cstdio>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/events.hpp>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/text.hpp>

#include "ui/state.hpp"

namespace wasshoi::evaluation {

namespace ui {

namespace {
std::uint64_t the_generation = 1;
}  // namespace

Selection& selection(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<Selection> state;
  return state.get(ctx);
}

std::uint64_t generation() {
  return the_generation;
}

void changed(sdk::Context& ctx, const std::string& what) {
  ++the_generation;
  ctx.events().publish(sdk::events::DataChanged{"evaluation", what});
}

bool may_write(sdk::Context& ctx) {
  const auto& a = ctx.access();
  const sdk::OrgId org = ctx.current_org();
  return org != 0 && a.officer() && (a.full() || a.org == org) && !a.read_only && !ctx.db().read_only();
}

const Project* pick_project(sdk::Context& ctx, ProjectPick& pick, bool combo) {
  const sdk::OrgId org = ctx.current_org();
  if (org == 0) return nullptr;
  if (pick.loaded != generation() || pick.org != org) {
    pick.loaded = generation(), pick.org = org;
    pick.error.clear();
    try {
      pick.list = list_projects(ctx.db(), sdk::organizations(ctx), org);
    } catch (const sdk::Error& e) {
      pick.list.clear();
      pick.error = e.what();
    }
  }
  if (!pick.error.empty()) sdk::ui::warning_text(pick.error);
  if (pick.list.empty()) {
    sdk::ui::TextWrapped(tr("evaluation.no_projects"));
    return nullptr;
  }
  Selection& sel = selection(ctx);
  auto it =
      std::find_if(pick.list.begin(), pick.list.end(), [&](const Project& p) { return p.id == sel.project; });
  if (it == pick.list.end()) {
    it = pick.list.begin();
    sel.project = it->id, sel.survey = 0;
  }
  if (!combo) return &*it;
  ImGui::AlignTextToFramePadding();
  sdk::ui::TextDisabled(tr("evaluation.project"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(em(24), ImGui::GetContentRegionAvail().x));
  if (sdk::ui::BeginCombo("##project", it->title)) {
    for (const auto& p : pick.list)
      if (sdk::ui::Selectable(p.title + "##" + std::to_string(p.id), p.id == sel.project))
        sel.project = p.id, sel.survey = 0;
    ImGui::EndCombo();
  }
  for (const auto& p : pick.list)
    if (p.id == sel.project) return &p;
  return nullptr;
}

const Survey* pick_survey(sdk::Context& ctx, SurveyPick& pick, const Project& p) {
  if (pick.loaded != generation() || pick.project != p.id) {
    pick.loaded = generation(), pick.project = p.id;
    pick.list = list_surveys(ctx.db(), p.id);
  }
  if (pick.list.empty()) {
    sdk::ui::TextWrapped(tr("evaluation.survey.none"));
    return nullptr;
  }
  Selection& sel = selection(ctx);
  auto it =
      std::find_if(pick.list.begin(), pick.list.end(), [&](const Survey& x) { return x.id == sel.survey; });
  if (it == pick.list.end()) it = pick.list.begin(), sel.survey = it->id;
  ImGui::AlignTextToFramePadding();
  sdk::ui::TextDisabled(tr("evaluation.survey"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(em(24), ImGui::GetContentRegionAvail().x));
  if (sdk::ui::BeginCombo("##survey", it->title)) {
    for (const auto& x : pick.list)
      if (sdk::ui::Selectable(x.title + "##" + std::to_string(x.id), x.id == sel.survey)) sel.survey = x.id;
    ImGui::EndCombo();
  }
  for (const auto& x : pick.list)
    if (x.id == sel.survey) return &x;
  return nullptr;
}

float em(float n) {
  return n * ImGui::GetFontSize();
}

std::string wareki(const std::optional<sdk::Date>& d) {
  return d ? sdk::format_wareki(*d) : std::string(tr("evaluation.undecided"));
}

std::string period_text(const Project& p) {
  if (!p.start && !p.end) return tr("evaluation.undecided");
  if (p.start && p.end && *p.start == *p.end) return wareki(p.start);
  return wareki(p.start) + " 〜 " + wareki(p.end);
}

ImU32 bar_colour(int index) {
  static const ImU32 kColours[] = {IM_COL32(52, 101, 164, 255), IM_COL32(204, 102, 0, 255),
                                   IM_COL32(78, 154, 6, 255), IM_COL32(117, 80, 123, 255),
                                   IM_COL32(193, 125, 17, 255)};
  return kColours[static_cast<std::size_t>(index) % std::size(kColours)];
}

void bar(float fraction, float width, ImU32 colour) {
  fraction = std::clamp(fraction, 0.0f, 1.0f);
  width = std::max(width, 1.0f);
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(at, ImVec2(at.x + width, at.y + h), IM_COL32(230, 230, 230, 255));
  if (fraction > 0) dl->AddRectFilled(at, ImVec2(at.x + width * fraction, at.y + h), colour);
  dl->AddRect(at, ImVec2(at.x + width, at.y + h), IM_COL32(160, 160, 160, 255));
  ImGui::Dummy(ImVec2(width, h));
}

}  // namespace ui

void register_panels(sdk::Registry& registry) {
  registry.add_panel({"evaluation.projects", "evaluation.projects.title", ui::draw_projects});
  registry.add_panel({"evaluation.rating", "evaluation.rating.title", ui::draw_rating});
  registry.add_panel({"evaluation.survey", "evaluation.survey.title", ui::draw_survey});
  registry.add_panel({"evaluation.tally", "evaluation.tally.title", ui::draw_tally});
  registry.add_panel({"evaluation.edit", "evaluation.form.title", ui::draw_project_form});
  registry.add_panel({"evaluation.builder", "evaluation.builder.title", ui::draw_builder});
  registry.add_glyph_source([](sdk::Database& db) {
    std::string text;
    for (const char* sql :
         {"SELECT title || purpose || cost_note || improvements FROM evaluation_projects",
          "SELECT goal || indicator || unit FROM evaluation_goals",
          "SELECT comment || cause || improvement FROM evaluation_ratings",
          "SELECT title FROM evaluation_surveys", "SELECT text || choices FROM evaluation_questions",
          "SELECT text FROM evaluation_answers WHERE text IS NOT NULL"}) {
      sdk::Statement st(db, sql);
      while (st.step()) text += st.get_text(0);
    }
    for (const auto& f : forms()) text += f.ja;
    for (const auto& i : items()) text += i.ja;
    return text;
  });
}

}  // namespace wasshoi::evaluation
