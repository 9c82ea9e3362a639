#pragma once
// Documents through the SDK writer (A4, 明朝): the 要望書 in the formal layout a 自治会 sends to the
// city, the yearly 総括表 and the 処理簿 (tracking ledger); the 総括表 also as CSV for Excel.
#include "core/model.hpp"

#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include <filesystem>

namespace wasshoi::proposals {

// Who signs the 要望書 and when.
struct Signer {
  std::string org_name;    // ○○自治会
  std::string chair_name;  // the 会長 from the members plugin; empty when unknown
  sdk::Date date;          // submission date, or today for a draft
};
// The organization's 会長 in the 年度 of the letter's date, through MemberDirectory (may be null).
Signer signer_for(sdk::Database& db, const Proposal& p, sdk::MemberDirectory* members);

// The 要望書. When the 具体的な提案 name different 担当課, each 担当課 gets a sheet of its own with
// its items (sections 1 and 2 repeated), after the main sheet.
sdk::Document request_document(sdk::Database& db, const Proposal& p, const Signer& signer);
// The same text as it will print (Markdown), for the editor's live preview.
std::string request_preview(sdk::Database& db, const Proposal& p, const Signer& signer);

// 総括表: every proposal of `org` (with its 自治会 for a 地域協働体) raised in or carried into the 年度.
sdk::Document summary_document(sdk::Database& db, OrgId org, int fiscal_year);
std::string summary_csv(sdk::Database& db, OrgId org, int fiscal_year);  // UTF-8 with BOM, CRLF
// 処理簿: every step of every proposal of the 年度 in date order.
sdk::Document ledger_document(sdk::Database& db, OrgId org, int fiscal_year);

// "1. 総会決議 令和8年4月26日 出席 85 …" — one printed line of a 意見集約の方法 entry.
std::string gathering_line(const Gathering& g);
std::string wareki_or_blank(const std::optional<sdk::Date>& d);
// R8.5.20 for a table cell (令和); older dates in full.
std::string short_wareki(const std::optional<sdk::Date>& d);

}  // namespace wasshoi::proposals
