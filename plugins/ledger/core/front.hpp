#pragma once
// What both front ends do before showing or writing the books: bring in the money recorded by
// the other plugins (when the officer may write), and the writer's name for entries.
#include <wasshoi/sdk/context.hpp>

#include "core/sources.hpp"

namespace wasshoi::ledger {

// True when the signed-in officer may write the books of `org` (会長, 役員, no accounts).
bool may_write(sdk::Context& ctx, OrgId org);
// Syncs 会費 and 使用料 (sources.hpp) when the officer may write; nothing otherwise.
SyncResult bring_in_money(sdk::Context& ctx, OrgId org);
// Who is entering: the signed-in officer's name, else the database's actor.
std::string writer(sdk::Context& ctx);

}  // namespace wasshoi::ledger
