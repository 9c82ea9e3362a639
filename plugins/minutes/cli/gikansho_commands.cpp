// minutes gikansho --meeting N [--out F.pdf] [--year Y]: the 総会's 議案書 as one PDF; with --json
// the 議案 in order, the page each is printed on and each section's figures.
#include <wasshoi/sdk/cli_ids.hpp>

#include "cli/json_and_dates.hpp"
#include "core/gikansho.hpp"

namespace wasshoi::minutes::cli {

namespace {

struct GikanshoOptions {
  MeetingId meeting = 0;
  std::string year, out;
};

json to_json(const GikanshoEntry& e) {
  json sections = json::array();
  for (const auto& s : e.sections) {
    json figures = json::object();
    for (const auto& f : s.figures) figures[f.name] = f.value;
    sections.push_back({{"id", s.id}, {"title", s.title}, {"figures", figures}, {"error", s.error}});
  }
  return {{"number", e.number},
          {"title", e.item.title},
          {"part", e.item.part ? json(part_id(*e.item.part)) : json(nullptr)},
          {"typed", !e.item.text.empty() || e.sections.empty()},
          {"page", e.page},
          {"sections", sections}};
}

void print(std::ostream& out, const Gikansho& g) {
  for (const auto& e : g.entries) {
    out << "第" << e.number << "号議案　" << e.item.title << "  (p. " << e.page << ")\n";
    for (const auto& s : e.sections) {
      out << "    " << s.title;
      for (const auto& f : s.figures) out << "  " << f.name << '=' << f.value;
      if (!s.error.empty()) out << "  [" << s.error << ']';
      out << '\n';
    }
  }
}

}  // namespace

void add_gikansho_commands(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<GikanshoOptions>();
  auto* cmd =
      minutes.add_subcommand("gikansho",
                             "the 総会's 議案書: cover, 目次, 第N号議案 from every plugin's annual-report "
                             "sections and the typed 議案, as one PDF");
  sdk::add_id(*cmd, ctx, "--meeting", o->meeting, "minutes_meetings", "the 総会 (meeting id)")->required();
  cmd->add_option("--year", o->year, "年度 reported on: 2025, 令和7, R7 (default: the one before the 総会)");
  cmd->add_option("--out", o->out, "the PDF file to write (without it: the list only)");
  cmd->callback([&ctx, o] {
    std::optional<int> year;
    if (!o->year.empty()) year = sdk::cli::parse_fiscal_year_option("--year", o->year);
    const Gikansho g = build_gikansho(ctx, o->meeting, year);
    if (!o->out.empty()) g.document.save_pdf(o->out);
    json items = json::array();
    for (const auto& e : g.entries) items.push_back(to_json(e));
    ctx.emit({{"meeting", g.meeting.id},
              {"fiscal_year", g.period.fiscal_year},
              {"plan_year", g.period.plan_year()},
              {"pages", g.document.page_count()},
              {"out", o->out},
              {"items", items}},
             [&](std::ostream& out) {
               print(out, g);
               if (!o->out.empty()) out << "written: " << o->out << '\n';
             });
    for (const auto& p : g.problems()) ctx.notify(p.title + ": " + p.error);
  });
}

}  // namespace wasshoi::minutes::cli
