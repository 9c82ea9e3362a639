#pragma once
// Fictional sample data for trying Wasshoi and for benchmarks: a 地域協働体 with its 自治会 and 班,
// a 公民館 and the city; then every plugin's demo step fills its own tables. Deterministic.
#include <wasshoi/host/app.hpp>

namespace wasshoi::host {

// Creates the sample organizations (one transaction) and enables every loaded plugin for the
// 自治会 and the 地域協働体. Returns what plugins' demo steps need.
sdk::DemoOptions create_sample_organizations(App& app, int households, std::uint32_t seed = 20260401);
// The smallest sample: one household. Some 自治会 of a sample this small have no members; their
// plugins' demo steps leave them empty.
inline constexpr int kMinDemoHouseholds = 1;
// Throws sdk::InputError naming --households when `households` is below kMinDemoHouseholds.
void check_demo_households(int households);
// create_sample_organizations + App::run_demo, all in one transaction: a demo that fails part-way
// writes nothing. Refuses too few households before it opens the database.
sdk::DemoOptions create_demo(App& app, sdk::Context& ctx, int households);

}  // namespace wasshoi::host
