#pragma once
// Demo data: fictional, deterministic households, persons, roles and dues for the sample
// 自治会 (wasshoi-cli demo, first start). The same seed gives the same roster.
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::members {

// Fills one 自治会 with `households` households (its 班 are created when it has none).
void fill_demo_jichikai(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId org, int households,
                        std::uint32_t seed);
// The DemoStep: shares opts.households among opts.jichikai by their number of 班.
void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& opts);

// ｶﾀｶﾅ as old rosters have it: "サトウ ハナコ" → "ｻﾄｳ ﾊﾅｺ".
std::string to_halfwidth_katakana(std::string_view fullwidth);

}  // namespace wasshoi::members
