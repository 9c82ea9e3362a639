// The booking plugin (集会施設予約): a table of contents. Each contribution is defined in its own file.
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

#include "cli/cli.hpp"
#include "core/demo.hpp"
#include "core/directory.hpp"
#include "core/money_source.hpp"
#include "core/report_sections.hpp"
#include "core/schema.hpp"
#include "ui/panels.hpp"

namespace wasshoi::booking {

class BookingPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    return {"booking",
            "集会施設予約",
            "Facility booking",
            "1.0.0",
            {},
            "部屋・予約・定期予約・空き検索・稼働率・iCalendar / rooms, bookings, series, free slots, usage, "
            "iCalendar"};
  }

  std::vector<sdk::Migration> migrations() const override { return booking::migrations(); }

  void register_contributions(sdk::Registry& registry) override {
    for (auto& table : owned_tables()) registry.own_table(std::move(table));
    registry.provide<sdk::FacilityDirectory>(
        std::make_shared<Directory>(registry.host_service<sdk::OrganizationDirectory>()));
    registry.provide<sdk::RoomFeeMoneySource>(std::make_shared<RoomFees>());  // 使用料 for the ledger
    register_cli(registry);
    register_panels(registry);
    registry.add_demo(sdk::DemoStep{30, fill_demo});
    for (auto& section : report_sections()) registry.add_report_section(std::move(section));
  }
};

}  // namespace wasshoi::booking

WASSHOI_PLUGIN(wasshoi::booking::BookingPlugin)
