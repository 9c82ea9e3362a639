#pragma once
// The formats issues are stored and exchanged in: UUIDs (per issue, history entry, photo and
// database), ISO 8601 times with the offset, base64 (bundles carry photos), sizes in messages.
#include <string>
#include <string_view>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::issues {

// A random (version 4) UUID, lower case: generated once per issue, history entry and photo.
std::string new_uuid();
bool is_uuid(std::string_view text);
// This database's own id (a UUID written when the issues tables were created).
std::string database_uuid(sdk::Database& db);

// Local time in Japan as ISO 8601 with offset: 2026-05-10T10:00:00+09:00.
std::string now_iso();
std::string iso_with_offset(const sdk::DateTime& t);
// Accepts what now_iso writes (and the same without seconds); nullopt otherwise.
std::optional<sdk::DateTime> parse_iso_with_offset(std::string_view text);

std::string base64_encode(const sdk::Blob& data);
// InputError on anything that is not base64.
sdk::Blob base64_decode(std::string_view text);

// "1.5 MB", "300 KB": sizes in messages.
std::string human_size(std::int64_t bytes);

}  // namespace wasshoi::issues
