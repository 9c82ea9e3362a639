#pragma once
// What both front ends do before showing or writing the books: bring in the money recorded by
// the other plugins (when the officer may write), and the writer's name for entries.
#include <wasshoi/sdk/context.hpp>

#include "core/sources.hpp"
#include "core/year_end.hpp"

namespace wasshoi::ledger {

// True when the signed-in officer may write the books of `org` (会長, 役員, no accounts).
bool may_write(sdk::Context& ctx, OrgId org);
// Syncs 会費 and 使用料 (sources.hpp) when the officer may write; nothing otherwise.
SyncResult bring_in_money(sdk::Context& ctx, OrgId org);
// The hand-over of a 年度's books (year_end.hpp), out and in: a whole-organization act, the 会長's
// and 役員's (sdk::Act::WholeRoster, as the roster's hand-over of 年度); InputError otherwise.
std::string export_handover(sdk::Context& ctx, OrgId org, int year);
HandoverResult open_handover(sdk::Context& ctx, OrgId org, const std::string& file_text);
// Who is entering: the signed-in officer's name, else the database's actor.
std::string writer(sdk::Context& ctx);

}  // namespace wasshoi::ledger
