#include "core/documents.hpp"

#include <cstdio>
#include <wasshoi/sdk/csv.hpp>

namespace wasshoi::evaluation {

namespace {

std::string period(const Project& p) {
  if (!p.start && !p.end) return "-";
  if (p.start && p.end && *p.start == *p.end) return sdk::format_print_date(*p.start);
  return (p.start ? sdk::format_print_date(*p.start) : std::string("-")) + " 〜 " +
         (p.end ? sdk::format_print_date(*p.end) : std::string("-"));
}

bool is_mean(const Question& q) {
  return q.kind == "scale" || q.kind == "number";
}

// The tally of one question: its chart (choice questions) or its figures, and its free text.
void tally_blocks(sdk::Document& doc, const QuestionTally& qt, bool list_texts) {
  const Question& q = qt.question;
  doc.subheading("問" + std::to_string(q.number) + "　" + q.text);
  if (q.has_choices()) {
    std::vector<sdk::ChartBar> bars;
    for (const auto& c : qt.counts)
      bars.push_back(
          {c.label, double(c.count), std::to_string(c.count) + "件 (" + format_percent(c.percent) + ")"});
    std::string caption = "回答 " + std::to_string(qt.answered) + "件";
    if (q.kind == "multiple") caption += "（複数回答、% は回答者に対する割合）";
    if (qt.mean) caption += "　平均 " + format_mean(*qt.mean) + "（5段階）";
    doc.bar_chart(caption, bars);
  } else if (q.kind == "number") {
    doc.fields({{"回答", std::to_string(qt.answered) + "件"},
                {"平均", qt.mean ? format_mean(*qt.mean) : "-"},
                {"最小・最大", qt.min ? format_number(*qt.min) + " ・ " + format_number(*qt.max) : "-"}});
  } else {
    doc.paragraph("回答 " + std::to_string(qt.answered) + "件");
    if (list_texts)
      for (const auto& t : qt.texts) doc.paragraph("・" + t.text);
  }
}

void cross_blocks(sdk::Document& doc, const Tally& t) {
  if (!t.by) return;
  doc.heading("クロス集計（問" + std::to_string(t.by->number) + " " + t.by->text + " 別）");
  doc.paragraph("回答が" + std::to_string(kMinCell) + "件に満たない欄は、少数の回答者が特定されないよう「" +
                kSuppressed + "」と表示しています。");
  for (const auto& ct : t.cross) {
    const bool mean = is_mean(ct.question);
    std::vector<sdk::TableColumn> cols{{t.by->text, 1.4}, {"回答数", 0.8, sdk::Align::Right}};
    for (const auto& c : ct.columns) cols.push_back({c, 1.0, sdk::Align::Right});
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : ct.rows) {
      std::vector<std::string> row{r.group, format_cell(r.answered, false)};
      for (const auto& c : r.cells) row.push_back(format_cell(c, mean));
      rows.push_back(std::move(row));
    }
    doc.subheading("問" + std::to_string(ct.question.number) + "　" + ct.question.text);
    doc.table(cols, rows);
  }
}

}  // namespace

sdk::Document questionnaire_document(const Survey& s, const Project& p) {
  sdk::Document doc(s.title);
  doc.title(s.title);
  doc.paragraph(p.title + "（" + p.owner_name + "）", sdk::Align::Center);
  doc.paragraph("ご参加ありがとうございました。今後の活動をよりよくするため、ご協力ください。");
  doc.paragraph("お名前は書かないでください。あてはまる□に✓を付けてください。");
  for (const auto& q : s.questions) {
    std::string head = "問" + std::to_string(q.number) + "　" + q.text;
    if (q.kind == "multiple") head += "（あてはまるものすべて）";
    if (q.kind == "single" || q.kind == "attribute" || q.kind == "scale") head += "（1つだけ）";
    doc.subheading(head);
    if (q.kind == "number")
      doc.check_boxes({}, 1, 12);
    else if (q.kind == "text")
      doc.check_boxes({}, 1, 40);
    else
      doc.check_boxes(q.choices, q.kind == "scale" ? 1 : (q.choices.size() > 4 ? 3 : 2));
  }
  doc.paragraph("ご協力ありがとうございました。", sdk::Align::Right);
  doc.footer(p.owner_name);
  return doc;
}

sdk::Document tally_document(const Tally& t, const Project& p) {
  sdk::Document doc("アンケート集計 " + t.survey.title);
  doc.title("アンケート集計結果");
  doc.fields({{"アンケート", t.survey.title},
              {"協働事業", p.title},
              {"回答数", std::to_string(t.survey.sheets) + "件"}});
  doc.heading("単純集計");
  for (const auto& qt : t.questions) tally_blocks(doc, qt, true);
  cross_blocks(doc, t);
  doc.footer(p.owner_name);
  return doc;
}

std::string tally_csv(const Tally& t) {
  sdk::CsvWriter w;
  w.write_row({"問", "設問", "選択肢・集計", "件数・値", "割合(%)"});
  for (const auto& qt : t.questions) {
    const auto n = std::to_string(qt.question.number);
    w.write_row({n, qt.question.text, "回答数", std::to_string(qt.answered), ""});
    for (const auto& c : qt.counts) {
      char pct[32];
      std::snprintf(pct, sizeof pct, "%.1f", c.percent);
      w.write_row({n, qt.question.text, c.label, std::to_string(c.count), pct});
    }
    if (qt.mean) w.write_row({n, qt.question.text, "平均", format_mean(*qt.mean), ""});
    for (const auto& x : qt.texts) w.write_row({n, qt.question.text, "自由記述", x.text, ""});
  }
  if (t.by) {
    w.write_row({});
    std::vector<std::string> head{"問", "設問", t.by->text, "回答数"};
    w.write_row({"クロス集計", t.by->text, "回答が3件に満たない欄は「—」"});
    for (const auto& ct : t.cross) {
      std::vector<std::string> h = head;
      for (const auto& c : ct.columns) h.push_back(c);
      w.write_row(h);
      const bool mean = is_mean(ct.question);
      for (const auto& r : ct.rows) {
        std::vector<std::string> row{std::to_string(ct.question.number), ct.question.text, r.group,
                                     r.answered.suppressed ? kSuppressed : format_number(*r.answered.value)};
        for (const auto& c : r.cells)
          row.push_back(c.suppressed || !c.value ? kSuppressed
                        : mean                   ? format_mean(*c.value)
                                                 : format_number(*c.value));
        w.write_row(row);
      }
    }
  }
  return w.to_utf8_bom();
}

sdk::Document report_document(const Project& p, const std::vector<ComparisonRow>& comparison,
                              const std::vector<Tally>& tallies) {
  sdk::Document doc("評価報告書 " + p.title);
  doc.title("協働事業 評価報告書");
  doc.paragraph(sdk::keep_together(p.title), sdk::Align::Center);
  doc.heading("1 事業の概要");
  std::string partners;
  for (const auto& x : p.partners) partners += (partners.empty() ? "" : "、") + sdk::keep_together(x.name);
  std::vector<std::pair<std::string, std::string>> f{
      {"事業名", p.title}, {"協働の形態", form_label(p.form)}, {"協働の主体", partners}, {"期間", period(p)}};
  if (!p.purpose.empty()) f.push_back({"目的", p.purpose});
  f.push_back(
      {"費用", p.cost ? format_yen(*p.cost) + (p.cost_note.empty() ? "" : "（" + p.cost_note + "）") : "-"});
  doc.fields(f);
  doc.heading("2 目標と成果");
  if (p.goals.empty()) {
    doc.paragraph("目標は登録されていません。");
  } else {
    std::vector<std::vector<std::string>> rows;
    std::vector<sdk::ChartBar> bars;
    for (const auto& g : p.goals) {
      std::string rate = "-";
      if (g.target && g.achieved && *g.target > 0) {
        const double r = 100.0 * *g.achieved / *g.target;
        rate = format_percent(r);
        bars.push_back({"目標" + std::to_string(g.id), r, rate});
      }
      rows.push_back({std::to_string(g.id), g.goal, g.indicator,
                      g.target ? format_number(*g.target) + g.unit : "-",
                      g.achieved ? format_number(*g.achieved) + g.unit : "-", rate});
    }
    doc.table({{"", 0.4},
               {"目標", 3},
               {"指標", 1.4},
               {"目標値", 1, sdk::Align::Right},
               {"実績", 1, sdk::Align::Right},
               {"達成率", 1, sdk::Align::Right}},
              rows);
    if (!bars.empty()) doc.bar_chart("目標に対する達成率", bars, 100);
  }
  doc.heading("3 協働の主体ごとの自主評価");
  doc.paragraph(
      "共通の評価項目について、協働の主体がそれぞれ5段階（5 十分にできた 〜 1 "
      "できなかった）で自己評価しました。");
  for (std::size_t i = 0; i < p.partners.size(); ++i) {
    doc.subheading(p.partners[i].name);
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : comparison) {
      const auto& x = r.ratings[i];
      if (!x.rating) continue;
      std::string note = x.comment;
      if (!x.cause.empty()) note += (note.empty() ? "" : "\n") + std::string("原因: ") + x.cause;
      if (!x.improvement.empty())
        note += (note.empty() ? "" : "\n") + std::string("改善策: ") + x.improvement;
      rows.push_back({r.label, std::to_string(*x.rating), note});
    }
    if (rows.empty())
      doc.paragraph("未評価");
    else
      doc.table({{"評価項目", 2.2}, {"評価", 0.6, sdk::Align::Center}, {"コメント・原因・改善策", 4}}, rows);
  }
  doc.heading("4 評価の比較");
  doc.paragraph(
      "評価が2段階以上異なる項目に「※」を付けています。市民と行政で見方が異なる点として、話し合いの材料にしま"
      "す。");
  // Partners in equal columns (a long name wraps in its header; the ratings are one digit).
  std::vector<sdk::TableColumn> cols{{"評価項目", 2.4}};
  for (const auto& x : p.partners) cols.push_back({x.name, 1.5, sdk::Align::Center});
  cols.push_back({"差", 0.7, sdk::Align::Center});
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : comparison) {
    std::vector<std::string> row{r.label};
    for (const auto& x : r.ratings) row.push_back(x.rating ? std::to_string(*x.rating) : "-");
    row.push_back(std::to_string(r.spread) + (r.differs ? " ※" : ""));
    rows.push_back(std::move(row));
  }
  doc.table(cols, rows);
  for (const auto& r : comparison) {
    std::vector<sdk::ChartBar> bars;
    bool any = false;
    for (const auto& x : r.ratings) {
      bars.push_back({x.partner, x.rating ? std::optional<double>(*x.rating) : std::nullopt,
                      x.rating ? std::to_string(*x.rating) : "未評価"});
      any = any || x.rating;
    }
    if (any) doc.bar_chart(r.label + (r.differs ? "　※ 評価が2段階以上異なる" : ""), bars, 5);
  }
  int section = 5;
  for (const auto& t : tallies) {
    doc.heading(std::to_string(section++) + " アンケート「" + t.survey.title + "」（回答 " +
                std::to_string(t.survey.sheets) + "件）");
    for (const auto& qt : t.questions) tally_blocks(doc, qt, false);
    bool texts = false;
    for (const auto& qt : t.questions) texts = texts || !qt.texts.empty();
    if (texts) {
      doc.subheading("自由記述のまとめ");
      for (const auto& qt : t.questions)
        for (const auto& x : qt.texts) doc.paragraph("・" + x.text);
    }
    cross_blocks(doc, t);
  }
  doc.heading(std::to_string(section) + " 改善の方向性");
  bool any = false;
  if (!p.improvements.empty()) doc.paragraph(p.improvements), any = true;
  for (const auto& r : comparison)
    for (const auto& x : r.ratings)
      if (!x.improvement.empty()) {
        doc.paragraph("・" + r.label + "（" + x.partner + "）: " + x.improvement);
        any = true;
      }
  if (!any) doc.paragraph("記載なし");
  doc.footer(p.owner_name);
  return doc;
}

sdk::Document report_document(sdk::Database& db, const Project& p) {
  std::vector<Tally> tallies;
  for (const auto& s : list_surveys(db, p.id)) {
    std::optional<int> by;  // cross-tabulated by its first attribute (年代, 地区)
    for (const auto& q : s.questions)
      if (q.kind == "attribute" && !by) by = q.number;
    tallies.push_back(tally(db, s, by));
  }
  return report_document(p, compare(db, p), tallies);
}

}  // namespace wasshoi::evaluation
