// wasshoi-cli members import / export: rosters in and out as Excel keeps them.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/privacy.hpp>

#include "cli/cli_support.hpp"
#include "cli/json_shapes.hpp"
#include "core/exporter.hpp"
#include "core/importer.hpp"

namespace wasshoi::members::cli {

namespace {

struct ImportArgs {
  std::string file;
  std::string encoding = "auto";
  std::vector<std::string> maps;
  bool dry_run = false;
  bool skip_bad = false;
};

struct ExportArgs {
  std::string out;
  std::string encoding = "utf-8-bom";
  bool redact = false;
  std::string recipient = "officers";
  bool overwrite = false;
};

std::string read_bytes(const std::string& file) {
  return sdk::read_input_file(file, sdk::FileKind::Roster, "roster");
}

void print_import(std::ostream& out, const ImportSummary& s, const ImportPlan& plan) {
  out << (s.dry_run ? "dry run (nothing written): " : "imported: ") << s.households << " households, "
      << s.persons << " persons from " << plan.data_rows << " rows (" << sdk::encoding_name(plan.encoding)
      << ")\n";
  for (const auto& h : s.created_han)
    out << (s.dry_run ? "  new 班 (would be created): " : "  new 班 created: ") << h << '\n';
  for (const auto& c : plan.columns.unknown)
    out << "  column not imported: " << c << " (use --map \"" << c << "=field\")\n";
  for (const auto& p : s.skipped) out << "  skipped: " << p.message << '\n';
  for (int line : s.dropped_lines) out << "  skipped with its household: line " << line << '\n';
}

void run_import(sdk::CliContext& ctx, const ImportArgs& a) {
  ImportOptions options;
  options.source = std::filesystem::path(a.file).filename().string();
  options.encoding = parse_input_encoding(a.encoding);
  for (const auto& m : a.maps) options.mapping.push_back(parse_mapping(m));
  options.dry_run = a.dry_run;
  options.skip_bad_rows = a.skip_bad;
  const std::string bytes = read_bytes(a.file);
  OrgId org = roster_org(ctx);
  require_officer(ctx, "importing a roster");
  ImportPlan plan;
  ImportSummary summary =
      read_and_import_roster(ctx.db(), sdk::organizations(ctx), org, bytes, options, plan);
  if (!summary.dry_run) roster_changed(ctx, "import");
  ctx.emit(to_json(summary, plan), [&](std::ostream& out) { print_import(out, summary, plan); });
}

void run_export(sdk::CliContext& ctx, const ExportArgs& a) {
  ExportOptions options;
  options.encoding = parse_output_encoding(a.encoding);
  // A file for anyone outside the 自治会 leaves phone numbers and notes out: they are not asked for.
  options.redact = a.redact || sdk::parse_recipient(a.recipient, "--for") == sdk::Recipient::Outside;
  // A roster is personal data: 0600. '', a device or a folder is refused before anything else.
  const sdk::WriteOptions write{.personal_data = true, .overwrite = a.overwrite};
  sdk::check_write_target(a.out, {.personal_data = true});
  if (std::filesystem::exists(a.out) && !a.overwrite)
    throw sdk::InputError(a.out + " exists already; choose another name or add --overwrite");
  OrgId org = roster_org(ctx);
  options.han = ctx.access().han_scope(org);  // a 班長 exports their own 班
  ExportResult result = export_roster(ctx.db(), org, options);
  if (!result.problems.empty()) throw sdk::InputError(problems_message(result.problems));
  sdk::write_file(a.out, result.bytes, write);
  nlohmann::json j = {{"file", a.out},
                      {"rows", result.rows},
                      {"encoding", options.encoding == OutputEncoding::Cp932 ? "cp932" : "utf-8-bom"},
                      {"redacted", options.redact},
                      {"for", a.recipient},
                      {"personal_data", result.personal_data}};
  ctx.emit(j, [&](std::ostream& out) {
    out << "wrote " << result.rows << " rows to " << a.out
        << (options.redact ? " (no phone numbers or notes)" : "") << '\n'
        << sdk::personal_data_notice(result.personal_data) << '\n';
  });
}

}  // namespace

void add_import_export_commands(CLI::App& members, sdk::CliContext& ctx) {
  auto in = options<ImportArgs>();
  auto* imp =
      members.add_subcommand("import", "import a roster CSV (UTF-8 or Shift_JIS/CP932, as Excel saves it)");
  imp->add_option("file", in->file, "the CSV file")->required();
  imp->add_option("--encoding", in->encoding, "auto (default), utf-8 or cp932");
  imp->add_option("--map", in->maps,
                  "COLUMN=field for a column with an unusual header (field: name, reading, "
                  "han, address, phone, people, joined, left, notes, household, relation, "
                  "birth_year, support, ignore)");
  imp->add_flag("--dry-run", in->dry_run, "check and show what would be imported; write nothing");
  imp->add_flag("--skip-bad-rows,--skip-bad", in->skip_bad, "import the good rows and list the bad ones");
  imp->callback([&ctx, in] { run_import(ctx, *in); });

  auto out = options<ExportArgs>();
  auto* exp = members.add_subcommand("export", "export the roster to CSV for Excel");
  exp->add_option("--out", out->out, "the CSV file to write")->required();
  exp->add_option("--encoding", out->encoding, "utf-8-bom (default) or cp932 (Shift_JIS)");
  exp->add_option("--for", out->recipient,
                  "who gets the file: officers (default; this 自治会's officers, everything) or outside "
                  "(地域協働体, city, 民生委員 …: phone numbers and notes left out)");
  exp->add_flag("--redact", out->redact, "leave out phone numbers and notes (as --for outside does)");
  exp->add_flag("--overwrite", out->overwrite, "replace the file when it exists");
  exp->callback([&ctx, out] { run_export(ctx, *out); });
}

}  // namespace wasshoi::members::cli
