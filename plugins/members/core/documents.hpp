#pragma once
// The roster's lists on paper, as officers hand them round (A4, sdk::Document):
//  * 安否確認の一覧 per 班: 要支援者, their helpers and telephones, large type, an empty 確認 column
//    ticked on paper when the power is out;
//  * 会費集金表 per 班: each household, what it owes through the period, paid, a 受領印 column, totals;
//  * 領収書 for a household: one per payment of the 年度, 2 or 4 to an A4 with cut lines;
//  * 名簿 by 班 (for outsiders without telephones or notes);
//  * 役員名簿 of a 年度 in the form the city asks for (役職, 氏名, 住所, 電話, 任期).
// Who may print what is decided here, below every front end: the roster of another organization
// is refused, a 班長 gets their own 班 only (asking for another 班 is refused, asking for none
// gives theirs) and may not print the 役員名簿 (officers' addresses across the 自治会). Reading
// only: a 閲覧 account may print what it may read.
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::members {

// The 班 a list for `access` covers: InputError naming `what` when the roster of `org` is not
// theirs to see, or a 班長 asks for another 班; a 班長's own 班 when none is asked for.
std::optional<HanId> printable_han(const sdk::Access& access, OrgId org, std::optional<HanId> wanted,
                                   const char* what);

// "3,600円"
std::string yen(std::int64_t amount);

struct ListRequest {
  OrgId org = 0;
  std::optional<HanId> han;  // none: every 班 (a 班長: their own)
};

sdk::Document safety_document(sdk::Database& db, sdk::OrganizationDirectory& orgs, const sdk::Access& access,
                              const ListRequest& request, const Date& on);

// Through `period` (none: the period of today).
sdk::Document dues_sheet_document(sdk::Database& db, sdk::OrganizationDirectory& orgs,
                                  const sdk::Access& access, const ListRequest& request, int fiscal_year,
                                  std::optional<int> period = {});

// `per_page`: 2 or 4 (InputError otherwise). InputError when the household paid nothing in the
// 年度 (nothing to give a receipt for). `issuer`: who signs (会計 …); blank leaves a line to write on.
sdk::Document receipts_document(sdk::Database& db, sdk::OrganizationDirectory& orgs,
                                const sdk::Access& access, HouseholdId household, int fiscal_year,
                                int per_page, const std::string& issuer = {});

// Households by 班 (世帯主, フリガナ, 住所, 電話, 人数); `outside`: for anyone outside the 自治会, no
// telephones (and the document says so).
sdk::Document roster_document(sdk::Database& db, sdk::OrganizationDirectory& orgs, const sdk::Access& access,
                              const ListRequest& request, bool outside, const Date& on);

// The 役員名簿 of a 年度 for the city: 役職, 氏名, 住所, 電話, 任期, and the 会長's declaration with an
// 印 box. InputError for a 班長, and when nobody holds a role in that 年度.
sdk::Document officers_document(sdk::Database& db, sdk::OrganizationDirectory& orgs,
                                const sdk::Access& access, OrgId org, int fiscal_year);

}  // namespace wasshoi::members
