// アンケート: the questions of the chosen アンケート and the keyboard-only answer grid — one row
// per paper sheet, one column per question. The officer types a choice's number (several for a
// multiple choice: 1,3), a scale value, a number or a text; Tab or Enter goes to the next cell;
// Enter in the last cell saves the sheet through add_sheet (the CLI's `evaluation survey answer`)
// and opens a new row. A value that does not fit: the message names the row and the question,
// and nothing of that sheet is saved.
#include <algorithm>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "ui/state.hpp"

namespace wasshoi::evaluation::ui {

namespace {

constexpr std::size_t kShownRows = 5;  // saved rows kept in view above the one being typed

struct GridRow {
  std::vector<std::string> cells;
  bool saved = false;
};

struct SurveyState {
  ProjectPick pick;
  SurveyPick surveys;
  Id grid_survey = 0;
  std::vector<GridRow> rows;  // typed in this window, the last one being typed
  int focus_col = 0;          // the cell of the last row that gets the keyboard; -1: none asked
  int active_col = -1;        // the cell that has the keyboard
  int saved = 0;              // sheets saved from this grid
  sdk::ui::PanelMessage message;
};

sdk::ui::PerOrg<SurveyState> survey_state;

// The cell just drawn was left with Enter (sdk::ui::InputText writes as it is typed, so ImGui's
// EnterReturnsTrue is not used; the ledger's 出納帳 does the same).
bool entered() {
  return ImGui::IsItemDeactivated() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)));
}

std::string choices_text(const Question& q) {
  std::string out;
  for (std::size_t i = 0; i < q.choices.size(); ++i)
    out += (i ? "　" : "") + std::to_string(i + 1) + " " + q.choices[i];
  return out;
}

std::string how_to_type(const Question& q) {
  if (q.kind == "multiple") return tr("evaluation.grid.hint.multiple");
  if (q.kind == "number") return tr("evaluation.grid.hint.number");
  if (q.kind == "text") return tr("evaluation.grid.hint.text");
  return tr("evaluation.grid.hint.choice");
}

void draw_questions(const Survey& sv) {
  sdk::ui::section(tr("evaluation.questions"));
  sdk::ui::TextDisabled(std::string(tr("evaluation.sheets")) + " " + std::to_string(sv.sheets) +
                        tr("evaluation.sheets.unit"));
  for (const auto& q : sv.questions) {
    sdk::ui::TextWrapped("問" + std::to_string(q.number) + "［" + question_kind_label(q.kind) + "］" +
                         q.text);
    if (q.has_choices()) {
      ImGui::Indent(em(1.5f));
      sdk::ui::TextWrapped(choices_text(q));
      ImGui::Unindent(em(1.5f));
    }
  }
}

void submit(sdk::Context& ctx, SurveyState& s, const Survey& sv) {
  const std::size_t row = s.rows.size();  // 1-based: the last row
  GridRow& r = s.rows.back();
  const bool ok = sdk::ui::run_action(s.message, "", [&] {
    try {
      add_sheet(ctx.db(), sv.id, r.cells);
    } catch (const sdk::InputError& e) {
      throw sdk::InputError(std::to_string(row) + tr("evaluation.grid.row") + e.what());
    }
    changed(ctx, "sheet");
  });
  if (!ok) {
    s.focus_col = 0;  // back to the row's first cell, to correct it
    return;
  }
  r.saved = true;
  ++s.saved;
  s.message.done(std::to_string(row) + tr("evaluation.grid.row") + tr("evaluation.grid.saved"));
  s.rows.push_back({std::vector<std::string>(sv.questions.size()), false});
  s.focus_col = 0;
}

void draw_grid(sdk::Context& ctx, SurveyState& s, const Survey& sv) {
  sdk::ui::section(tr("evaluation.grid"));
  sdk::ui::TextWrapped(tr("evaluation.grid.keys"));
  if (sv.questions.empty()) return;
  if (s.grid_survey != sv.id) {
    s.grid_survey = sv.id;
    s.rows.assign(1, {std::vector<std::string>(sv.questions.size()), false});
    s.focus_col = 0, s.saved = 0;
  }
  const int columns = static_cast<int>(sv.questions.size()) + 1;
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  bool submit_row = false;
  if (columns <= 64 && ImGui::BeginTable("grid", columns, kFlags)) {
    sdk::ui::fixed_column(tr("evaluation.grid.number"), {"000"});
    for (const auto& q : sv.questions)
      ImGui::TableSetupColumn(("問" + std::to_string(q.number)).c_str(), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    const std::size_t first = s.rows.size() > kShownRows + 1 ? s.rows.size() - kShownRows - 1 : 0;
    s.active_col = -1;
    for (std::size_t i = first; i < s.rows.size(); ++i) {
      GridRow& r = s.rows[i];
      const bool editing = i + 1 == s.rows.size();
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      sdk::ui::Text(std::to_string(i + 1));
      for (std::size_t c = 0; c < r.cells.size(); ++c) {
        ImGui::TableNextColumn();
        if (!editing) {
          sdk::ui::TextEllipsis(r.cells[c].empty() ? "-" : r.cells[c]);
          continue;
        }
        ImGui::PushID(static_cast<int>(c));
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (s.focus_col == static_cast<int>(c)) ImGui::SetKeyboardFocusHere();
        sdk::ui::InputText("##cell", r.cells[c]);
        if (ImGui::IsItemActive()) {
          s.active_col = static_cast<int>(c);
          if (s.focus_col == static_cast<int>(c)) s.focus_col = -1;  // asked until it has the keyboard
        }
        if (entered()) {
          if (c + 1 < r.cells.size())
            s.focus_col = static_cast<int>(c) + 1;
          else
            submit_row = true;
        }
        ImGui::PopID();
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (submit_row) submit(ctx, s, sv);
  if (s.active_col >= 0 && s.active_col < static_cast<int>(sv.questions.size())) {
    const Question& q = sv.questions[static_cast<std::size_t>(s.active_col)];
    std::string hint = "問" + std::to_string(q.number) + " " + q.text + "：" + how_to_type(q);
    if (q.has_choices()) hint += "（" + choices_text(q) + "）";
    sdk::ui::TextWrapped(hint);
  }
  if (s.saved > 0)
    sdk::ui::TextDisabled(std::string(tr("evaluation.grid.saved_count")) + " " + std::to_string(s.saved) +
                          tr("evaluation.sheets.unit"));
}

}  // namespace

void draw_survey(sdk::Context& ctx) {
  SurveyState& s = survey_state.get(ctx);
  ImGui::PushID("evaluation.survey");
  if (const Project* p = pick_project(ctx, s.pick)) {
    if (const Survey* sv = pick_survey(ctx, s.surveys, *p)) {
      // The grid first, where the keyboard is while a pile of sheets is typed; the questions under it.
      if (may_write(ctx) && p->owner == ctx.current_org()) {
        draw_grid(ctx, s, *sv);
        sdk::ui::show(s.message);
      } else if (may_write(ctx)) {
        sdk::ui::TextWrapped(std::string(tr("evaluation.grid.owner_only")) + p->owner_name);
      } else {
        sdk::ui::TextDisabled(tr("evaluation.read_only"));
      }
      draw_questions(*sv);
    }
  }
  ImGui::PopID();
}

}  // namespace wasshoi::evaluation::ui
