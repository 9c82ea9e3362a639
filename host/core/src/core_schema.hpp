#pragma once
#include <vector>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::host {
// The host's own tables (owner "core"). Never edit a shipped migration; append a new one.
const std::vector<sdk::Migration>& core_migrations();
}  // namespace wasshoi::host
