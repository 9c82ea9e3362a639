#pragma once
// The paper of a 総会's reception: the 受付名簿 per 班 (one 班 a page: each household with a box
// per state and a signature column, the totals) and the 開催通知 with its tear-off 出欠票・委任状
// (one per household with the 世帯主's name, grouped per 班 in 班 order for the 班長 to hand out,
// or blank forms). Both name residents: written as personal data (WriteOptions::personal_data).
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes {

// InputError: not a 総会, a meeting whose date is not one.
sdk::Document reception_list_document(sdk::Database& db, sdk::MemberDirectory& members,
                                      sdk::OrganizationDirectory& orgs, MeetingId meeting);

struct NoticeOptions {
  Date deadline;                // 出欠票の提出期限: before the meeting
  bool proxy_to_chair = false;  // the 委任状 names 議長 as 受任者; otherwise the 受任者 is left blank
  int blank_forms = 0;          // > 0: that many forms without names instead of one per household
};

// The 開催通知 (date 和暦 and 西暦, place, the 議案 of the meeting's agenda, the deadline) with the
// 出欠票・委任状 under a dashed cut line, 書面議決 boxes per 議案: one page per household in 班 order,
// or `blank_forms` pages without names. InputError: not a 総会, a meeting without a date, a
// deadline that is not before the meeting, more than 500 blank forms.
sdk::Document notice_document(sdk::Database& db, sdk::MemberDirectory* members,
                              sdk::OrganizationDirectory& orgs, MeetingId meeting,
                              const NoticeOptions& options);

}  // namespace wasshoi::minutes
