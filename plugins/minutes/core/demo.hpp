#pragma once
// Demo data: a year of fictional meetings (令和8年度: 総会, monthly 役員会, quarterly 班長会, a
// まちづくり懇談会) with attendance, minutes, votes and action items, picked from the roster through
// MemberDirectory. Deterministic: the same seed gives the same minutes.
#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::minutes {

// Meetings up to this date have minutes (signed, approved at the next meeting); later ones are
// planned, with their agenda only. Fixed, so the demo does not depend on the day it runs.
inline constexpr sdk::Date kDemoCutoff{2026, 11, 20};

void fill_demo_org(sdk::Database& db, sdk::MemberDirectory& members, sdk::OrgId org, bool main,
                   std::uint32_t seed);
// The DemoStep (order 20, after the members demo).
void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& opts);

}  // namespace wasshoi::minutes
