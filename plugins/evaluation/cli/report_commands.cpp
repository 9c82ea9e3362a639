// `wasshoi-cli evaluation report PROJECT --out FILE.pdf`: the 評価報告書 for the public.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <wasshoi/sdk/cli_options.hpp>

#include "cli/cli.hpp"
#include "core/documents.hpp"

namespace wasshoi::evaluation::cli {

void add_report_commands(CLI::App& evaluation, sdk::CliContext& ctx) {
  struct Options {
    Id project = 0;
    std::filesystem::path out;
  };
  auto o = sdk::cli::options<Options>();
  auto* cmd = evaluation.add_subcommand("report",
                                        "the 評価報告書 (PDF or .md): goals and results, every partner's "
                                        "evaluation, the comparison, the アンケート");
  cmd->add_option("PROJECT", o->project, "the 協働事業's id")->required();
  cmd->add_option("--out", o->out, "FILE.pdf or FILE.md")->required();
  cmd->callback([&ctx, o] {
    if (o->out.extension() != ".pdf" && o->out.extension() != ".md")
      throw sdk::InputError("--out: " + o->out.string() + " must end in .pdf or .md");
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    const Project p = project(ctx.db(), orgs, org, o->project);
    const auto doc = report_document(ctx.db(), p);
    const auto surveys = list_surveys(ctx.db(), p.id).size();
    if (o->out.extension() == ".pdf")
      doc.save_pdf(o->out);
    else
      doc.save_markdown(o->out);
    ctx.emit({{"file", o->out.string()}, {"project", p.id}, {"surveys", surveys}},
             [&](std::ostream& out) { out << o->out.string() << "\n"; });
  });
}

}  // namespace wasshoi::evaluation::cli
