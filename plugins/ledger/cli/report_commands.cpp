// wasshoi-cli ledger budget|settlement|monthly|inventory
#include "cli/cli_support.hpp"
#include "core/books.hpp"
#include "core/documents.hpp"
#include "core/reports.hpp"

namespace wasshoi::ledger::cli {

namespace {

using sdk::cli::options;

void add_budget(CLI::App& ledger, sdk::CliContext& ctx) {
  auto* budget =
      ledger.add_subcommand("budget", "予算 per 科目, with last year's 決算 beside it; the 予算案");
  budget->require_subcommand(1);
  struct O {
    std::string year, category, note, pdf, fund;
    std::int64_t amount = 0;
    bool draft = false, clear = false;
  };
  auto o = options<O>();
  auto* set = budget->add_subcommand("set", "the 予算額 of a 科目");
  set->add_option("CATEGORY", o->category, "科目 (name, reading or part of it)")->required();
  sdk::cli::add_number_option(*set, "--amount", o->amount, kBudgetRange, "whole yen");
  set->add_option("--year", o->year, "年度 (this one when not given)");
  set->add_flag("--draft", o->draft, "a draft (案) until the 総会 votes it");
  set->add_flag("--clear", o->clear, "remove the 予算額");
  sdk::cli::add_text_option(*set, "--note", o->note, sdk::TextKind::Line, "備考");
  set->add_option("--fund", o->fund, "the fund whose 予算 it is (一般会計 unless given)");
  set->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const int year = year_arg(ctx, org, o->year);
    const Category c = find_category(ctx.db(), org, o->category);
    set_budget(ctx.db(), org, year, c.id, o->clear ? std::nullopt : std::optional(o->amount), o->draft,
               o->note, o->fund);
    ctx.emit(
        {{"year", year},
         {"fund", find_fund(ctx.db(), org, o->fund).name},
         {"category", c.path},
         {"amount", o->clear ? nlohmann::json() : nlohmann::json(o->amount)}},
        [&](std::ostream& out) { out << year << '\t' << c.path << '\t' << yen_text(o->amount) << "円\n"; });
  });
  auto* list = budget->add_subcommand("list", "the 予算 of a 年度, last year's 決算 beside it");
  list->add_option("--year", o->year, "年度");
  list->add_option("--pdf", o->pdf, "write the 予算案 (every fund) as PDF to this file");
  list->add_option("--fund", o->fund, "一般会計 unless given");
  list->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const int year = year_arg(ctx, org, o->year);
    if (!o->pdf.empty()) save_document(budget_document(ctx.db(), org, org_name(ctx, org), year), o->pdf);
    const auto lines = budget_lines(ctx.db(), org, year, o->fund);
    nlohmann::json j = nlohmann::json::array();
    for (const auto& l : lines)
      j.push_back({{"category", l.category.path},
                   {"side", side_key(l.category.side)},
                   {"budget", l.budget ? nlohmann::json(*l.budget) : nlohmann::json()},
                   {"budget_total", l.budget_total},
                   {"parent", l.parent},
                   {"draft", l.draft},
                   {"last_year_actual", l.last_year_actual}});
    // The 予算案's totals as it prints them (前年度決算額 = last year's 収支決算書 of the fund).
    sdk::Document scratch("予算案");
    const BudgetTotals t = add_budget_tables(scratch, ctx.db(), org, year, false, o->fund);
    ctx.emit({{"year", year},
              {"fund", find_fund(ctx.db(), org, o->fund).name},
              {"lines", j},
              {"totals",
               {{"income", t.income},
                {"expense", t.expense},
                {"last_income", t.last_income},
                {"last_expense", t.last_expense}}}},
             [&](std::ostream& out) {
               for (const auto& l : lines)
                 out << (l.category.side == Side::Income ? "収入" : "支出") << '\t' << l.category.path << '\t'
                     << (l.budget ? yen_text(*l.budget) : "-") << (l.draft ? " (案)" : "") << "\t前年度 "
                     << yen_text(l.last_year_actual) << '\n';
             });
  });
  auto* approve = budget->add_subcommand("approve", "the 総会 voted the 予算案: the drafts become the 予算");
  approve->add_option("--year", o->year, "年度");
  approve->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const int year = year_arg(ctx, org, o->year);
    const int n = approve_budget(ctx.db(), org, year);
    ctx.emit({{"year", year}, {"lines", n}}, [&](std::ostream& out) { out << n << " lines approved\n"; });
  });
}

void print_lines(std::ostream& out, const std::vector<SettlementLine>& lines) {
  for (const auto& l : lines)
    out << (l.depth ? "  " : "") << l.name << '\t' << yen_text(l.budget) << '\t' << yen_text(l.actual) << '\t'
        << yen_text(l.difference()) << '\n';
}

void add_settlement_cmd(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::string year, fund, pdf;
  };
  auto o = options<O>();
  auto* cmd = ledger.add_subcommand("settlement", "収支決算書 (収入の部 / 支出の部; 次年度繰越金)");
  cmd->add_option("--year", o->year, "年度 (this one when not given)");
  cmd->add_option("--fund", o->fund, "一般会計 unless given");
  cmd->add_option("--pdf", o->pdf, "write it as PDF to this file");
  cmd->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const int year = year_arg(ctx, org, o->year);
    const Settlement s = settlement(ctx.db(), org, year, o->fund);
    if (!o->pdf.empty())
      save_document(settlement_document(ctx.db(), org, org_name(ctx, org), year, o->fund), o->pdf);
    ctx.emit(to_json(s), [&](std::ostream& out) {
      out << sdk::format_fiscal_year_ja(year) << ' ' << s.fund.name
          << " 収支決算書\n科目\t予算額\t決算額\t増減\n[収入の部]\n";
      print_lines(out, s.income);
      out << "収入合計\t" << yen_text(s.income_budget) << '\t' << yen_text(s.income_total)
          << "\n[支出の部]\n";
      print_lines(out, s.expense);
      out << "支出合計\t" << yen_text(s.expense_budget) << '\t' << yen_text(s.expense_total) << '\n'
          << "次年度繰越金\t" << yen_text(s.carry_out()) << '\n';
    });
  });
}

void add_settlement_note(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::string year, fund, category, note;
  };
  auto o = options<O>();
  auto* cmd =
      ledger.add_subcommand("settlement-note", "the 備考 of a 科目 on the 収支決算書 (empty clears it)");
  cmd->add_option("CATEGORY", o->category, "科目 (name, reading or part of it)")->required();
  sdk::cli::add_text_option(*cmd, "--note", o->note, sdk::TextKind::Line, "備考")->required();
  cmd->add_option("--year", o->year, "年度 (this one when not given)");
  cmd->add_option("--fund", o->fund, "一般会計 unless given");
  cmd->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const int year = year_arg(ctx, org, o->year);
    const Category c = find_category(ctx.db(), org, o->category);
    set_settlement_note(ctx.db(), org, year, c.id, o->note, o->fund);
    ctx.emit({{"year", year}, {"category", c.path}, {"note", sdk::trim(o->note)}},
             [&](std::ostream& out) { out << year << '\t' << c.path << '\t' << sdk::trim(o->note) << '\n'; });
  });
}

void add_monthly(CLI::App& ledger, sdk::CliContext& ctx) {
  auto year = std::make_shared<std::string>();
  auto* cmd = ledger.add_subcommand("monthly", "income, expense and money at each month's end");
  cmd->add_option("--year", *year, "年度");
  cmd->callback([&ctx, year] {
    const OrgId org = books_org(ctx);
    const auto lines = monthly_summary(ctx.db(), org, year_arg(ctx, org, *year));
    nlohmann::json j = nlohmann::json::array();
    for (const auto& l : lines)
      j.push_back({{"year", l.year},
                   {"month", l.month},
                   {"income", l.income},
                   {"expense", l.expense},
                   {"closing", l.closing}});
    ctx.emit(j, [&](std::ostream& out) {
      for (const auto& l : lines)
        out << l.year << '-' << l.month << '\t' << yen_text(l.income) << '\t' << yen_text(l.expense) << '\t'
            << yen_text(l.closing) << '\n';
    });
  });
}

void add_inventory_cmd(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::string year, pdf;
  };
  auto o = options<O>();
  auto* cmd = ledger.add_subcommand("inventory", "財産目録: the balance of every account at the 年度's end");
  cmd->add_option("--year", o->year, "年度");
  cmd->add_option("--pdf", o->pdf, "write it as PDF to this file");
  cmd->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const int year = year_arg(ctx, org, o->year);
    const Inventory inv = inventory(ctx.db(), org, year);
    if (!o->pdf.empty()) save_document(inventory_document(ctx.db(), org, org_name(ctx, org), year), o->pdf);
    nlohmann::json j = nlohmann::json::array();
    for (const auto& l : inv.lines)
      j.push_back({{"fund", l.account.fund_name}, {"account", l.account.name}, {"balance", l.balance}});
    ctx.emit({{"year", year}, {"as_of", inv.as_of.iso()}, {"accounts", j}, {"total", inv.total}},
             [&](std::ostream& out) {
               for (const auto& l : inv.lines)
                 out << l.account.fund_name << '\t' << l.account.name << '\t' << yen_text(l.balance) << '\n';
               out << "合計\t\t" << yen_text(inv.total) << '\n';
             });
  });
}

}  // namespace

void add_report_commands(CLI::App& ledger, sdk::CliContext& ctx) {
  add_budget(ledger, ctx);
  add_settlement_note(ledger, ctx);
  add_settlement_cmd(ledger, ctx);
  add_monthly(ledger, ctx);
  add_inventory_cmd(ledger, ctx);
}

}  // namespace wasshoi::ledger::cli
