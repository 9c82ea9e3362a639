// wasshoi-cli ledger add|transfer|opening|reverse|book|balance|sync|receipt
#include <wasshoi/sdk/file_writer.hpp>

#include "cli/cli_support.hpp"
#include "core/books.hpp"
#include "core/documents.hpp"
#include "core/entries.hpp"
#include "core/front.hpp"

namespace wasshoi::ledger::cli {

namespace {

using sdk::cli::options;

void add_add(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::string date, account = "現金", category, summary, receipt_no, receipt;
    std::int64_t amount = 0;
    std::optional<std::int64_t> grant;
  };
  auto o = options<O>();
  auto* cmd = ledger.add_subcommand("add", "an income or expense in the 出納帳");
  cmd->add_option("--date", o->date, "the day (today when not given)");
  cmd->add_option("--category,-c", o->category, "科目: its name, reading or part of it (会費, かいひ, 夏祭)")
      ->required();
  sdk::cli::add_number_option(*cmd, "--amount", o->amount, kAmountRange, "whole yen")->required();
  cmd->add_option("--account", o->account, "money account (現金 unless given)");
  sdk::cli::add_text_option(*cmd, "--summary", o->summary, sdk::TextKind::Line, "摘要");
  sdk::cli::add_text_option(*cmd, "--receipt-no", o->receipt_no, sdk::TextKind::Name, "領収書番号");
  cmd->add_option("--receipt", o->receipt, "the receipt: a PNG, JPEG or PDF file to attach");
  sdk::add_id(*cmd, ctx, "--grant", o->grant, "ledger_grants", "the 補助金 it belongs to");
  cmd->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const std::string receipt_bytes =
        o->receipt.empty() ? std::string()
                           : sdk::read_input_file(o->receipt, sdk::FileKind::Picture, "receipt");
    NewEntry entry{sdk::cli::parse_date_option("--date", o->date, sdk::today()),
                   o->account,
                   o->category,
                   o->amount,
                   o->summary,
                   o->receipt_no,
                   writer(ctx),
                   o->grant};
    if (!o->receipt.empty())
      entry.receipt_name = std::filesystem::path(o->receipt).filename().string(),
      entry.receipt_bytes = receipt_bytes;
    const Id id = add_entry(ctx.db(), org, entry);
    const Entry e = get_entry(ctx.db(), org, id);
    ctx.emit(to_json(e), [&](std::ostream& out) {
      out << e.id << '\t' << sdk::iso_or_unknown(e.day) << '\t' << e.category_path << '\t'
          << yen_text(e.amount) << "円\t残高 " << yen_text(e.balance) << "円\n";
    });
  });
}

void add_transfer_cmd(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::string date, from, to, summary;
    std::int64_t amount = 0;
  };
  auto o = options<O>();
  auto* cmd = ledger.add_subcommand("transfer", "money moved between accounts (現金 → 普通預金): not income");
  cmd->add_option("--date", o->date, "the day (today when not given)");
  cmd->add_option("--from", o->from, "account it leaves")->required();
  cmd->add_option("--to", o->to, "account it goes to")->required();
  sdk::cli::add_number_option(*cmd, "--amount", o->amount, kAmountRange, "whole yen")->required();
  sdk::cli::add_text_option(*cmd, "--summary", o->summary, sdk::TextKind::Line, "摘要");
  cmd->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const Id id = add_transfer(ctx.db(), org,
                               {sdk::cli::parse_date_option("--date", o->date, sdk::today()), o->from, o->to,
                                o->amount, o->summary, writer(ctx)});
    ctx.emit({{"id", id}, {"amount", o->amount}, {"from", o->from}, {"to", o->to}}, [&](std::ostream& out) {
      out << id << '\t' << o->from << " → " << o->to << '\t' << yen_text(o->amount) << "円\n";
    });
  });
}

void add_opening(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::string account, date;
    std::int64_t amount = 0;
  };
  auto o = options<O>();
  auto* cmd = ledger.add_subcommand("opening", "the balance an account starts the books with");
  cmd->add_option("ACCOUNT", o->account, "money account")->required();
  sdk::cli::add_number_option(*cmd, "--amount", o->amount, kBudgetRange, "whole yen")->required();
  cmd->add_option("--date", o->date, "the day (the start of this 会計年度 when not given)");
  cmd->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const int start = start_month(ctx.db(), org);
    const Date first = year_start(fiscal_year_of(sdk::today(), start), start);
    const Id id =
        set_opening_balance(ctx.db(), org, o->account, sdk::cli::parse_date_option("--date", o->date, first),
                            o->amount, writer(ctx));
    ctx.emit({{"id", id}, {"account", o->account}, {"amount", o->amount}}, [&](std::ostream& out) {
      out << id << '\t' << o->account << " 開始残高 " << yen_text(o->amount) << "円\n";
    });
  });
}

void add_reverse(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::int64_t id = 0;
    std::string reason, date;
  };
  auto o = options<O>();
  auto* cmd = ledger.add_subcommand("reverse", "correct an entry: a new entry takes it back (never an edit)");
  sdk::add_id(*cmd, ctx, "ID", o->id, "ledger_entries", "entry id")->required();
  sdk::cli::add_text_option(*cmd, "--reason", o->reason, sdk::TextKind::Line, "why it was wrong")->required();
  cmd->add_option("--date", o->date, "the day of the correction (today when not given)");
  cmd->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const Id id = reverse_entry(ctx.db(), org, o->id, o->reason,
                                sdk::cli::parse_date_option("--date", o->date, sdk::today()), writer(ctx));
    const Entry e = get_entry(ctx.db(), org, id);
    ctx.emit(to_json(e), [&](std::ostream& out) {
      out << id << '\t' << "entry " << o->id << " reversed\t" << yen_text(e.amount) << "円\n";
    });
  });
}

void add_book(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::string year, account, csv, encoding = "utf8", pdf;
  };
  auto o = options<O>();
  auto* cmd = ledger.add_subcommand("book", "the 出納帳 of a 年度 (list, CSV for Excel, PDF)");
  cmd->add_option("--year", o->year, "年度 (2025, 令和7, R7); this one when not given");
  cmd->add_option("--account", o->account, "one account only");
  cmd->add_option("--csv", o->csv, "write it as CSV to this file");
  cmd->add_option("--encoding", o->encoding, "utf8 (with BOM) or cp932 (Shift_JIS)")
      ->check(CLI::IsMember({"utf8", "cp932"}));
  cmd->add_option("--pdf", o->pdf, "write it as PDF to this file");
  cmd->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    const int year = year_arg(ctx, org, o->year);
    std::optional<Id> account;
    if (!o->account.empty()) account = find_account(ctx.db(), org, o->account).id;
    if (!o->csv.empty()) sdk::write_file(o->csv, cash_book_csv(ctx.db(), org, year, o->encoding == "cp932"));
    if (!o->pdf.empty())
      save_document(cash_book_document(ctx.db(), org, org_name(ctx, org), year, account), o->pdf);
    const auto entries = book(ctx.db(), org, {.year = year, .account = account});
    nlohmann::json j = nlohmann::json::array();
    for (const auto& e : entries) j.push_back(to_json(e));
    ctx.emit({{"year", year}, {"entries", j}}, [&](std::ostream& out) {
      for (const auto& e : entries)
        out << e.id << '\t' << sdk::iso_or_unknown(e.day) << '\t' << e.account_name << '\t'
            << (e.kind == EntryKind::Transfer  ? "振替"
                : e.kind == EntryKind::Opening ? "繰越"
                                               : e.category_path)
            << '\t' << e.summary << (e.source.empty() ? "" : "〔" + e.source + "〕") << '\t'
            << yen_text(e.amount) << '\t' << yen_text(e.balance) << (e.reversed ? "\t(訂正済み)" : "")
            << '\n';
    });
  });
}

void add_balance(CLI::App& ledger, sdk::CliContext& ctx) {
  auto* cmd = ledger.add_subcommand("balance", "the money in every account now");
  cmd->callback([&ctx] {
    const OrgId org = books_org(ctx);
    nlohmann::json j = nlohmann::json::array();
    std::vector<std::pair<Account, std::int64_t>> rows;
    for (const auto& a : accounts(ctx.db(), org)) {
      rows.emplace_back(a, balance(ctx.db(), a.id));
      j.push_back(
          {{"id", a.id}, {"fund", a.fund_name}, {"account", a.name}, {"balance", rows.back().second}});
    }
    ctx.emit(j, [&](std::ostream& out) {
      for (const auto& [a, b] : rows) out << a.fund_name << '\t' << a.name << '\t' << yen_text(b) << "円\n";
    });
  });
}

void add_sync(CLI::App& ledger, sdk::CliContext& ctx) {
  auto* cmd =
      ledger.add_subcommand("sync", "bring in 会費 and 使用料 recorded elsewhere (every command does it)");
  cmd->callback([&ctx] {
    const OrgId org = ctx.require_org();
    const SyncResult r = bring_in_money(ctx, org);
    ctx.emit({{"added", r.added}, {"reversed", r.reversed}},
             [&](std::ostream& out) { out << r.added << " entered, " << r.reversed << " reversed\n"; });
  });
}

void add_receipt_export(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::int64_t id = 0;
    std::string out;
  };
  auto o = options<O>();
  auto* cmd = ledger.add_subcommand("receipt", "save the receipt attached to an entry");
  sdk::add_id(*cmd, ctx, "ID", o->id, "ledger_entries", "entry id")->required();
  cmd->add_option("--out", o->out, "file to write")->required();
  cmd->callback([&ctx, o] {
    ctx.require_org();  // an organization chosen, as for every ledger command
    auto r = receipt(ctx, o->id);
    if (!r) throw sdk::InputError("entry " + std::to_string(o->id) + " has no receipt attached");
    sdk::write_file(o->out, r->bytes);
    ctx.emit({{"id", o->id}, {"name", r->name}, {"mime", r->mime}, {"out", o->out}},
             [&](std::ostream& out) { out << "written: " << o->out << '\n'; });
  });
}

}  // namespace

void add_entry_commands(CLI::App& ledger, sdk::CliContext& ctx) {
  add_add(ledger, ctx);
  add_transfer_cmd(ledger, ctx);
  add_opening(ledger, ctx);
  add_reverse(ledger, ctx);
  add_book(ledger, ctx);
  add_balance(ledger, ctx);
  add_sync(ledger, ctx);
  add_receipt_export(ledger, ctx);
}

}  // namespace wasshoi::ledger::cli
