#pragma once
// A real database on the engine under test (test::ScratchDb) with the host's core tables and the booking
// plugin's tables, two organizations (a 自治会 and a 公民館) and helpers to add rooms and requests.
#include <memory>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/bookings.hpp"
#include "core/series.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

namespace wasshoi::test {

struct BookingFixture {
  BookingFixture();
  ~BookingFixture();

  TempDir tmp;          // files the tests write
  ScratchDb scratch;    // the database, on the engine under test (WASSHOI_TEST_DB)
  std::string db_path;  // what a program opens to reach it (scratch.target())
  std::unique_ptr<host::App> app;
  sdk::OrgId jichikai = 0, support = 0, other = 0;

  sdk::Database& db() { return app->db(); }
  // The host's organizations, as the plugin gets them (ctx.services()).
  sdk::OrganizationDirectory& orgs() { return app->services().get<sdk::OrganizationDirectory>(); }
  // A 公民館 room open 9–21 every day of the year (no closures), standard slots, no approval.
  booking::FacilityId open_room(const std::string& name = "大会議室", int capacity = 60);
  booking::BookingRequest request(booking::FacilityId room, const sdk::Date& day, int h1, int h2,
                                  const std::string& purpose = "役員会", int people = 10);
  std::int64_t count_bookings(bool include_cancelled = false);
};

}  // namespace wasshoi::test
