// The ledger plugin (会計): a table of contents. Each contribution is defined in its own file.
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

#include "cli/cli.hpp"
#include "core/demo.hpp"
#include "core/report_sections.hpp"
#include "core/schema.hpp"
#include "ui/panels.hpp"

namespace wasshoi::ledger {

class LedgerPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    return {.id = "ledger",
            .name_ja = "会計",
            .name_en = "Ledger",
            .version = "1.0.0",
            .required_plugins = {},
            .description =
                "出納帳・予算・決算・監査・補助金 / cash book, budget, annual accounts, audit, grants"};
  }

  std::vector<sdk::Migration> migrations() const override { return ledger::migrations(); }

  void register_contributions(sdk::Registry& registry) override {
    for (auto& table : owned_tables()) registry.own_table(std::move(table));
    register_cli(registry);
    register_panels(registry);
    registry.add_demo(
        sdk::DemoStep{.order = 60, .fill = fill_demo});  // after members (会費) and booking (使用料)
    for (auto& section : report_sections()) registry.add_report_section(std::move(section));
  }
};

}  // namespace wasshoi::ledger

WASSHOI_PLUGIN(wasshoi::ledger::LedgerPlugin)
