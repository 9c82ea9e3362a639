#include <catch2/catch.hpp>
#include <wasshoi/sdk/events.hpp>
#include <wasshoi/sdk/services.hpp>

using namespace wasshoi;

namespace {
struct Paid {
  static constexpr const char* kEventId = "test.paid";
  int amount;
};
struct Roster {
  static constexpr const char* kServiceId = "test.roster";
  virtual ~Roster() = default;
  virtual int size() const { return 3; }
};
}  // namespace

TEST_CASE("events reach every subscriber of their type, and a plugin's handlers can be removed") {
  sdk::EventBus bus;
  int total = 0;
  bus.subscribe<Paid>("members", [&](const Paid& p) { total += p.amount; });
  bus.subscribe<Paid>("minutes", [&](const Paid& p) { total += 10 * p.amount; });
  bus.publish(Paid{3000});
  CHECK(total == 33000);
  bus.remove_owner("minutes");
  bus.publish(Paid{1});
  CHECK(total == 33001);
  CHECK(bus.handler_count("test.paid") == 1);
}

TEST_CASE("services are found by interface and disappear with their plugin") {
  sdk::Services services;
  CHECK(services.find<Roster>() == nullptr);
  CHECK_THROWS_WITH(services.get<Roster>(), Catch::Contains("test.roster"));
  services.provide<Roster>("members", std::make_shared<Roster>());
  CHECK(services.get<Roster>().size() == 3);
  services.remove_owner("members");
  CHECK(services.find<Roster>() == nullptr);
}

TEST_CASE("a service has one provider: a second is refused and the first stays") {
  sdk::Services services;
  auto first = std::make_shared<Roster>();
  services.provide<Roster>("members", first);
  CHECK_THROWS_WITH(
      services.provide<Roster>("rival", std::make_shared<Roster>()),
      Catch::Contains("the service 'test.roster' is already provided by the plugin 'members'") &&
          Catch::Contains("the plugin 'rival' cannot provide it too"));
  CHECK_THROWS_WITH(services.provide<Roster>("members", std::make_shared<Roster>()),
                    Catch::Contains("the plugin 'members' provides the service 'test.roster' twice"));
  CHECK(services.find<Roster>() == first);
  services.remove_owner("rival");  // the refused plugin being disabled takes nothing away
  CHECK(services.find<Roster>() == first);
  services.remove_owner("members");
  services.provide<Roster>("rival", std::make_shared<Roster>());  // free again once the first is gone
  CHECK(services.find<Roster>() != nullptr);
}
