#pragma once
// 議案: the agenda items of a meeting, their discussion (審議の要旨) and 議決.
#include "core/model.hpp"

#include <wasshoi/sdk/db.hpp>

namespace wasshoi::minutes {

// Appends 第N号議案. InputError for an empty title or locked minutes.
ItemId add_item(sdk::Database& db, MeetingId meeting, const std::string& title, const std::string& discussion = {});
void set_discussion(sdk::Database& db, MeetingId meeting, int number, const std::string& discussion);
std::vector<AgendaItem> agenda(sdk::Database& db, MeetingId meeting);
AgendaItem get_item(sdk::Database& db, MeetingId meeting, int number);  // InputError when missing

// Records the 議決 of 第`number`号議案. Refused (InputError, nothing written) when the votes add up
// to more than those who may vote (attendance: see voters()). Without `result`: 可決 when more
// than half of the votes cast are in favour, else 否決.
VoteResult record_vote(sdk::Database& db, MeetingId meeting, int number, const Votes& votes,
                       std::optional<VoteResult> result = {});
// 継続審議 without a count.
void continue_item(sdk::Database& db, MeetingId meeting, int number);

// The usual agenda of a kind: 総会 (事業報告, 決算報告, 監査報告, 事業計画案, 予算案, 役員改選) or
// 役員会 (前回議事録の承認, 報告事項, 協議事項, 行事予定); empty for other kinds.
std::vector<std::string> agenda_template(const std::string& kind, int fiscal_year);
// Adds the template's items to a meeting; returns how many.
int apply_template(sdk::Database& db, MeetingId meeting);

}  // namespace wasshoi::minutes
