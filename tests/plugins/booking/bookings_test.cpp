#include <catch2/catch.hpp>

#include "core/closures.hpp"
#include "core/directory.hpp"
#include "core/facilities.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::booking;

TEST_CASE("a second booking on a taken room fails naming the booking it collides with") {
  test::BookingFixture fx;
  FacilityId room = fx.open_room();
  BookingId first = book(fx.db(), fx.orgs(), fx.request(room, {2026, 5, 10}, 10, 12));
  try {
    book(fx.db(), fx.orgs(), fx.request(room, {2026, 5, 10}, 11, 13, "班長会"));
    FAIL("booked twice");
  } catch (const ConflictError& e) {
    CHECK(e.other() == first);
    CHECK_THAT(e.what(), Catch::Contains("#" + std::to_string(first)) && Catch::Contains("役員会"));
  }
  CHECK(fx.count_bookings() == 1);
}

TEST_CASE("bookings that only touch (10–12 and 12–14) and bookings in other rooms do not collide") {
  test::BookingFixture fx;
  FacilityId a = fx.open_room("大会議室"), b = fx.open_room("和室");
  book(fx.db(), fx.orgs(), fx.request(a, {2026, 5, 10}, 10, 12));
  CHECK_NOTHROW(book(fx.db(), fx.orgs(), fx.request(a, {2026, 5, 10}, 12, 14)));
  CHECK_NOTHROW(book(fx.db(), fx.orgs(), fx.request(a, {2026, 5, 10}, 9, 10)));
  CHECK_NOTHROW(book(fx.db(), fx.orgs(), fx.request(b, {2026, 5, 10}, 10, 12)));
  CHECK(fx.count_bookings() == 4);
}

TEST_CASE("bad requests are refused with a message and nothing is written") {
  test::BookingFixture fx;
  FacilityId room = fx.open_room("和室", 20);
  auto refused = [&](BookingRequest r, const char* words) {
    CHECK_THROWS_WITH(book(fx.db(), fx.orgs(), r), Catch::Contains(words));
  };
  refused(fx.request(room, {2026, 5, 10}, 12, 10), "before it starts");
  refused(fx.request(room, {2026, 5, 10}, 10, 12, "総会", 35), "holds 20 people");
  refused(fx.request(room, {2026, 5, 10}, 7, 9), "is open 9:00–21:00");
  auto unknown_room = fx.request(999, {2026, 5, 10}, 10, 12);
  refused(unknown_room, "no facility with id 999");
  auto unknown_org = fx.request(room, {2026, 5, 10}, 10, 12);
  unknown_org.org = 4242;
  refused(unknown_org, "no organization with id 4242");
  CHECK(fx.count_bookings(true) == 0);
}

TEST_CASE("2026-12-30 is closed (年末年始) and so are weekly closed days, holidays and one-off closures") {
  test::BookingFixture fx;
  Facility f{.owner = fx.support, .name = "調理実習室", .capacity = 24};
  f.closed_weekdays = 1u << 1;  // 月曜休館
  f.closed_on_holidays = true;
  FacilityId room = add_facility(fx.db(), fx.orgs(), f);
  add_closure(fx.db(), room, {2026, 8, 20}, "空調工事");
  CHECK_THROWS_WITH(book(fx.db(), fx.orgs(), fx.request(room, {2026, 12, 30}, 10, 12)),
                    Catch::Contains("年末年始"));
  CHECK_THROWS_WITH(book(fx.db(), fx.orgs(), fx.request(room, {2027, 1, 3}, 10, 12)),
                    Catch::Contains("年末年始"));
  CHECK_THROWS_WITH(book(fx.db(), fx.orgs(), fx.request(room, {2026, 5, 11}, 10, 12)),
                    Catch::Contains("休館日（月曜）"));
  CHECK_THROWS_WITH(book(fx.db(), fx.orgs(), fx.request(room, {2026, 5, 6}, 10, 12)),
                    Catch::Contains("振替休日"));
  CHECK_THROWS_WITH(book(fx.db(), fx.orgs(), fx.request(room, {2026, 9, 22}, 10, 12)),
                    Catch::Contains("国民の休日"));
  CHECK_THROWS_WITH(book(fx.db(), fx.orgs(), fx.request(room, {2026, 8, 20}, 10, 12)),
                    Catch::Contains("空調工事"));
  CHECK(fx.count_bookings(true) == 0);
  CHECK_NOTHROW(book(fx.db(), fx.orgs(), fx.request(room, {2026, 12, 27}, 10, 12)));
  CHECK_NOTHROW(book(fx.db(), fx.orgs(), fx.request(room, {2027, 1, 5}, 10, 12)));
}

TEST_CASE("a facility open on holidays takes bookings on 祝日") {
  test::BookingFixture fx;
  FacilityId room = fx.open_room();
  CHECK_NOTHROW(book(fx.db(), fx.orgs(), fx.request(room, {2026, 5, 6}, 10, 12)));
}

TEST_CASE("a facility that requires approval: 仮予約 → 承認, and a cancelled booking frees the slot") {
  test::BookingFixture fx;
  Facility f{.owner = fx.support, .name = "大会議室", .capacity = 60};
  f.requires_approval = true;
  FacilityId room = add_facility(fx.db(), fx.orgs(), f);
  BookingId id = book(fx.db(), fx.orgs(), fx.request(room, {2026, 6, 7}, 13, 17));
  CHECK(get_booking(fx.db(), id).status == Status::Tentative);
  approve(fx.db(), id);
  CHECK(get_booking(fx.db(), id).status == Status::Approved);
  cancel(fx.db(), id);
  CHECK(get_booking(fx.db(), id).status == Status::Cancelled);
  CHECK_THROWS_WITH(approve(fx.db(), id), Catch::Contains("already cancelled"));
  CHECK_NOTHROW(book(fx.db(), fx.orgs(), fx.request(room, {2026, 6, 7}, 13, 17)));
}

TEST_CASE(
    "fees: slots touched are charged whole, per started hour without slots, the owner and exempt groups "
    "free") {
  test::BookingFixture fx;
  FacilityId slotted = fx.open_room();  // 午前 1200 / 午後 1600 / 夜間 1200
  Facility hall{.owner = fx.jichikai, .name = "集会所", .capacity = 40};
  hall.fee_per_hour = 300;
  hall.exempt_orgs = {fx.other};
  FacilityId hall_id = add_facility(fx.db(), fx.orgs(), hall);
  Facility s = get_facility(fx.db(), slotted), h = get_facility(fx.db(), hall_id);
  sdk::Date d{2026, 6, 7};
  CHECK(compute_fee(s, fx.jichikai, {d, 9, 0}, {d, 12, 0}) == 1200);
  CHECK(compute_fee(s, fx.jichikai, {d, 10, 0}, {d, 14, 0}) == 2800);
  CHECK(compute_fee(s, fx.support, {d, 10, 0}, {d, 14, 0}) == 0);     // the owner
  CHECK(compute_fee(h, fx.support, {d, 10, 0}, {d, 12, 30}) == 900);  // three started hours
  CHECK(compute_fee(h, fx.jichikai, {d, 10, 0}, {d, 12, 30}) == 0);   // own 自治会 free
  CHECK(compute_fee(h, fx.other, {d, 10, 0}, {d, 12, 30}) == 0);      // 減免
  BookingId id = book(fx.db(), fx.orgs(), fx.request(slotted, d, 13, 17));
  CHECK(get_booking(fx.db(), id).fee == 1600);
}

TEST_CASE("a facility keeps its slots, equipment with quantities, hours and exemptions") {
  test::BookingFixture fx;
  Facility f{
      .owner = fx.support, .name = "大会議室", .capacity = 60, .open_min = 8 * 60, .close_min = 22 * 60};
  f.slots = standard_slots(1200, 1600, 1200);
  f.equipment = {{"プロジェクター", 1}, {"長机", 20}};
  f.exempt_orgs = {fx.jichikai};
  Facility back = get_facility(fx.db(), add_facility(fx.db(), fx.orgs(), f));
  CHECK(back.slots.size() == 3);
  CHECK(back.slots[1].name == "午後");
  CHECK(back.slots[1].start_min == 13 * 60);
  CHECK(back.equipment[1].name == "長机");
  CHECK(back.equipment[1].quantity == 20);
  CHECK(back.exempt_orgs == std::vector<OrgId>{fx.jichikai});
  CHECK(back.open_min == 480);
  Facility bad = f;
  bad.slots = {{"夜間", 20 * 60, 23 * 60, 0}};
  CHECK_THROWS_WITH(add_facility(fx.db(), fx.orgs(), bad), Catch::Contains("inside the opening hours"));
}

TEST_CASE("FacilityDirectory gives other plugins the rooms and an organization's bookings") {
  test::BookingFixture fx;
  FacilityId room = fx.open_room();
  BookingId id = book(fx.db(), fx.orgs(), fx.request(room, {2026, 6, 14}, 10, 12));
  Directory dir(fx.app->services().find<sdk::OrganizationDirectory>());
  auto rooms = dir.facilities(fx.db());
  REQUIRE(rooms.size() == 1);
  CHECK(rooms[0].name == "わっしょい地区公民館 大会議室");
  CHECK(dir.facility(fx.db(), room)->capacity == 60);
  CHECK(dir.booking(fx.db(), id)->status == "approved");
  CHECK(dir.bookings_of(fx.db(), fx.jichikai, {2026, 6, 1}, {2026, 6, 30}).size() == 1);
  CHECK(dir.bookings_of(fx.db(), fx.other, {2026, 6, 1}, {2026, 6, 30}).empty());
}
