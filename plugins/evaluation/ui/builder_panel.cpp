// アンケートの作成: a new アンケート of the chosen 協働事業, its questions of every kind (single and
// multiple choice, 5-point scale, number, free text, attributes such as 年代 and 地区) added,
// corrected, moved up and down and removed — only until answers are entered, as core/ rules —
// and the questionnaire printed or saved as a PDF (the A4 form with large check boxes).
#include <algorithm>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/ui_document.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "core/documents.hpp"
#include "ui/state.hpp"

namespace wasshoi::evaluation::ui {

namespace {

const char* const kKinds[] = {"single", "multiple", "scale", "number", "text", "attribute"};

struct Editor {
  int number = 0;                              // 0: a new question
  std::string kind = "single", text, choices;  // choices: one a line
};

struct BuilderState {
  ProjectPick pick;
  SurveyPick surveys;
  std::string new_title;
  Editor editor;
  Id editor_survey = 0;
  sdk::ui::DocumentActions paper;
  sdk::ui::PanelMessage message;
};

sdk::ui::PerOrg<BuilderState> builder_state;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = sdk::trim(text.substr(start, end - start));
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "\n") + s;
  return out;
}

void draw_new_survey(sdk::Context& ctx, BuilderState& s, const Project& p) {
  const char* label = tr("evaluation.builder.new_survey");
  ImGui::AlignTextToFramePadding();
  sdk::ui::TextDisabled(tr("evaluation.builder.new_title"));
  sdk::ui::same_line_if_fits(em(8));
  const float room =
      ImGui::GetContentRegionAvail().x - sdk::ui::button_width(label) - ImGui::GetStyle().ItemSpacing.x;
  ImGui::SetNextItemWidth(std::max(em(6), std::min(em(20), room)));
  sdk::ui::InputText("##new_survey", s.new_title);
  ImGui::SameLine();
  if (sdk::ui::Button(label)) {
    Id id = 0;
    if (sdk::ui::run_action(s.message, tr("evaluation.saved"), [&] {
          id = add_survey(ctx.db(), p.id, s.new_title);
          changed(ctx, "survey");
        }))
      s.new_title.clear(), selection(ctx).survey = id;
  }
}

void draw_question_list(sdk::Context& ctx, BuilderState& s, const Survey& sv, bool writes) {
  sdk::ui::section(tr("evaluation.questions"));
  if (sv.questions.empty()) sdk::ui::TextDisabled(tr("evaluation.builder.no_questions"));
  const int last = static_cast<int>(sv.questions.size());
  for (const auto& q : sv.questions) {
    ImGui::PushID(q.number);
    sdk::ui::TextWrapped("問" + std::to_string(q.number) + "［" + question_kind_label(q.kind) + "］" +
                         q.text);
    if (q.has_choices()) {
      ImGui::Indent(em(1.5f));
      std::string c;
      for (std::size_t i = 0; i < q.choices.size(); ++i)
        c += (i ? "　" : "") + std::to_string(i + 1) + " " + q.choices[i];
      sdk::ui::TextWrapped(c);
      ImGui::Unindent(em(1.5f));
    }
    if (writes && sv.sheets == 0) {
      ImGui::Indent(em(1.5f));
      const int n = q.number;
      auto move = [&](int to) {
        sdk::ui::run_action(s.message, tr("evaluation.saved"), [&] {
          move_question(ctx.db(), sv.id, n, to);
          changed(ctx, "question");
        });
      };
      if (n > 1 && sdk::ui::Button(tr("evaluation.builder.up"))) move(n - 1);
      if (n > 1) ImGui::SameLine();
      if (n < last && sdk::ui::Button(tr("evaluation.builder.down"))) move(n + 1);
      if (n < last) ImGui::SameLine();
      if (sdk::ui::Button(tr("evaluation.builder.edit"))) s.editor = {n, q.kind, q.text, joined(q.choices)};
      ImGui::SameLine();
      if (sdk::ui::Button(tr("evaluation.builder.remove")))
        if (sdk::ui::run_action(s.message, tr("evaluation.saved"),
                                [&] {
                                  remove_question(ctx.db(), sv.id, n);
                                  changed(ctx, "question");
                                }) &&
            s.editor.number == n)
          s.editor = {};
      ImGui::Unindent(em(1.5f));
    }
    ImGui::PopID();
  }
}

void draw_editor(sdk::Context& ctx, BuilderState& s, const Survey& sv) {
  Editor& e = s.editor;
  sdk::ui::section(e.number ? "問" + std::to_string(e.number) + " " + tr("evaluation.builder.editing")
                            : std::string(tr("evaluation.builder.add_title")),
                   sdk::ui::Heading::Muted);
  const char* kind_label = tr("evaluation.builder.kind");
  ImGui::SetNextItemWidth(
      std::max(em(4), std::min(em(10), ImGui::GetContentRegionAvail().x - sdk::ui::text_width(kind_label) -
                                           ImGui::GetStyle().ItemInnerSpacing.x)));
  if (sdk::ui::BeginCombo(kind_label, question_kind_label(e.kind))) {
    for (const char* k : kKinds)
      if (sdk::ui::Selectable(question_kind_label(k), e.kind == k)) e.kind = k;
    ImGui::EndCombo();
  }
  const char* text_label = tr("evaluation.builder.text");
  ImGui::SetNextItemWidth(
      std::max(em(4), std::min(em(28), ImGui::GetContentRegionAvail().x - sdk::ui::text_width(text_label) -
                                           ImGui::GetStyle().ItemInnerSpacing.x)));
  sdk::ui::InputText(text_label, e.text);
  if (e.kind != "number" && e.kind != "text") {
    sdk::ui::TextDisabled(e.kind == "scale" ? tr("evaluation.builder.scale_note")
                                            : tr("evaluation.builder.choices"));
    sdk::ui::InputTextMultiline("##choices", e.choices, ImVec2(ImGui::GetContentRegionAvail().x, em(6)));
  }
  const bool adding = e.number == 0;
  if (sdk::ui::Button(adding ? tr("evaluation.builder.add") : tr("evaluation.builder.save")))
    if (sdk::ui::run_action(s.message, tr("evaluation.saved"), [&] {
          std::vector<std::string> choices =
              e.kind == "number" || e.kind == "text" ? std::vector<std::string>{} : lines_of(e.choices);
          if (adding)
            add_question(ctx.db(), sv.id, e.kind, e.text, choices);
          else
            update_question(ctx.db(), sv.id, e.number, e.kind, e.text, choices);
          changed(ctx, "question");
        })) {
      if (adding)
        e.text.clear(), e.choices.clear();  // the next question, of the same kind
      else
        e = {};
    }
  if (!adding) {
    ImGui::SameLine();
    if (sdk::ui::Button(tr("evaluation.builder.cancel"))) e = {};
  }
}

}  // namespace

void draw_builder(sdk::Context& ctx) {
  BuilderState& s = builder_state.get(ctx);
  ImGui::PushID("evaluation.builder");
  if (const Project* p = pick_project(ctx, s.pick)) {
    const bool writes = may_write(ctx) && p->owner == ctx.current_org();
    if (writes) draw_new_survey(ctx, s, *p);
    if (const Survey* sv = pick_survey(ctx, s.surveys, *p)) {
      if (s.editor_survey != sv->id) s.editor = {}, s.editor_survey = sv->id;
      s.paper.draw(s.message, sdk::ui::document_file_name({"アンケート", sv->title}, ".pdf"),
                   [&] { return questionnaire_document(*sv, *p); });
      draw_question_list(ctx, s, *sv, writes);
      if (writes && sv->sheets == 0)
        draw_editor(ctx, s, *sv);
      else if (writes)
        sdk::ui::TextWrapped(std::to_string(sv->sheets) + tr("evaluation.builder.locked"));
    }
    if (!writes) sdk::ui::TextDisabled(tr("evaluation.read_only"));
  }
  sdk::ui::show(s.message);
  ImGui::PopID();
}

}  // namespace wasshoi::evaluation::ui
