#pragma once
// Demo data: about 30 fictional issues across the sample 自治会, with supports, photos, history,
// some taken to the city. Deterministic for a seed (ids and timestamps aside).
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::issues {

void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& opts);

// A small PNG drawn in code (a scene tinted by `hue`, 0–359): demo photos and tests.
sdk::Blob demo_photo(int hue, int variant, int width = 160, int height = 120);

}  // namespace wasshoi::issues
