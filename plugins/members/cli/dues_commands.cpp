// wasshoi-cli members dues …: 会費 per 年度, payments, the unpaid list and 集金率.
#include <cstdio>
#include <iostream>
#include <wasshoi/sdk/cli_ids.hpp>

#include "cli/cli_support.hpp"
#include "cli/json_shapes.hpp"

namespace wasshoi::members::cli {

namespace {

struct PayArgs {
  HouseholdId household = 0;
  std::string year, date, by;
  std::optional<std::int64_t> amount;
};

std::string percent(double rate) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", rate * 100.0);
  return buf;
}

void print_lines(std::ostream& out, const std::vector<DuesLine>& lines) {
  for (const auto& l : lines)
    out << l.household << '\t' << l.han << '\t' << l.head_name << '\t' << l.paid << "/" << l.due << "円"
        << (l.settled() ? "\t済" : "\t未納")
        << (l.out_of_range ? "\t金額が範囲外 (dues set で直してください)" : "") << '\n';
}

void run_lines(sdk::CliContext& ctx, const std::string& year, const std::string& han, bool only_unpaid) {
  OrgId org = roster_org(ctx);
  int fy = parse_fiscal_year(year);
  auto h = scoped_han(ctx, org, han);
  auto lines = only_unpaid ? unpaid(ctx.db(), org, fy, h) : dues_sheet(ctx.db(), org, fy, h);
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& l : lines) arr.push_back(to_json(l, fy));
  ctx.emit(arr, [&](std::ostream& out) { print_lines(out, lines); });
}

void run_rate(sdk::CliContext& ctx, const std::string& year) {
  int fy = parse_fiscal_year(year);
  auto rates = collection_rates(ctx.db(), roster_org(ctx), fy);
  ctx.emit(to_json_array(rates), [&](std::ostream& out) {
    out << sdk::format_fiscal_year_ja(fy) << " 集金率\n";
    for (const auto& r : rates)
      out << "  "
          << (r.total         ? "合計"
              : r.han.empty() ? "（班なし）"
                              : r.han)
          << '\t' << r.settled << "/" << r.households << "世帯\t" << percent(r.rate()) << '\t' << r.collected
          << "/" << r.expected << "円"
          << (r.out_of_range ? "\t範囲外の世帯 " + std::to_string(r.out_of_range) : "") << '\n';
  });
}

void run_pay(sdk::CliContext& ctx, const PayArgs& a) {
  DuesPayment p;
  p.household = a.household;
  p.fiscal_year = parse_fiscal_year(a.year);
  p.amount = a.amount;
  p.paid_on = parse_date_option("--date", a.date, sdk::today());
  p.collected_by = a.by;
  auto id = record_payment(ctx.db(), p);
  roster_changed(ctx, "dues");
  ctx.emit({{"id", id},
            {"household_id", p.household},
            {"fiscal_year", p.fiscal_year},
            {"paid_on", p.paid_on.iso()}},
           [&](std::ostream& out) { out << "payment " << id << " recorded\n"; });
}

}  // namespace

void add_dues_commands(CLI::App& members, sdk::CliContext& ctx) {
  auto* dues = members.add_subcommand("dues", "会費: set the amount, record payments, unpaid list, 集金率");
  dues->require_subcommand(1);

  auto set_year = std::make_shared<std::string>();
  auto set_amount = std::make_shared<std::int64_t>(0);
  auto* set = dues->add_subcommand("set", "the dues per household for a 年度");
  set->add_option("--year", *set_year, "年度 (default this 年度)");
  sdk::cli::add_number_option(*set, "--amount", *set_amount, kAmountRange,
                              "yen per household (1 to 10,000,000)")
      ->required();
  set->callback([&ctx, set_year, set_amount] {
    OrgId org = roster_org(ctx);
    require_officer(ctx, "setting the dues");
    int fy = parse_fiscal_year(*set_year);
    set_dues_amount(ctx.db(), org, fy, *set_amount);
    roster_changed(ctx, "dues");
    ctx.emit({{"id", fy}, {"fiscal_year", fy}, {"amount", *set_amount}}, [&](std::ostream& out) {
      out << sdk::format_fiscal_year_ja(fy) << ": " << *set_amount << "円\n";
    });
  });

  auto a = options<PayArgs>();
  auto* pay = dues->add_subcommand("pay", "record a payment (default: what is still owed, today)");
  sdk::add_id(*pay, ctx, "household", a->household, "members_households", "household id")->required();
  pay->add_option("--year", a->year, "年度 (default this 年度)");
  sdk::cli::add_number_option(*pay, "--amount", a->amount, kAmountRange, "yen (default: what is still owed)");
  pay->add_option("--date", a->date, "date paid (default today)");
  pay->add_option("--by", a->by, "who collected it (班長, 会計 …)");
  pay->callback([&ctx, a] { run_pay(ctx, *a); });

  for (bool only_unpaid : {true, false}) {
    auto year = std::make_shared<std::string>(), han = std::make_shared<std::string>();
    auto* c = dues->add_subcommand(
        only_unpaid ? "unpaid" : "sheet",
        only_unpaid ? "households that have not paid in full" : "the collection sheet (集金表)");
    c->add_option("--year", *year, "年度 (default this 年度)");
    c->add_option("--han", *han, "only this 班");
    c->callback([&ctx, year, han, only_unpaid] { run_lines(ctx, *year, *han, only_unpaid); });
  }

  auto rate_year = std::make_shared<std::string>();
  auto* rate = dues->add_subcommand("rate", "集金率 per 班 and in total");
  rate->add_option("--year", *rate_year, "年度 (default this 年度)");
  rate->callback([&ctx, rate_year] { run_rate(ctx, *rate_year); });
}

}  // namespace wasshoi::members::cli
