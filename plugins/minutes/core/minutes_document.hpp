#pragma once
// The minutes as officers hand them round (A4, the usual Japanese layout): 日時 in 和暦 and 西暦,
// 場所, 出席者 with counts, the quorum statement of a 総会, 継続事項, 議案ごとの審議と議決, 決定事項,
// 署名欄. Built with the SDK's one document writer; also Markdown; meetings as iCalendar.
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes {

// `members` may be null (members plugin not enabled): the quorum is then said to be unknown.
// `orgs`: the host's directory (the organization's name). InputError for a meeting whose stored
// date is not a date, saying how to set it.
sdk::Document minutes_document(sdk::Database& db, sdk::OrganizationDirectory& orgs,
                               sdk::MemberDirectory* members, MeetingId meeting);
// The 行事予定・実績 of a 年度 (April–March): every meeting and event in date order with the date
// in 和暦 and 西暦, the time, the kind and the place; one whose date is unknown comes last. Titles
// and places only, no attendees: an ordinary list for the 回覧板 or the 総会's 議案書.
sdk::Document events_document(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                              int fiscal_year);
// "令和8年4月19日（日） 10:00〜11:30（西暦 2026年4月19日）"; 日付不明 when the date is unknown.
std::string meeting_when(const Meeting& m);
// "48世帯出席、委任状18世帯、議決権行使書0世帯、来賓2名" / "出席9名、来賓2名"
std::string attendance_summary(sdk::Database& db, const Meeting& m);
// The meetings as one calendar (UID minutes-<id>@wasshoi, stable across exports); a meeting whose
// date is unknown is left out.
std::string meetings_ics(sdk::Database& db, const std::vector<Meeting>& meetings,
                         const std::string& calendar_name);

}  // namespace wasshoi::minutes
