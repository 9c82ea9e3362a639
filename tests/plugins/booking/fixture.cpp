#include "fixture.hpp"

#include <wasshoi/host/organizations.hpp>
#include <wasshoi/sdk/migrations.hpp>

#include "core/facilities.hpp"
#include "core/schema.hpp"

namespace wasshoi::test {

BookingFixture::BookingFixture() : db_path(scratch.target()) {
  std::filesystem::create_directories(tmp / "no-plugins");
  app = std::make_unique<host::App>(host::AppOptions{db_path, tmp / "no-plugins", "test", true});
  app->open_database();
  auto migrations = booking::migrations();
  sdk::migrate(db(), "booking", migrations);
  auto orgs = app->orgs();
  jichikai = orgs.add(host::OrgKind::Jichikai, "わっしょい第一自治会");
  support = orgs.add(host::OrgKind::Support, "わっしょい地区公民館");
  other = orgs.add(host::OrgKind::Jichikai, "髙﨑町内会");
}

BookingFixture::~BookingFixture() = default;

booking::FacilityId BookingFixture::open_room(const std::string& name, int capacity) {
  booking::Facility f{.owner = support, .name = name, .capacity = capacity};
  f.new_year_closed = false;
  f.slots = booking::standard_slots(1200, 1600, 1200);
  return booking::add_facility(db(), orgs(), f);
}

booking::BookingRequest BookingFixture::request(booking::FacilityId room, const sdk::Date& day, int h1,
                                                int h2, const std::string& purpose, int people) {
  return {room, jichikai, {day, h1, 0}, {day, h2, 0}, purpose, "会長 佐藤", std::nullopt, people};
}

std::int64_t BookingFixture::count_bookings(bool include_cancelled) {
  return *sdk::query_int(db(), include_cancelled
                                   ? "SELECT count(*) FROM booking_bookings"
                                   : "SELECT count(*) FROM booking_bookings WHERE status <> 'cancelled'");
}

}  // namespace wasshoi::test
