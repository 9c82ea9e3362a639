#pragma once
// Fictional sample data for trying Wasshoi and for benchmarks: a 地域協働体 with its 自治会 and 班,
// a 公民館 and the city; then every plugin's demo step fills its own tables. Deterministic.
#include <wasshoi/host/app.hpp>

namespace wasshoi::host {

// Creates the sample organizations (one transaction) and enables every loaded plugin for the
// 自治会 and the 地域協働体. Returns what plugins' demo steps need.
sdk::DemoOptions create_sample_organizations(App& app, int households, std::uint32_t seed = 20260401);
// create_sample_organizations + App::run_demo.
sdk::DemoOptions create_demo(App& app, sdk::Context& ctx, int households);

}  // namespace wasshoi::host
