// The issues plugin (地域課題の集約): a table of contents. Each contribution is defined in its own file.
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

#include "cli/cli.hpp"
#include "core/demo.hpp"
#include "core/report_sections.hpp"
#include "core/schema.hpp"
#include "core/tracker.hpp"
#include "ui/panels.hpp"

namespace wasshoi::issues {

class IssuesPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    return {"issues",
            "地域課題",
            "Local issues",
            "1.0.0",
            {"members"},
            "住民の地域課題を集め、賛同・統合・懇談会資料・市への要望 (Open311) / residents' issues, the "
            "懇談会 list, Open311"};
  }

  std::vector<sdk::Migration> migrations() const override { return issues::migrations(); }

  void register_contributions(sdk::Registry& registry) override {
    for (auto& table : owned_tables()) registry.own_table(std::move(table));
    registry.provide<sdk::IssueTracker>(
        std::make_shared<Tracker>(registry.host_service<sdk::OrganizationDirectory>()));
    register_cli(registry);
    register_panels(registry);
    registry.add_demo(sdk::DemoStep{40, fill_demo});
    for (auto& section : report_sections()) registry.add_report_section(std::move(section));
  }
};

}  // namespace wasshoi::issues

WASSHOI_PLUGIN(wasshoi::issues::IssuesPlugin)
