// `wasshoi-cli evaluation survey …`: アンケート — questions, answer sheets (one per command or a CSV
// of sheets), the tally with its cross-tabulation (cells of fewer than 3 answers shown as 「—」 in
// the text, null with "suppressed" in --json, 「—」 in the CSV and the PDF), free text made a local issue.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <wasshoi/sdk/cli_options.hpp>
#include <wasshoi/sdk/csv.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>

#include "cli/cli.hpp"
#include "cli/project_json.hpp"
#include "core/documents.hpp"
#include "core/surveys.hpp"

namespace wasshoi::evaluation::cli {

using nlohmann::json;
namespace opt = sdk::cli;

namespace {

json cell_json(const Cell& c) {
  if (c.suppressed || !c.value) return {{"value", nullptr}, {"percent", nullptr}, {"suppressed", true}};
  return {
      {"value", *c.value}, {"percent", c.percent ? json(*c.percent) : json(nullptr)}, {"suppressed", false}};
}

json tally_json(const Tally& t) {
  json qs = json::array();
  for (const auto& qt : t.questions) {
    json counts = json::array(), texts = json::array();
    for (const auto& c : qt.counts)
      counts.push_back({{"label", c.label}, {"count", c.count}, {"percent", c.percent}});
    for (const auto& x : qt.texts)
      texts.push_back(
          {{"answer", x.answer}, {"text", x.text}, {"issue", x.issue ? json(*x.issue) : json(nullptr)}});
    qs.push_back({{"number", qt.question.number},
                  {"kind", qt.question.kind},
                  {"text", qt.question.text},
                  {"answered", qt.answered},
                  {"counts", counts},
                  {"mean", qt.mean ? json(*qt.mean) : json(nullptr)},
                  {"min", qt.min ? json(*qt.min) : json(nullptr)},
                  {"max", qt.max ? json(*qt.max) : json(nullptr)},
                  {"texts", texts}});
  }
  json cross = json::array();
  for (const auto& ct : t.cross) {
    json rows = json::array();
    for (const auto& r : ct.rows) {
      json cells = json::array();
      for (const auto& c : r.cells) cells.push_back(cell_json(c));
      rows.push_back({{"group", r.group}, {"answered", cell_json(r.answered)}, {"cells", cells}});
    }
    cross.push_back({{"number", ct.question.number},
                     {"text", ct.question.text},
                     {"columns", ct.columns},
                     {"rows", rows}});
  }
  return {{"survey", t.survey.id},
          {"title", t.survey.title},
          {"sheets", t.survey.sheets},
          {"questions", qs},
          {"by", t.by ? json(t.by->number) : json(nullptr)},
          {"min_cell", kMinCell},
          {"cross", cross}};
}

void print_tally(std::ostream& out, const Tally& t) {
  out << t.survey.title << " (回答 " << t.survey.sheets << " 件)\n";
  for (const auto& qt : t.questions) {
    out << "問" << qt.question.number << " " << qt.question.text << " ["
        << question_kind_label(qt.question.kind) << "] 回答 " << qt.answered << "\n";
    for (const auto& c : qt.counts)
      out << "  " << c.label << "\t" << c.count << "\t" << format_percent(c.percent) << "\n";
    if (qt.mean) out << "  平均\t" << format_mean(*qt.mean) << "\n";
    for (const auto& x : qt.texts)
      out << "  [" << x.answer << "] " << x.text
          << (x.issue ? " (地域課題 " + std::to_string(*x.issue) + ")" : "") << "\n";
  }
  for (const auto& ct : t.cross) {
    out << "クロス集計 問" << ct.question.number << " × 問" << t.by->number << " " << t.by->text << "\n  "
        << t.by->text << "\t回答数";
    for (const auto& c : ct.columns) out << "\t" << c;
    out << "\n";
    const bool mean = ct.question.kind == "scale" || ct.question.kind == "number";
    for (const auto& r : ct.rows) {
      out << "  " << r.group << "\t" << format_cell(r.answered, false);
      for (const auto& c : r.cells) out << "\t" << format_cell(c, mean);
      out << "\n";
    }
  }
}

void add_survey_add(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id project = 0;
    std::string title;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand("add", "a アンケート of a 協働事業 the organization registered");
  cmd->add_option("PROJECT", o->project, "the 協働事業's id")->required();
  opt::add_text_option(*cmd, "TITLE", o->title, sdk::TextKind::Line, "its title")->required();
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    project(ctx.db(), sdk::organizations(ctx), org, o->project);
    const Id id = add_survey(ctx.db(), o->project, o->title);
    const Survey s = survey(ctx.db(), sdk::organizations(ctx), org, id);
    ctx.emit(survey_json(s),
             [&](std::ostream& out) { out << "アンケート " << id << ": " << s.title << "\n"; });
  });
}

void add_question_cmd(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id survey = 0;
    std::string kind, text;
    std::vector<std::string> choices;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand("question", "add the next question (before any answer is entered)");
  cmd->add_option("SURVEY", o->survey, "the アンケート's id")->required();
  cmd->add_option("--kind", o->kind,
                  "single (単一選択), multiple (複数選択), scale (5段階), number (数値), text (自由記述), "
                  "attribute (属性: 年代, 地区)")
      ->required();
  opt::add_text_option(*cmd, "--text", o->text, sdk::TextKind::Line, "the question")->required();
  cmd->add_option("--choice", o->choices, "a choice, in order; repeat (a scale: 5 labels or none)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    survey(ctx.db(), sdk::organizations(ctx), org, o->survey);
    const int n = add_question(ctx.db(), o->survey, o->kind, o->text, o->choices);
    const Survey s = survey(ctx.db(), sdk::organizations(ctx), org, o->survey);
    ctx.emit(survey_json(s), [&](std::ostream& out) { out << "問" << n << ": " << o->text << "\n"; });
  });
}

void add_survey_show(CLI::App& app, sdk::CliContext& ctx) {
  auto id = std::make_shared<Id>(0);
  auto* cmd = app.add_subcommand("show", "a アンケート's questions and how many sheets it has");
  cmd->add_option("SURVEY", *id, "the アンケート's id")->required();
  cmd->callback([&ctx, id] {
    const Survey s = survey(ctx.db(), sdk::organizations(ctx), ctx.require_org(), *id);
    ctx.emit(survey_json(s), [&](std::ostream& out) {
      out << "アンケート " << s.id << ": " << s.title << " (回答 " << s.sheets << " 件)\n";
      for (const auto& q : s.questions) {
        out << "問" << q.number << " [" << question_kind_label(q.kind) << "] " << q.text << "\n";
        for (std::size_t i = 0; i < q.choices.size(); ++i)
          out << "  " << i + 1 << ". " << q.choices[i] << "\n";
      }
    });
  });
}

void add_survey_list(CLI::App& app, sdk::CliContext& ctx) {
  auto id = std::make_shared<Id>(0);
  auto* cmd = app.add_subcommand("list", "the アンケート of a 協働事業");
  cmd->add_option("PROJECT", *id, "the 協働事業's id")->required();
  cmd->callback([&ctx, id] {
    project(ctx.db(), sdk::organizations(ctx), ctx.require_org(), *id);  // refused unless it takes part
    const auto list = list_surveys(ctx.db(), *id);
    json out = json::array();
    for (const auto& s : list) out.push_back(survey_json(s));
    ctx.emit(out, [&](std::ostream& o) {
      for (const auto& s : list)
        o << s.id << "\t" << s.title << "\t" << s.questions.size() << "問\t" << s.sheets << "件\n";
    });
  });
}

void add_answer_cmd(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id survey = 0;
    std::vector<std::string> values;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand(
      "answer", "enter one paper answer sheet: one value per question in order (2  1,3  4  35  自由記述  -)");
  cmd->add_option("SURVEY", o->survey, "the アンケート's id")->required();
  cmd->add_option("VALUES", o->values,
                  "a choice's number, several for a multiple choice (1,3), a number, a text; - for none")
      ->required();
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    survey(ctx.db(), sdk::organizations(ctx), org, o->survey);
    const Id sheet = add_sheet(ctx.db(), o->survey, o->values);
    const Survey s = survey(ctx.db(), sdk::organizations(ctx), org, o->survey);
    ctx.emit({{"sheet", sheet}, {"sheets", s.sheets}},
             [&](std::ostream& out) { out << "回答票 " << s.sheets << " 件目を登録しました\n"; });
  });
}

void add_import_cmd(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id survey = 0;
    std::filesystem::path file;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand(
      "import", "enter a CSV of answer sheets (a header line, then one sheet per line): all or nothing");
  cmd->add_option("SURVEY", o->survey, "the アンケート's id")->required();
  cmd->add_option("FILE", o->file, "the CSV (UTF-8 or Shift_JIS)")->required();
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    survey(ctx.db(), sdk::organizations(ctx), org, o->survey);
    const std::string bytes = sdk::read_input_file(o->file, sdk::FileKind::Roster, "answer sheets");
    const int n = import_sheets(ctx.db(), o->survey, bytes);
    const Survey s = survey(ctx.db(), sdk::organizations(ctx), org, o->survey);
    ctx.emit({{"imported", n}, {"sheets", s.sheets}}, [&](std::ostream& out) {
      out << n << " 件の回答票を登録しました (計 " << s.sheets << " 件)\n";
    });
  });
}

void add_tally_cmd(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id survey = 0;
    std::optional<int> by;
    std::filesystem::path out;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand(
      "tally",
      "counts, %, means and a cross-tabulation by an attribute (cells of fewer than 3 answers: 「—」)");
  cmd->add_option("SURVEY", o->survey, "the アンケート's id")->required();
  opt::add_number_option(*cmd, "--by", o->by, {1, 1000},
                         "the attribute question's number (問2 → 2) to cross-tabulate by");
  cmd->add_option("--out", o->out, "also write the tally to FILE.csv or FILE.pdf");
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    if (!o->out.empty() && o->out.extension() != ".csv" && o->out.extension() != ".pdf")
      throw sdk::InputError("--out: " + o->out.string() + " must end in .csv or .pdf");
    const Survey s = survey(ctx.db(), orgs, org, o->survey);
    const Tally t = tally(ctx.db(), s, o->by);
    if (o->out.extension() == ".csv") {
      sdk::write_file(o->out, tally_csv(t));
    } else if (o->out.extension() == ".pdf") {
      tally_document(t, project(ctx.db(), orgs, org, s.project)).save_pdf(o->out);
    }
    ctx.emit(tally_json(t), [&](std::ostream& out) { print_tally(out, t); });
  });
}

void add_to_issue_cmd(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id survey = 0, answer = 0;
    std::string category;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand("to-issue", "make a free-text answer a local issue (issues plugin)");
  cmd->add_option("SURVEY", o->survey, "the アンケート's id")->required();
  cmd->add_option("ANSWER", o->answer, "the answer's id, as the tally lists it ([12])")->required();
  opt::add_text_option(*cmd, "--category", o->category, sdk::TextKind::Line,
                       "the issue's category (防災, 防犯 …)");
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    const Survey s = survey(ctx.db(), sdk::organizations(ctx), org, o->survey);
    const Id issue =
        answer_to_issue(ctx.db(), ctx.services().get<sdk::IssueTracker>(), s, org, o->answer, o->category);
    ctx.emit({{"issue", issue}, {"answer", o->answer}},
             [&](std::ostream& out) { out << "地域課題 " << issue << " として登録しました\n"; });
  });
}

void add_print_cmd(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id survey = 0;
    std::filesystem::path out;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand("print", "the questionnaire as an A4 form with large check boxes (PDF)");
  cmd->add_option("SURVEY", o->survey, "the アンケート's id")->required();
  cmd->add_option("--out", o->out, "FILE.pdf")->required();
  cmd->callback([&ctx, o] {
    if (o->out.extension() != ".pdf")
      throw sdk::InputError("--out: " + o->out.string() + " must end in .pdf");
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    const Survey s = survey(ctx.db(), orgs, org, o->survey);
    questionnaire_document(s, project(ctx.db(), orgs, org, s.project)).save_pdf(o->out);
    ctx.emit({{"file", o->out.string()}, {"questions", s.questions.size()}},
             [&](std::ostream& out) { out << o->out.string() << "\n"; });
  });
}

}  // namespace

void add_survey_commands(CLI::App& evaluation, sdk::CliContext& ctx) {
  auto* survey =
      evaluation.add_subcommand("survey", "アンケート: questions, answer sheets, tally, printed form");
  survey->require_subcommand(1);
  add_survey_add(*survey, ctx);
  add_question_cmd(*survey, ctx);
  add_question_edit_commands(*survey, ctx);
  add_survey_show(*survey, ctx);
  add_survey_list(*survey, ctx);
  add_answer_cmd(*survey, ctx);
  add_import_cmd(*survey, ctx);
  add_tally_cmd(*survey, ctx);
  add_to_issue_cmd(*survey, ctx);
  add_print_cmd(*survey, ctx);
}

}  // namespace wasshoi::evaluation::cli
