// wasshoi-cli ledger settings|fund|account|category
#include "cli/cli_support.hpp"
#include "core/books.hpp"

namespace wasshoi::ledger::cli {

namespace {

using sdk::cli::options;

void add_settings(CLI::App& ledger, sdk::CliContext& ctx) {
  struct O {
    std::optional<int> month;
    std::string income_account;
  };
  auto o = options<O>();
  auto* cmd =
      ledger.add_subcommand("settings", "the 会計年度's start month; the account 会費 and 使用料 go to");
  sdk::cli::add_number_option(*cmd, "--start-month", o->month, {1, 12, "", "maximum"},
                              "1–12 (4: April–March)");
  cmd->add_option("--income-account", o->income_account, "account for 会費 and 使用料");
  cmd->callback([&ctx, o] {
    const OrgId org = books_org(ctx);
    if (o->month) set_start_month(ctx.db(), org, *o->month);
    if (!o->income_account.empty()) {
      ensure_books(ctx.db(), org);
      set_income_account(ctx.db(), org, find_account(ctx.db(), org, o->income_account).id);
    }
    const int month = start_month(ctx.db(), org);
    ctx.emit({{"start_month", month}},
             [&](std::ostream& out) { out << "会計年度: " << month << "月から\n"; });
  });
}

void add_fund_cmds(CLI::App& ledger, sdk::CliContext& ctx) {
  auto* fund = ledger.add_subcommand("fund", "一般会計 and 特別会計 (each has its own 決算)");
  fund->require_subcommand(1);
  auto name = std::make_shared<std::string>();
  auto* add = fund->add_subcommand("add", "a 特別会計 (集会所修繕積立金)");
  sdk::cli::add_text_option(*add, "NAME", *name, sdk::TextKind::Line, "its name")->required();
  add->callback([&ctx, name] {
    const Id id = add_fund(ctx.db(), books_org(ctx), *name);
    ctx.emit({{"id", id}, {"name", *name}}, [&](std::ostream& out) { out << id << '\t' << *name << '\n'; });
  });
  fund->add_subcommand("list", "the funds")->callback([&ctx] {
    nlohmann::json j = nlohmann::json::array();
    const auto all = funds(ctx.db(), books_org(ctx));
    for (const auto& f : all) j.push_back({{"id", f.id}, {"name", f.name}});
    ctx.emit(j, [&](std::ostream& out) {
      for (const auto& f : all) out << f.id << '\t' << f.name << '\n';
    });
  });
}

void add_account_cmds(CLI::App& ledger, sdk::CliContext& ctx) {
  auto* account = ledger.add_subcommand("account", "money accounts (現金, 普通預金, 定期)");
  account->require_subcommand(1);
  struct O {
    std::string name, fund, kind = "bank";
  };
  auto o = options<O>();
  auto* add = account->add_subcommand("add", "a money account");
  sdk::cli::add_text_option(*add, "NAME", o->name, sdk::TextKind::Line, "its name (岩手銀行 普通)")
      ->required();
  add->add_option("--fund", o->fund, "the fund it belongs to (一般会計 when not given)");
  add->add_option("--kind", o->kind, "cash, bank or deposit");
  add->callback([&ctx, o] {
    const Id id = add_account(ctx.db(), books_org(ctx), o->fund, o->name, parse_account_kind(o->kind));
    ctx.emit({{"id", id}, {"name", o->name}},
             [&](std::ostream& out) { out << id << '\t' << o->name << '\n'; });
  });
  account->add_subcommand("list", "the accounts")->callback([&ctx] {
    const auto all = accounts(ctx.db(), books_org(ctx));
    nlohmann::json j = nlohmann::json::array();
    for (const auto& a : all)
      j.push_back(
          {{"id", a.id}, {"fund", a.fund_name}, {"name", a.name}, {"kind", account_kind_key(a.kind)}});
    ctx.emit(j, [&](std::ostream& out) {
      for (const auto& a : all)
        out << a.id << '\t' << a.fund_name << '\t' << a.name << '\t' << account_kind_ja(a.kind) << '\n';
    });
  });
}

void add_category_cmds(CLI::App& ledger, sdk::CliContext& ctx) {
  auto* category =
      ledger.add_subcommand("category", "科目 (from the 自治会 template, as the organization edits it)");
  category->require_subcommand(1);
  struct O {
    std::string name, reading, side = "expense", parent;
    std::int64_t id = 0;
  };
  auto o = options<O>();
  auto* add = category->add_subcommand("add", "a 科目, or a sub-科目 with --parent");
  sdk::cli::add_text_option(*add, "NAME", o->name, sdk::TextKind::Line, "its name")->required();
  add->add_option("--side", o->side, "income (収入) or expense (支出)");
  add->add_option("--reading", o->reading, "reading, to find it by typing (かいひ)");
  add->add_option("--parent", o->parent, "the 科目 it is part of (事業費)");
  add->callback([&ctx, o] {
    const Id id = add_category(ctx.db(), books_org(ctx), parse_side(o->side), o->name, o->reading, o->parent);
    ctx.emit({{"id", id}, {"name", o->name}},
             [&](std::ostream& out) { out << id << '\t' << o->name << '\n'; });
  });
  auto* rename = category->add_subcommand("rename", "rename a 科目");
  sdk::add_id(*rename, ctx, "ID", o->id, "ledger_categories", "科目 id")->required();
  sdk::cli::add_text_option(*rename, "NAME", o->name, sdk::TextKind::Line, "the new name")->required();
  rename->add_option("--reading", o->reading, "its reading");
  rename->callback([&ctx, o] {
    rename_category(ctx.db(), books_org(ctx), o->id, o->name, o->reading);
    ctx.emit({{"id", o->id}, {"name", o->name}},
             [&](std::ostream& out) { out << o->id << '\t' << o->name << '\n'; });
  });
  auto* retire = category->add_subcommand("retire", "retire a 科目 (kept while old books use it)");
  sdk::add_id(*retire, ctx, "ID", o->id, "ledger_categories", "科目 id")->required();
  retire->callback([&ctx, o] {
    retire_category(ctx.db(), books_org(ctx), o->id);
    ctx.emit({{"id", o->id}}, [&](std::ostream& out) { out << o->id << " retired\n"; });
  });
  category->add_subcommand("list", "the 科目 tree")->callback([&ctx] {
    const auto all = categories(ctx.db(), books_org(ctx));
    nlohmann::json j = nlohmann::json::array();
    for (const auto& c : all)
      j.push_back({{"id", c.id},
                   {"side", side_key(c.side)},
                   {"name", c.name},
                   {"path", c.path},
                   {"reading", c.reading}});
    ctx.emit(j, [&](std::ostream& out) {
      for (const auto& c : all)
        out << c.id << '\t' << (c.side == Side::Income ? "収入" : "支出") << '\t' << c.path << '\t'
            << c.reading << '\n';
    });
  });
}

}  // namespace

void add_setup_commands(CLI::App& ledger, sdk::CliContext& ctx) {
  add_settings(ledger, ctx);
  add_fund_cmds(ledger, ctx);
  add_account_cmds(ledger, ctx);
  add_category_cmds(ledger, ctx);
}

}  // namespace wasshoi::ledger::cli
