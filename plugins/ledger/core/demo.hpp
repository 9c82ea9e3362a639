#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::ledger {

// A year of plausible books for the sample 自治会 (the last 会計年度, closed and audited, with
// one correction after the 監査) and this one so far: 会費 from the members plugin's payments,
// 使用料 from booking, a 補助金, a 夏祭り, transfers to the bank and to the 修繕積立金.
void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& options);
// The same for one organization, the last 会計年度 being `year` (tests, benchmarks).
void fill_demo_books(sdk::Context& ctx, sdk::OrgId org, int year);

}  // namespace wasshoi::ledger
