// wasshoi-cli ledger close|audit|handover|handover-import
#include <wasshoi/sdk/file_writer.hpp>

#include "cli/cli_support.hpp"
#include "core/documents.hpp"
#include "core/front.hpp"
#include "core/year_end.hpp"

namespace wasshoi::ledger::cli {

namespace {

using sdk::cli::options;

void add_close(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::string year, date;
  };
  auto o = options<O>();
  auto* cmd =
      ledger.add_subcommand("close", "close a 年度: no more entries, 繰越金 carried, 予算 copied as a draft");
  cmd->add_option("--year", o->year, "年度")->required();
  cmd->add_option("--date", o->date, "the day (today when not given)");
  cmd->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const int year = year_arg(ctx, org, o->year);
    const CloseResult r =
        close_year(ctx.db(), org, year, sdk::cli::parse_date_option("--date", o->date, sdk::today()));
    ctx.emit({{"year", year}, {"carried", r.carried}, {"budget_lines", r.budget_lines}},
             [&](std::ostream& out) {
               out << year << "年度 closed: 次年度繰越金 " << yen_text(r.carried) << "円, " << r.budget_lines
                   << " 予算案 lines\n";
             });
  });
}

void add_audit(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::string year, date, opinion, pdf;
    std::vector<std::string> auditors;
  };
  auto o = options<O>();
  auto* cmd =
      ledger.add_subcommand("audit", "record the 監査 (two 監事): the 年度 is locked; or print the 監査報告");
  cmd->add_option("--year", o->year, "年度")->required();
  cmd->add_option("--auditor", o->auditors, "a 監事 (twice)");
  cmd->add_option("--date", o->date, "the day of the 監査 (today when not given)");
  sdk::cli::add_text_option(*cmd, "--opinion", o->opinion, sdk::TextKind::Note,
                            "監査意見 (the usual wording when not given)");
  cmd->add_option("--pdf", o->pdf, "write the 監査報告 as PDF to this file");
  cmd->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const int year = year_arg(ctx, org, o->year);
    if (!o->auditors.empty()) {
      if (o->auditors.size() != 2)
        throw sdk::InputError("--auditor: give the two 監事 (--auditor A --auditor B)");
      record_audit(ctx.db(), org, year,
                   {o->auditors[0], o->auditors[1],
                    sdk::cli::parse_date_option("--date", o->date, sdk::today()), o->opinion});
    }
    if (!o->pdf.empty()) save_document(audit_document(ctx.db(), org, org_name(ctx, org), year), o->pdf);
    const YearInfo y = year_info(ctx.db(), org, year);
    ctx.emit(
        {{"year", year}, {"state", y.state}, {"auditors", {y.auditor1, y.auditor2}}, {"carried", y.carried}},
        [&](std::ostream& out) {
          out << year << '\t' << y.state << '\t' << y.auditor1 << '\t' << y.auditor2 << '\n';
        });
  });
}

void add_handover(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::string year, out, in;
  };
  auto o = options<O>();
  auto* cmd = ledger.add_subcommand("handover", "the books of a 年度 as one file for next year's 会計");
  cmd->add_option("--year", o->year, "年度")->required();
  cmd->add_option("--out", o->out, "the file to write")->required();
  cmd->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const int year = year_arg(ctx, org, o->year);
    sdk::write_file(o->out, export_handover(ctx, org, year));
    ctx.emit({{"year", year}, {"out", o->out}},
             [&](std::ostream& out) { out << "written: " << o->out << '\n'; });
  });
  auto* imp =
      ledger.add_subcommand("handover-import", "open the books handed over (importing twice adds nothing)");
  imp->add_option("FILE", o->in, "the hand-over file")->required();
  imp->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const auto r = open_handover(ctx, org, sdk::read_input_file(o->in, sdk::FileKind::Bundle, "hand-over"));
    ctx.emit({{"year", r.year}, {"added", r.entries_added}, {"present", r.entries_present}},
             [&](std::ostream& out) {
               out << r.year << "年度: " << r.entries_added << " entries added, " << r.entries_present
                   << " present already\n";
             });
  });
}

}  // namespace

void add_year_commands(CLI::App& ledger, sdk::CliContext& ctx) {
  add_close(ledger, ctx);
  add_audit(ledger, ctx);
  add_handover(ledger, ctx);
}

}  // namespace wasshoi::ledger::cli
