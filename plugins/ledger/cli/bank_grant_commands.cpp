// wasshoi-cli ledger bank import|reconcile, ledger grant add|list|tag|report
#include "cli/cli_support.hpp"
#include "core/bank.hpp"
#include "core/documents.hpp"
#include "core/grants.hpp"

namespace wasshoi::ledger::cli {

namespace {

using sdk::cli::options;

nlohmann::json line_json(const BankLine& l) {
  return {{"id", l.id},
          {"date", sdk::iso_or_unknown(l.day)},
          {"amount", l.amount},
          {"description", l.description}};
}

}  // namespace

void add_bank_commands(CLI::App& ledger, sdk::CliContext& ctx) {
  auto* bank =
      ledger.add_subcommand("bank", "the bank statement (通帳): import its CSV, match it with the 出納帳");
  bank->require_subcommand(1);
  struct O {
    std::string account, file, columns;
  };
  auto o = options<O>();
  auto* imp =
      bank->add_subcommand("import", "a statement CSV (CP932 or UTF-8); the same one twice adds nothing");
  imp->add_option("ACCOUNT", o->account, "the account it is the statement of")->required();
  imp->add_option("FILE", o->file, "the CSV file")->required();
  imp->add_option("--columns", o->columns, "date=1,desc=2,in=3,out=4 (once; remembered for the account)");
  imp->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const auto bytes = sdk::read_input_file(o->file, sdk::FileKind::Roster, "statement");
    const auto r = import_statement(ctx.db(), org, o->account, bytes,
                                    o->columns.empty() ? ColumnMapping{} : parse_mapping(o->columns));
    ctx.emit({{"lines", r.lines},
              {"added", r.added},
              {"present", r.present},
              {"matched", r.matched},
              {"encoding", r.encoding}},
             [&](std::ostream& out) {
               out << r.lines << " lines (" << r.encoding << "): " << r.added << " new, " << r.present
                   << " imported before, " << r.matched << " matched\n";
             });
  });
  auto* rec = bank->add_subcommand("reconcile", "what is on the statement only, and in the 出納帳 only");
  rec->add_option("ACCOUNT", o->account, "the account")->required();
  rec->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const Reconciliation r = reconcile(ctx.db(), org, o->account);
    nlohmann::json bank_only = nlohmann::json::array(), book_only = nlohmann::json::array();
    for (const auto& l : r.bank_only) bank_only.push_back(line_json(l));
    for (const auto& e : r.book_only) book_only.push_back(to_json(e));
    ctx.emit({{"account", r.account.name},
              {"matched", r.matched},
              {"bank_only", bank_only},
              {"book_only", book_only}},
             [&](std::ostream& out) {
               out << r.matched << " matched\n";
               for (const auto& l : r.bank_only)
                 out << "通帳のみ\t" << sdk::iso_or_unknown(l.day) << '\t' << yen_text(l.amount) << '\t'
                     << l.description << '\n';
               for (const auto& e : r.book_only)
                 out << "出納帳のみ\t" << sdk::iso_or_unknown(e.day) << '\t' << yen_text(e.amount) << '\t'
                     << e.summary << '\n';
             });
  });
}

void add_grant_commands(CLI::App& ledger, sdk::CliContext& ctx) {
  auto* grant = ledger.add_subcommand("grant", "補助金: grants, their entries and 実績報告");
  grant->require_subcommand(1);
  struct O {
    Grant g;
    std::string from, to, pdf;
    std::int64_t id = 0, entry = 0;
    bool untag = false;
  };
  auto o = options<O>();
  auto* add = grant->add_subcommand("add", "a grant");
  sdk::cli::add_text_option(*add, "NAME", o->g.name, sdk::TextKind::Line, "自治会等活動費総合補助金")
      ->required();
  sdk::cli::add_text_option(*add, "--body", o->g.body, sdk::TextKind::Name, "granting body (一関市)");
  sdk::cli::add_number_option(*add, "--amount", o->g.amount, kBudgetRange, "whole yen");
  sdk::cli::add_text_option(*add, "--purpose", o->g.purpose, sdk::TextKind::Line, "purpose");
  sdk::cli::add_text_option(*add, "--conditions", o->g.conditions, sdk::TextKind::Note, "conditions");
  add->add_option("--from", o->from, "period from");
  add->add_option("--to", o->to, "period to");
  add->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    Grant g = o->g;
    g.from = sdk::cli::parse_optional_date_option("--from", o->from);
    g.to = sdk::cli::parse_optional_date_option("--to", o->to);
    const Id id = add_grant(ctx.db(), org, g);
    ctx.emit({{"id", id}, {"name", g.name}}, [&](std::ostream& out) { out << id << '\t' << g.name << '\n'; });
  });
  grant->add_subcommand("list", "the grants")->callback([&ctx] {
    const auto all = grants(ctx.db(), books_org(ctx));
    nlohmann::json j = nlohmann::json::array();
    for (const auto& g : all)
      j.push_back({{"id", g.id}, {"name", g.name}, {"body", g.body}, {"amount", g.amount}});
    ctx.emit(j, [&](std::ostream& out) {
      for (const auto& g : all)
        out << g.id << '\t' << g.name << '\t' << g.body << '\t' << yen_text(g.amount) << "円\n";
    });
  });
  auto* tag = grant->add_subcommand("tag", "tag an entry to a grant");
  sdk::add_id(*tag, ctx, "ENTRY", o->entry, "ledger_entries", "entry id")->required();
  sdk::add_id(*tag, ctx, "GRANT", o->id, "ledger_grants", "grant id");
  tag->add_flag("--untag", o->untag, "remove the entry from its grant");
  tag->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    if (!o->untag && o->id == 0) throw sdk::InputError("GRANT: give the grant (or --untag)");
    tag_entry(ctx.db(), org, o->entry, o->untag ? std::nullopt : std::optional<Id>(o->id));
    ctx.emit(
        {{"entry", o->entry}, {"grant", o->untag ? nlohmann::json() : nlohmann::json(o->id)}},
        [&](std::ostream& out) { out << "entry " << o->entry << (o->untag ? " untagged\n" : " tagged\n"); });
  });
  auto* report = grant->add_subcommand("report", "実績報告 of a grant");
  sdk::add_id(*report, ctx, "ID", o->id, "ledger_grants", "grant id")->required();
  report->add_option("--pdf", o->pdf, "write it as PDF to this file");
  report->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const GrantReport r = grant_report(ctx.db(), org, o->id);
    if (!o->pdf.empty()) save_document(grant_document(ctx.db(), org, org_name(ctx, org), o->id), o->pdf);
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : r.entries) entries.push_back(to_json(e));
    ctx.emit({{"grant", r.grant.name},
              {"income", r.income},
              {"expense", r.expense},
              {"balance", r.balance()},
              {"entries", entries}},
             [&](std::ostream& out) {
               out << r.grant.name << "\t収入 " << yen_text(r.income) << "\t支出 " << yen_text(r.expense)
                   << "\t差引 " << yen_text(r.balance()) << '\n';
             });
  });
}

}  // namespace wasshoi::ledger::cli
