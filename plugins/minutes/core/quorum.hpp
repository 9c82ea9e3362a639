#pragma once
// The quorum (定足数) of a general assembly, by the organization's stored rule. The default is
// 過半数: present households + 委任状 + 議決権行使書 must be more than half of the member
// households on the meeting date (MemberDirectory::member_household_count).
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes {

QuorumRule quorum_rule(sdk::Database& db, OrgId org);
// InputError for a fraction that is not one (0, more than 1).
void set_quorum_rule(sdk::Database& db, OrgId org, const QuorumRule& rule);
// The same for the signed-in officer (「会議の設定」, `minutes quorum-rule`): a setting of the whole
// organization (sdk::Act::OrgSettings: its 会長 and 役員; a 班長, a 閲覧 and another
// organization's officers are refused before anything is written). Audited as
// "minutes.quorum_rule" with the rule before and after.
void set_quorum_rule(sdk::Context& ctx, OrgId org, const QuorumRule& rule);
// "会員世帯の過半数（委任状・議決権行使書を含む）", "会員世帯の3分の2以上（委任状を含む）".
std::string describe(const QuorumRule& rule);

// The smallest count that is quorate for `base` member households.
int required_count(const QuorumRule& rule, int base);
// Computed from what is recorded now (the attendance sheet shows it live).
QuorumStatus quorum(sdk::Database& db, sdk::MemberDirectory& members, const Meeting& meeting);
// The sentence the minutes print: "会員世帯数120のうち、出席48、委任状18、議決権行使書0、計66で、
// 定足数61（過半数）を満たしており、本総会は成立した。" / "… 満たしておらず、本総会は成立していない。"
std::string quorum_statement(const QuorumStatus& q, const std::string& kind);

}  // namespace wasshoi::minutes
