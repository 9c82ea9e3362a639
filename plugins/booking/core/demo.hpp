#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::booking {

// Fictional rooms (公民館 and a 自治会 hall) and a year (令和8年度) of bookings and series.
// Deterministic: the same options give the same data.
void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& opts);

}  // namespace wasshoi::booking
