// wasshoi-cli members safety-list / receipts / roster-pdf / officers-list (and dues sheet
// --format pdf): the roster's lists as PDF, for the officers to print. Who may print what is
// decided in core/documents.cpp; here the arguments are read and the file written.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <wasshoi/sdk/cli_ids.hpp>
#include <wasshoi/sdk/privacy.hpp>

#include "cli/cli_support.hpp"
#include "core/documents.hpp"

namespace wasshoi::members::cli {

namespace {

struct Out {
  std::string out;
  bool overwrite = false;
};

void add_out(CLI::App& cmd, Out& o) {
  cmd.add_option("--out", o.out, "the PDF file to write")->required();
  cmd.add_flag("--overwrite", o.overwrite, "replace the file when it exists");
}

}  // namespace

void write_pdf(sdk::CliContext& ctx, const sdk::Document& doc, const std::string& out, bool overwrite) {
  if (std::filesystem::exists(out) && !overwrite)
    throw sdk::InputError(out + " exists already; choose another name or add --overwrite");
  doc.save_pdf(out, {.personal_data = true, .overwrite = overwrite});
  ctx.emit(nlohmann::json{{"out", out}, {"pages", doc.page_count()}},
           [&](std::ostream& o) { o << "written: " << out << '\n'; });
}

namespace {

ListRequest request(sdk::CliContext& ctx, const std::string& han) {
  const OrgId org = ctx.require_org();
  // Checked again in core; here so that a 班 of another organization is not even looked up.
  printable_han(ctx.access(), org, std::nullopt, "roster");
  return {org, resolve_optional_han(ctx, org, han)};
}

struct SafetyArgs : Out {
  std::string han, date;
};
struct ReceiptArgs : Out {
  HouseholdId household = 0;
  std::string year, by;
  int per_page = 2;
};
struct RosterArgs : Out {
  std::string han, recipient = "officers", date;
};
struct OfficersArgs : Out {
  std::string year;
};

}  // namespace

void add_print_commands(CLI::App& members, sdk::CliContext& ctx) {
  auto s = options<SafetyArgs>();
  auto* safety =
      members.add_subcommand("safety-list", "安否確認の一覧 of a 班 as PDF (large type, 確認 column)");
  safety->add_option("--han", s->han, "only this 班 (a 班長: their own)");
  safety->add_option("--date", s->date, "date printed on the list (default today)");
  add_out(*safety, *s);
  safety->callback([&ctx, s] {
    auto req = request(ctx, s->han);
    write_pdf(ctx,
              safety_document(ctx.db(), sdk::organizations(ctx), ctx.access(), req,
                              parse_date_option("--date", s->date, sdk::today())),
              s->out, s->overwrite);
  });

  auto r = options<ReceiptArgs>();
  auto* receipts =
      members.add_subcommand("receipts", "領収書 for a household's dues payments, 2 or 4 to an A4");
  sdk::add_id(*receipts, ctx, "household", r->household, "members_households", "household id")->required();
  receipts->add_option("--year", r->year, "年度 (default this 年度)");
  receipts->add_option("--per-page", r->per_page, "receipts to an A4: 2 or 4")->check(CLI::IsMember({2, 4}));
  receipts->add_option("--by", r->by, "who signs (default: who collected each payment)");
  add_out(*receipts, *r);
  receipts->callback([&ctx, r] {
    ctx.require_org();
    write_pdf(ctx,
              receipts_document(ctx.db(), sdk::organizations(ctx), ctx.access(), r->household,
                                parse_fiscal_year(r->year), r->per_page, r->by),
              r->out, r->overwrite);
  });

  auto ro = options<RosterArgs>();
  auto* roster = members.add_subcommand("roster-pdf", "名簿 by 班 as PDF (--for outside: no telephones)");
  roster->add_option("--han", ro->han, "only this 班 (a 班長: their own)");
  roster->add_option("--for", ro->recipient,
                     "who gets it: officers (default; everything) or outside (no telephones or notes)");
  roster->add_option("--date", ro->date, "date printed on the list (default today)");
  add_out(*roster, *ro);
  roster->callback([&ctx, ro] {
    const bool outside = sdk::parse_recipient(ro->recipient, "--for") == sdk::Recipient::Outside;
    auto req = request(ctx, ro->han);
    write_pdf(ctx,
              roster_document(ctx.db(), sdk::organizations(ctx), ctx.access(), req, outside,
                              parse_date_option("--date", ro->date, sdk::today())),
              ro->out, ro->overwrite);
  });

  auto o = options<OfficersArgs>();
  auto* officers =
      members.add_subcommand("officers-list", "役員名簿 of a 年度 as PDF, in the form the city asks for");
  officers->add_option("--year", o->year, "年度 (default this 年度)");
  add_out(*officers, *o);
  officers->callback([&ctx, o] {
    const OrgId org = ctx.require_org();
    write_pdf(
        ctx,
        officers_document(ctx.db(), sdk::organizations(ctx), ctx.access(), org, parse_fiscal_year(o->year)),
        o->out, o->overwrite);
  });
}

}  // namespace wasshoi::members::cli
