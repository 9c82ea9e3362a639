// Writing the 要望書 to a file: the one path for the CLI's export and the editor's PDF出力.
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/file_writer.hpp>

#include "core/documents.hpp"
#include "core/proposals.hpp"

namespace wasshoi::proposals {

namespace {

// A 件名 as part of a file name: no path or shell-unfriendly characters, at most ~40 bytes, cut at a
// character boundary.
std::string file_name_part(const std::string& title) {
  std::string out;
  for (char c : title)
    out += std::string_view("/\\:*?\"<>| \t\n").find(c) == std::string_view::npos ? c : '_';
  if (out.size() > 40) {
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

// 要望書, 総括表 and 処理簿 go to the city: no personal data beyond the signing 会長's name, which
// the letter is meant to carry. Ordinary files.
void write_text(const std::filesystem::path& out, const std::string& text) {
  sdk::write_file(out, text);
}

// A server database has no folder: there, as for a file name without one, the current folder.
std::filesystem::path database_folder(const sdk::Database& db) {
  std::filesystem::path folder =
      db.engine() == sdk::Engine::PostgreSQL ? std::filesystem::path() : db.path().parent_path();
  return folder.empty() ? std::filesystem::current_path() : folder;
}

}  // namespace

ExportResult export_request(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id,
                            sdk::MemberDirectory* members, const std::filesystem::path& out) {
  sdk::check_write_target(out);  // '', a device or a folder: refused before the letter is made
  std::string ext = out.extension().string();
  if (ext != ".pdf" && ext != ".md")
    throw sdk::InputError(out.string() + ": the file name must end in .pdf or .md");
  Proposal p = get_proposal(db, orgs, id);
  ExportResult r{out, 0, signer_for(db, p, members)};
  sdk::Document doc = request_document(db, orgs, p, r.signer);
  r.pages = doc.page_count();
  if (ext == ".pdf")
    doc.save_pdf(out);
  else
    doc.save_markdown(out);
  return r;
}

std::filesystem::path default_request_path(const sdk::Database& db, const Proposal& p) {
  return database_folder(db) / ("要望書_" + std::to_string(p.id) + "_" + file_name_part(p.title) + ".pdf");
}

void export_yearly(sdk::Database& db, sdk::OrganizationDirectory& orgs, YearlyReport report, OrgId org,
                   int fiscal_year, const std::filesystem::path& out) {
  sdk::check_write_target(out);
  std::string ext = out.extension().string();
  bool csv_allowed = report == YearlyReport::Summary;
  if (ext != ".pdf" && !(csv_allowed && ext == ".csv"))
    throw sdk::InputError(out.string() + ": the file name must end in .pdf" +
                          std::string(csv_allowed ? " or .csv" : ""));
  if (ext == ".csv")
    write_text(out, summary_csv(db, orgs, org, fiscal_year));
  else if (report == YearlyReport::Summary)
    summary_document(db, orgs, org, fiscal_year).save_pdf(out);
  else
    ledger_document(db, orgs, org, fiscal_year).save_pdf(out);
}

std::filesystem::path default_yearly_path(const sdk::Database& db, YearlyReport report, int fiscal_year) {
  return database_folder(db) / ((report == YearlyReport::Summary ? "総括表_" : "処理簿_") +
                                sdk::format_fiscal_year_ja(fiscal_year) + ".pdf");
}

}  // namespace wasshoi::proposals
