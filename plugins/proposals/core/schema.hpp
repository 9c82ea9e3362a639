#pragma once
// The proposals plugin's tables (proposals_…). Never edit a shipped migration: add a new one.
#include <vector>
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::proposals {

std::vector<sdk::Migration> migrations();

// Photos and map images are kept in the database; larger files are refused with this limit named.
inline constexpr std::size_t kMaxAttachmentBytes = 5 * 1024 * 1024;

// Whose rows each table holds: the host guards writes and lookups by id with it (docs/access.md).
std::vector<sdk::OwnedTable> owned_tables();
}  // namespace wasshoi::proposals
