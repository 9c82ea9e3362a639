#include "core/gikansho_schema.hpp"

namespace wasshoi::minutes {

namespace {

// A meeting's 議案 in the officer's order (position 1, 2 …): a part ('activities' … 'officers',
// whose plugins' sections are printed) or none (typed only), the title and the typed text.
// No rows: the meeting has the usual 議案. fiscal_year: the 年度 reported on, when the officer set one.
constexpr const char* kGikansho = R"sql(
CREATE TABLE minutes_gikansho_items(
  id {id},
  meeting_id INTEGER NOT NULL REFERENCES minutes_meetings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  part TEXT CHECK(part IN ('activities', 'settlement', 'audit', 'plan', 'budget', 'officers')),
  title TEXT NOT NULL CHECK(length(title) > 0),
  body TEXT NOT NULL DEFAULT '');
CREATE INDEX minutes_gikansho_items_meeting ON minutes_gikansho_items(meeting_id, position);
CREATE TABLE minutes_gikansho_years(
  meeting_id INTEGER PRIMARY KEY REFERENCES minutes_meetings(id) ON DELETE CASCADE,
  fiscal_year INTEGER NOT NULL CHECK(fiscal_year BETWEEN 1900 AND 2200));
)sql";

}  // namespace

sdk::Migration gikansho_migration(int version) {
  return {version, "the 議案書: its 議案 in order, typed text, the 年度 reported on", kGikansho};
}

std::vector<sdk::OwnedTable> gikansho_tables() {
  const std::string meeting_org = "(SELECT org_id FROM minutes_meetings WHERE id = $.meeting_id)";
  return {{.table = "minutes_gikansho_items", .noun = "議案書 item", .org = meeting_org},
          {.table = "minutes_gikansho_years", .noun = "議案書 年度", .org = meeting_org, .id = "meeting_id"}};
}

}  // namespace wasshoi::minutes
