#pragma once
// The sample 協働事業 of `wasshoi-cli demo` (fictional, deterministic).
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::evaluation {

void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& options);

}  // namespace wasshoi::evaluation
