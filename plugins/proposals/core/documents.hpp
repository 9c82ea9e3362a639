#pragma once
// Documents through the SDK writer (A4, 明朝): the 要望書 in the formal layout a 自治会 sends to the
// city, the yearly 総括表 and the 処理簿 (tracking ledger); the 総括表 also as CSV for Excel.
#include <filesystem>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::proposals {

// Who signs the 要望書 and when.
struct Signer {
  std::string org_name;    // ○○自治会
  std::string chair_name;  // the 会長 from the members plugin; empty when unknown
  sdk::Date date;          // submission date, or today for a draft
  std::string no_chair;    // why chair_name is empty (the letter then leaves a blank to sign by hand)
};
// The organization's 会長 in the 年度 of the letter's date, through MemberDirectory (may be null).
Signer signer_for(sdk::Database& db, const Proposal& p, sdk::MemberDirectory* members);

// The 要望書. When the 具体的な提案 name different 担当課, each 担当課 gets a sheet of its own with
// its items (sections 1 and 2 repeated), after the main sheet.
sdk::Document request_document(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Proposal& p,
                               const Signer& signer);
// The same text as it will print (Markdown), for the editor's live preview.
std::string request_preview(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Proposal& p,
                            const Signer& signer);

// Writes the 要望書 of proposal `id` to `out`: a PDF (written whole or not at all), or Markdown
// text for .md; InputError for another extension or a file that cannot be written. The CLI's
// export and the editor's PDF出力 both call it.
struct ExportResult {
  std::filesystem::path out;
  int pages = 0;
  Signer signer;  // who signs; signer.no_chair says why the 会長's name is blank
};
ExportResult export_request(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id,
                            sdk::MemberDirectory* members, const std::filesystem::path& out);
// Where the editor writes it when no path is given: 要望書_<id>_<件名>.pdf beside the database.
std::filesystem::path default_request_path(const sdk::Database& db, const Proposal& p);

// The 総括表 (.pdf or .csv) or the 処理簿 (.pdf) of a 年度 written to `out`; InputError for another
// extension. The CLI's summary and ledger and the dashboard's buttons call it.
enum class YearlyReport { Summary, Ledger };
void export_yearly(sdk::Database& db, sdk::OrganizationDirectory& orgs, YearlyReport report, OrgId org,
                   int fiscal_year, const std::filesystem::path& out);
// 総括表_令和8年度.pdf / 処理簿_令和8年度.pdf beside the database.
std::filesystem::path default_yearly_path(const sdk::Database& db, YearlyReport report, int fiscal_year);

// 総括表: every proposal of `org` (with its 自治会 for a 地域協働体) raised in or carried into the 年度.
sdk::Document summary_document(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                               int fiscal_year);
std::string summary_csv(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                        int fiscal_year);  // UTF-8 with BOM, CRLF
// 処理簿: every step of every proposal of the 年度 in date order.
sdk::Document ledger_document(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                              int fiscal_year);

// "1. 総会決議 令和8年4月26日 出席 85 …" — one printed line of a 意見集約の方法 entry.
std::string gathering_line(const Gathering& g);
std::string wareki_or_blank(const std::optional<sdk::Date>& d);
// A dated entry's date in 和暦, or 日付不明 when its stored date is not a date (sdk/db.hpp).
std::string wareki_or_unknown(const std::optional<sdk::Date>& d);
// The 総括表's date style: the SDK's short 和暦 (R8.5.20, H31.4.30); blank without a date.
std::string short_wareki(const std::optional<sdk::Date>& d);

}  // namespace wasshoi::proposals
