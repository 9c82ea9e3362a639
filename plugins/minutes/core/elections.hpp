#pragma once
// 役員改選: the officers proposed in a 議案 about electing them (役員の選任・改選・選出), stored as
// rows (role, person, 班, 年度). When the 議案 is recorded as 可決 their roles are written into the
// roster through sdk::MemberDirectory in the same transaction as the 議決 (agenda.hpp). Once
// written, a 議決 that is no longer 可決 is refused: the roles are changed in the roster
// (役職), not by undoing the vote.
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes {

struct OfficerProposal {
  std::int64_t id = 0;
  ItemId item = 0;
  std::int64_t person_id = 0;
  std::string name;
  std::string role;
  std::string han;
  int fiscal_year = 0;
  std::optional<std::int64_t> assignment;  // the roster's role, once written
};

// Whether a 議案's title is about electing the officers (役員 with 選任, 改選 or 選出).
bool elects_officers(const std::string& title);
// The 年度 the officers elected at `m` serve: a meeting in April–June opens its own 年度 (the
// 定期総会); one later in the year elects those of the next.
int term_year(const Meeting& m);

std::vector<OfficerProposal> proposals(sdk::Database& db, MeetingId meeting, int number);
// Adds a proposed officer to 第`number`号議案, audited "minutes.officer_propose". InputError
// (nothing written): the 議案 does not elect officers, a person not of the meeting's 自治会, an
// unknown role, the same person in the same role twice, locked minutes or a 議決 already recorded.
std::int64_t propose_officer(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting, int number,
                             std::int64_t person, const std::string& role);
// Takes a proposal off, audited "minutes.officer_unpropose"; refused once the 議決 is recorded.
void remove_proposal(sdk::Database& db, MeetingId meeting, int number, std::int64_t proposal);

// Inside the 議決's transaction, after it is stored: a 可決 writes the proposals' roles (once);
// refused when roles were written and the 議決 is no longer 可決, or the roster is not there.
// Returns the detail for the audit ("会長 髙橋 一郎, …"), empty when nothing was written.
std::string apply_election(sdk::Database& db, sdk::MemberDirectory* members, MeetingId meeting, int number);

}  // namespace wasshoi::minutes
