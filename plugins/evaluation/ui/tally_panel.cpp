// The tally of an アンケート: per question the counts, % and a bar chart (choice questions), the
// mean (scale, number), the free-text answers each with 「地域課題にする」 (answer_to_issue, the
// issues plugin's IssueTracker); and the cross-tabulation by an attribute, in which every cell
// of fewer than 3 answers is drawn as 「—」 — its count never reaches the screen.
//
// Rows are laid out with SameLine at measured positions rather than in tables: what a row says
// is then drawn in reading order (label, count, %), as the GUI tests read it back.
#include <algorithm>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "ui/state.hpp"

namespace wasshoi::evaluation::ui {

namespace {

struct TallyState {
  ProjectPick pick;
  SurveyPick surveys;
  int by = 0;  // the attribute question's number; 0: no cross-tabulation
  std::optional<Tally> tally;
  std::uint64_t loaded = 0;
  Id loaded_survey = 0;
  int loaded_by = -1;
  std::string error;
  sdk::ui::PanelMessage message;
};

sdk::ui::PerOrg<TallyState> tally_state;

std::string count_text(int n) {
  return std::to_string(n) + tr("evaluation.count.unit");
}

void draw_counts(const QuestionTally& qt) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float label_w = 0;
  for (const auto& c : qt.counts) label_w = std::max(label_w, sdk::ui::text_width(c.label));
  const float count_w = sdk::ui::text_width(count_text(std::max(qt.answered, 100)));
  const float pct_w = sdk::ui::text_width("100.0%");
  const float avail = ImGui::GetContentRegionAvail().x;
  // A long label goes on its own line, the numbers and the bar under it.
  const bool own_line = label_w + count_w + pct_w + em(6) + 3 * spacing > avail;
  const float x0 = ImGui::GetCursorPosX();
  int i = 0;
  for (const auto& c : qt.counts) {
    float x = x0;
    if (own_line) {
      sdk::ui::TextWrapped(c.label);
      x += em(1);
      ImGui::SetCursorPosX(x);
    } else {
      sdk::ui::Text(c.label);
      x += label_w + spacing;
      ImGui::SameLine(x);
    }
    // Right-aligned numbers.
    const std::string n = count_text(c.count), pct = format_percent(c.percent);
    ImGui::SetCursorPosX(x + count_w - sdk::ui::text_width(n));
    sdk::ui::Text(n);
    x += count_w + spacing;
    ImGui::SameLine(x + pct_w - sdk::ui::text_width(pct));
    sdk::ui::Text(pct);
    x += pct_w + spacing;
    ImGui::SameLine(x);
    const float width = std::min(em(20), ImGui::GetContentRegionAvail().x);
    bar(static_cast<float>(c.percent / 100.0), width, bar_colour(i++));
  }
}

void draw_texts(sdk::Context& ctx, TallyState& s, const QuestionTally& qt) {
  sdk::IssueTracker* issues = ctx.services().find<sdk::IssueTracker>().get();
  const bool writes = may_write(ctx) && issues;
  for (const auto& x : qt.texts) {
    ImGui::PushID(static_cast<int>(x.answer));
    ImGui::Bullet();
    ImGui::SameLine();
    sdk::ui::TextWrapped(x.text);
    ImGui::Indent(em(1.5f));
    if (x.issue) {
      sdk::ui::TextDisabled(std::string(tr("evaluation.issue_made")) + " " + std::to_string(*x.issue));
    } else if (writes) {
      if (sdk::ui::Button(tr("evaluation.to_issue"))) {
        const Survey sv = s.tally->survey;
        sdk::ui::run_action(s.message, tr("evaluation.to_issue.done"), [&] {
          answer_to_issue(ctx.db(), *issues, sv, ctx.current_org(), x.answer, "");
          changed(ctx, "issue");
        });
      }
    }
    ImGui::Unindent(em(1.5f));
    ImGui::PopID();
  }
}

void draw_question(sdk::Context& ctx, TallyState& s, const QuestionTally& qt) {
  const Question& q = qt.question;
  sdk::ui::section("問" + std::to_string(q.number) + " " + q.text, sdk::ui::Heading::Muted);
  sdk::ui::TextDisabled("［" + question_kind_label(q.kind) + "］" + tr("evaluation.answered") + " " +
                        count_text(qt.answered));
  if (!qt.counts.empty()) draw_counts(qt);
  if (qt.mean) {
    std::string text = std::string(tr("evaluation.mean")) + " " + format_mean(*qt.mean);
    if (qt.min && qt.max)
      text += "（" + std::string(tr("evaluation.min")) + " " + format_number(*qt.min) + "・" +
              tr("evaluation.max") + " " + format_number(*qt.max) + "）";
    sdk::ui::Text(text);
  }
  if (q.kind == "text") {
    if (qt.texts.empty()) sdk::ui::TextDisabled(tr("evaluation.texts.none"));
    draw_texts(ctx, s, qt);
  }
}

// One cross-tabulation: the attribute's groups down, the question's choices (or 平均) across.
// Cells come from the core with the suppressed ones empty: format_cell draws them as 「—」.
void draw_cross(const Tally& t, const CrossTab& ct) {
  sdk::ui::section("問" + std::to_string(ct.question.number) + " " + ct.question.text + " × " + t.by->text,
                   sdk::ui::Heading::Muted);
  const bool mean = ct.question.kind == "scale" || ct.question.kind == "number";
  std::vector<std::string> header = {t.by->text, tr("evaluation.answered")};
  for (const auto& c : ct.columns) header.push_back(c);
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : ct.rows) {
    std::vector<std::string> row = {r.group, format_cell(r.answered, false)};
    for (const auto& c : r.cells) row.push_back(format_cell(c, mean));
    rows.push_back(std::move(row));
  }
  const float spacing = em(1);
  std::vector<float> widths(header.size(), 0.0f);
  for (std::size_t c = 0; c < header.size(); ++c) {
    widths[c] = sdk::ui::text_width(header[c]);
    for (const auto& r : rows) widths[c] = std::max(widths[c], sdk::ui::text_width(r[c]));
  }
  float total = 0;
  for (float w : widths) total += w + spacing;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float height = line * static_cast<float>(rows.size() + 1) + ImGui::GetStyle().ScrollbarSize +
                       ImGui::GetStyle().WindowPadding.y * 2;
  ImGui::PushID(ct.question.number);
  const bool scrolls = total > ImGui::GetContentRegionAvail().x;
  ImGui::BeginChild("cross", ImVec2(0, height), true, scrolls ? ImGuiWindowFlags_HorizontalScrollbar : 0);
  auto draw_row = [&](const std::vector<std::string>& cells, bool head) {
    float x = ImGui::GetCursorPosX();
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) ImGui::SameLine(x);
      // Numbers right-aligned under their heading; the group and the headings left.
      if (!head && c > 0) ImGui::SetCursorPosX(x + widths[c] - sdk::ui::text_width(cells[c]));
      head ? sdk::ui::TextDisabled(cells[c]) : sdk::ui::Text(cells[c]);
      x += widths[c] + spacing;
    }
  };
  draw_row(header, true);
  for (const auto& r : rows) draw_row(r, false);
  ImGui::EndChild();
  ImGui::PopID();
}

}  // namespace

void draw_tally(sdk::Context& ctx) {
  TallyState& s = tally_state.get(ctx);
  ImGui::PushID("evaluation.tally");
  const Project* p = pick_project(ctx, s.pick);
  const Survey* sv = p ? pick_survey(ctx, s.surveys, *p) : nullptr;
  if (!sv) {
    ImGui::PopID();
    return;
  }
  // The attribute to cross-tabulate by.
  std::vector<const Question*> attributes;
  for (const auto& q : sv->questions)
    if (q.kind == "attribute") attributes.push_back(&q);
  if (!attributes.empty()) {
    std::string preview = tr("evaluation.cross.none");
    for (const auto* a : attributes)
      if (a->number == s.by) preview = "問" + std::to_string(a->number) + " " + a->text;
    ImGui::AlignTextToFramePadding();
    sdk::ui::TextDisabled(tr("evaluation.cross.by"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(em(16), ImGui::GetContentRegionAvail().x));
    if (sdk::ui::BeginCombo("##by", preview)) {
      if (sdk::ui::Selectable(tr("evaluation.cross.none"), s.by == 0)) s.by = 0;
      for (const auto* a : attributes)
        if (sdk::ui::Selectable("問" + std::to_string(a->number) + " " + a->text, s.by == a->number))
          s.by = a->number;
      ImGui::EndCombo();
    }
  }
  if (s.loaded != generation() || s.loaded_survey != sv->id || s.loaded_by != s.by) {
    s.loaded = generation(), s.loaded_survey = sv->id, s.loaded_by = s.by;
    s.error.clear();
    try {
      s.tally = tally(ctx.db(), *sv, s.by ? std::optional<int>(s.by) : std::nullopt);
    } catch (const sdk::Error& e) {
      s.tally.reset();
      s.error = e.what();
    }
  }
  sdk::ui::show(s.message);
  if (!s.error.empty()) sdk::ui::warning_text(s.error);
  if (s.tally) {
    const Tally& t = *s.tally;
    sdk::ui::Text(t.survey.title + "（" + tr("evaluation.sheets") + " " + std::to_string(t.survey.sheets) +
                  tr("evaluation.sheets.unit") + "）");
    for (const auto& qt : t.questions) draw_question(ctx, s, qt);
    if (t.by && !t.cross.empty()) {
      sdk::ui::section(std::string(tr("evaluation.cross")) + "（問" + std::to_string(t.by->number) + " " +
                       t.by->text + "）");
      sdk::ui::TextWrapped(tr("evaluation.cross.note"));
      for (const auto& ct : t.cross) draw_cross(t, ct);
    }
  }
  ImGui::PopID();
}

}  // namespace wasshoi::evaluation::ui
