// wasshoi-cli members dues …: 会費 per 年度, payments, the unpaid list and 集金率.
#include <cstdio>
#include <iostream>
#include <wasshoi/sdk/cli_ids.hpp>

#include "cli/cli_support.hpp"
#include "cli/json_shapes.hpp"
#include "core/documents.hpp"

namespace wasshoi::members::cli {

namespace {

struct PayArgs {
  HouseholdId household = 0;
  std::string year, date, by, period;
  std::optional<std::int64_t> amount;
};

struct HouseholdDuesArgs {
  HouseholdId household = 0;
  std::string year, exempt, reason;
  std::optional<std::int64_t> amount, waive;
  bool clear = false;
};

struct ReverseArgs {
  std::int64_t payment = 0;
  std::string reason, date, by;
};

// --period as the 年度's schedule reads it; blank: the period of today.
std::optional<int> period_option(sdk::Database& db, OrgId org, int fy, const std::string& text) {
  if (text.empty()) return std::nullopt;
  return parse_period(dues_setting(db, org, fy).value_or(DuesSetting{}).schedule, text);
}

std::string percent(double rate) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", rate * 100.0);
  return buf;
}

void print_lines(std::ostream& out, const std::vector<DuesLine>& lines) {
  for (const auto& l : lines)
    out << l.household << '\t' << l.han << '\t' << l.head_name << '\t' << l.paid << "/" << l.due << "円"
        << (l.exempt()    ? "\t減免（" + l.exemption_reason + "）"
            : l.settled() ? "\t済"
                          : "\t未納")
        << (l.out_of_range ? "\t金額が範囲外 (dues set で直してください)" : "") << '\n';
}

void run_lines(sdk::CliContext& ctx, const std::string& year, const std::string& han,
               const std::string& period, bool only_unpaid) {
  OrgId org = roster_org(ctx);
  int fy = parse_fiscal_year(year);
  auto h = scoped_han(ctx, org, han);
  auto p = period_option(ctx.db(), org, fy, period);
  auto lines = only_unpaid ? unpaid(ctx.db(), org, fy, h, p) : dues_sheet(ctx.db(), org, fy, h, p);
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& l : lines) arr.push_back(to_json(l, fy));
  ctx.emit(arr, [&](std::ostream& out) { print_lines(out, lines); });
}

void run_rate(sdk::CliContext& ctx, const std::string& year, const std::string& period) {
  int fy = parse_fiscal_year(year);
  OrgId org = roster_org(ctx);
  auto rates = collection_rates(ctx.db(), org, fy, period_option(ctx.db(), org, fy, period));
  ctx.emit(to_json_array(rates), [&](std::ostream& out) {
    out << sdk::format_fiscal_year_ja(fy) << " 集金率\n";
    for (const auto& r : rates)
      out << "  "
          << (r.total         ? "合計"
              : r.han.empty() ? "（班なし）"
                              : r.han)
          << '\t' << r.settled << "/" << r.households << "世帯\t" << percent(r.rate()) << '\t' << r.collected
          << "/" << r.expected << "円" << (r.exempt ? "\t減免 " + std::to_string(r.exempt) + "世帯" : "")
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
  p.through_period =
      period_option(ctx.db(), get_household(ctx.db(), a.household).org, p.fiscal_year, a.period);
  auto id = record_payment(ctx.db(), p);
  roster_changed(ctx, "dues");
  ctx.emit({{"id", id},
            {"household_id", p.household},
            {"fiscal_year", p.fiscal_year},
            {"paid_on", p.paid_on.iso()}},
           [&](std::ostream& out) { out << "payment " << id << " recorded\n"; });
}

void run_household(sdk::CliContext& ctx, const HouseholdDuesArgs& a) {
  require_officer(ctx, "setting a household's dues");
  const int fy = parse_fiscal_year(a.year);
  HouseholdDues d;
  if (!a.clear) {
    d = household_dues(ctx.db(), a.household, fy);
    if (a.amount) d.amount = *a.amount;
    if (!a.exempt.empty()) {
      if (a.exempt == "full" || a.exempt == "全額")
        d.exemption = Exemption::Full;
      else if (a.exempt == "partial" || a.exempt == "一部")
        d.exemption = Exemption::Partial;
      else if (a.exempt == "none" || a.exempt == "なし")
        d.exemption = Exemption::None;
      else
        throw sdk::InputError("--exempt takes full, partial or none, not '" + a.exempt + "'");
    }
    if (a.waive) d.waived = *a.waive;
    if (!a.reason.empty()) d.reason = a.reason;
  }
  set_household_dues(ctx.db(), a.household, fy, d);
  roster_changed(ctx, "dues");
  const Household h = get_household(ctx.db(), a.household);
  for (const auto& l : dues_sheet(ctx.db(), h.org, fy, h.data.han))
    if (l.household == a.household)
      ctx.emit(to_json(l, fy), [&](std::ostream& out) {
        out << l.household << '\t' << l.head_name << '\t' << sdk::format_fiscal_year_ja(fy) << ": "
            << l.year_due << "円" << (l.exempt() ? "（全額免除: " + l.exemption_reason + "）" : "")
            << (l.exemption == Exemption::Partial ? "（一部免除: " + l.exemption_reason + "）" : "") << '\n';
      });
}

void run_reverse(sdk::CliContext& ctx, const ReverseArgs& a) {
  const auto id =
      reverse_payment(ctx.db(), a.payment, a.reason, parse_date_option("--date", a.date, sdk::today()), a.by);
  roster_changed(ctx, "dues");
  ctx.emit({{"id", id}, {"reverses", a.payment}, {"reason", sdk::trim(a.reason)}},
           [&](std::ostream& out) { out << "payment " << a.payment << " reversed (" << id << ")\n"; });
}

void run_history(sdk::CliContext& ctx, HouseholdId household, const std::string& year) {
  const int fy = parse_fiscal_year(year);
  auto rows = payment_history(ctx.db(), household, fy);
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& r : rows) arr.push_back(to_json(r));
  ctx.emit(arr, [&](std::ostream& out) {
    for (const auto& r : rows)
      out << r.id << '\t' << sdk::iso_or_unknown(r.paid_on) << '\t' << r.amount << "円\t" << r.collected_by
          << (r.reverses ? "\t取消（" + std::to_string(*r.reverses) + "）: " + r.reason : "")
          << (r.reversed ? "\t取消済み" : "") << '\n';
  });
}

}  // namespace

void add_dues_commands(CLI::App& members, sdk::CliContext& ctx) {
  auto* dues = members.add_subcommand("dues", "会費: set the amount, record payments, unpaid list, 集金率");
  dues->require_subcommand(1);

  auto set_year = std::make_shared<std::string>();
  auto set_amount = std::make_shared<std::int64_t>(0);
  auto set_schedule = std::make_shared<std::string>();
  auto* set = dues->add_subcommand("set", "the dues per household for a 年度");
  set->add_option("--year", *set_year, "年度 (default this 年度)");
  sdk::cli::add_number_option(*set, "--amount", *set_amount, kAmountRange,
                              "yen per household (1 to 10,000,000)")
      ->required();
  set->add_option(
      "--schedule", *set_schedule,
      "how it is collected: yearly (年払い), half (半期: 前期/後期), monthly (月払い); default: as before");
  set->callback([&ctx, set_year, set_amount, set_schedule] {
    OrgId org = roster_org(ctx);
    require_officer(ctx, "setting the dues");
    int fy = parse_fiscal_year(*set_year);
    std::optional<DuesSchedule> how;
    if (!set_schedule->empty()) how = parse_schedule(*set_schedule);
    set_dues_amount(ctx.db(), org, fy, *set_amount, how);
    roster_changed(ctx, "dues");
    const auto setting = dues_setting(ctx.db(), org, fy).value_or(DuesSetting{});
    ctx.emit({{"id", fy},
              {"fiscal_year", fy},
              {"amount", *set_amount},
              {"schedule", schedule_key(setting.schedule)}},
             [&](std::ostream& out) {
               out << sdk::format_fiscal_year_ja(fy) << ": " << *set_amount << "円 ("
                   << schedule_key(setting.schedule) << ")\n";
             });
  });

  auto a = options<PayArgs>();
  auto* pay = dues->add_subcommand("pay", "record a payment (default: what is still owed, today)");
  sdk::add_id(*pay, ctx, "household", a->household, "members_households", "household id")->required();
  pay->add_option("--year", a->year, "年度 (default this 年度)");
  sdk::cli::add_number_option(*pay, "--amount", a->amount, kAmountRange, "yen (default: what is still owed)");
  pay->add_option("--date", a->date, "date paid (default today)");
  pay->add_option("--by", a->by, "who collected it (班長, 会計 …)");
  pay->add_option("--period", a->period, "collected through 前期/後期 or a month (default: today's)");
  pay->callback([&ctx, a] { run_pay(ctx, *a); });

  for (bool only_unpaid : {true, false}) {
    auto year = std::make_shared<std::string>(), han = std::make_shared<std::string>(),
         period = std::make_shared<std::string>(), format = std::make_shared<std::string>("text"),
         out = std::make_shared<std::string>();
    auto overwrite = std::make_shared<bool>(false);
    auto* c = dues->add_subcommand(
        only_unpaid ? "unpaid" : "sheet",
        only_unpaid ? "households that have not paid in full" : "the collection sheet (集金表)");
    c->add_option("--year", *year, "年度 (default this 年度)");
    c->add_option("--han", *han, "only this 班");
    c->add_option("--period", *period, "through 前期/後期 or a month (default: today's)");
    if (!only_unpaid) {
      c->add_option("--format", *format, "text (default) or pdf: the sheet to print, with a 受領印 column")
          ->check(CLI::IsMember({"text", "pdf"}));
      c->add_option("--out", *out, "the PDF file to write (with --format pdf)");
      c->add_flag("--overwrite", *overwrite, "replace the file when it exists");
    }
    c->callback([&ctx, year, han, period, only_unpaid, format, out, overwrite] {
      if (*format != "pdf") return run_lines(ctx, *year, *han, *period, only_unpaid);
      if (out->empty()) throw sdk::InputError("--format pdf needs --out FILE.pdf");
      const OrgId org = ctx.require_org();
      printable_han(ctx.access(), org, std::nullopt, "集金表");
      const int fy = parse_fiscal_year(*year);
      write_pdf(ctx,
                dues_sheet_document(ctx.db(), sdk::organizations(ctx), ctx.access(),
                                    {org, resolve_optional_han(ctx, org, *han)}, fy,
                                    period_option(ctx.db(), org, fy, *period)),
                *out, *overwrite);
    });
  }

  auto rate_year = std::make_shared<std::string>(), rate_period = std::make_shared<std::string>();
  auto* rate = dues->add_subcommand("rate", "集金率 per 班 and in total");
  rate->add_option("--year", *rate_year, "年度 (default this 年度)");
  rate->add_option("--period", *rate_period, "through 前期/後期 or a month (default: today's)");
  rate->callback([&ctx, rate_year, rate_period] { run_rate(ctx, *rate_year, *rate_period); });

  auto hd = options<HouseholdDuesArgs>();
  auto* household = dues->add_subcommand("household", "a household's own amount and 減免 for a 年度");
  sdk::add_id(*household, ctx, "household", hd->household, "members_households", "household id")->required();
  household->add_option("--year", hd->year, "年度 (default this 年度)");
  sdk::cli::add_number_option(*household, "--amount", hd->amount, kHouseholdAmountRange,
                              "its own yearly amount (単身世帯 …)");
  household->add_option("--exempt", hd->exempt, "減免: full, partial or none");
  sdk::cli::add_number_option(*household, "--waive", hd->waive, kAmountRange, "yen waived (partial)");
  household->add_option("--reason", hd->reason, "why (required with --exempt)");
  household->add_flag("--clear", hd->clear, "back to the 年度's amount, no 減免");
  household->callback([&ctx, hd] { run_household(ctx, *hd); });

  auto rv = options<ReverseArgs>();
  auto* reverse =
      dues->add_subcommand("reverse", "take back a payment recorded by mistake (kept in the history)");
  sdk::add_id(*reverse, ctx, "payment", rv->payment, "members_dues_payments", "payment id (dues history)")
      ->required();
  reverse->add_option("--reason", rv->reason, "why it is taken back")->required();
  reverse->add_option("--date", rv->date, "date of the reversal (default today)");
  reverse->add_option("--by", rv->by, "who takes it back");
  reverse->callback([&ctx, rv] { run_reverse(ctx, *rv); });

  auto hist_household = std::make_shared<HouseholdId>(0);
  auto hist_year = std::make_shared<std::string>();
  auto* history = dues->add_subcommand("history", "a household's payments and reversals for a 年度");
  sdk::add_id(*history, ctx, "household", *hist_household, "members_households", "household id")->required();
  history->add_option("--year", *hist_year, "年度 (default this 年度)");
  history->callback([&ctx, hist_household, hist_year] { run_history(ctx, *hist_household, *hist_year); });
}

}  // namespace wasshoi::members::cli
