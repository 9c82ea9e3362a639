#include "core/front.hpp"

namespace wasshoi::ledger {

bool may_write(sdk::Context& ctx, OrgId org) {
  const auto& a = ctx.access();
  return org != 0 && a.officer() && (a.full() || a.org == org) && !ctx.db().read_only();
}

SyncResult bring_in_money(sdk::Context& ctx, OrgId org) {
  if (!may_write(ctx, org)) return {};
  auto dues = ctx.services().find<sdk::DuesMoneySource>();
  auto fees = ctx.services().find<sdk::RoomFeeMoneySource>();
  return sync_money(ctx.db(), org, {dues.get(), fees.get()}, sdk::today(), writer(ctx));
}

std::string export_handover(sdk::Context& ctx, OrgId org, int year) {
  ctx.require(sdk::Act::WholeRoster, org);
  return handover_file(ctx.db(), org, year);
}

HandoverResult open_handover(sdk::Context& ctx, OrgId org, const std::string& file_text) {
  ctx.require(sdk::Act::WholeRoster, org);
  return import_handover(ctx.db(), org, file_text, writer(ctx));
}

std::string writer(sdk::Context& ctx) {
  const auto& a = ctx.access();
  if (!a.name.empty()) return a.name;
  if (!a.account.empty()) return a.account;
  return ctx.db().actor();
}

}  // namespace wasshoi::ledger
