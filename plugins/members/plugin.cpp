// The members plugin (会員名簿): a table of contents. Each contribution is defined in its own file.
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

#include "cli/cli.hpp"
#include "core/demo.hpp"
#include "core/directory.hpp"
#include "core/glyphs.hpp"
#include "core/money_source.hpp"
#include "core/report_sections.hpp"
#include "core/schema.hpp"
#include "ui/panels.hpp"

namespace wasshoi::members {

class MembersPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    return {.id = "members",
            .name_ja = "会員名簿",
            .name_en = "Members",
            .version = "1.0.0",
            .required_plugins = {},
            .description = "世帯・会員・役員・会費の名簿 / households, persons, roles and dues"};
  }

  std::vector<sdk::Migration> migrations() const override { return members::migrations(); }

  void register_contributions(sdk::Registry& registry) override {
    for (auto& table : owned_tables()) registry.own_table(std::move(table));
    registry.provide<sdk::MemberDirectory>(std::make_shared<Directory>());
    registry.provide<sdk::DuesMoneySource>(std::make_shared<DuesMoney>());  // 会費 for the ledger
    register_cli(registry);
    register_panels(registry);
    registry.add_demo(sdk::DemoStep{.order = 10, .fill = fill_demo});
    registry.add_glyph_source(roster_glyphs);
    for (auto& section : report_sections()) registry.add_report_section(std::move(section));
  }
};

}  // namespace wasshoi::members

WASSHOI_PLUGIN(wasshoi::members::MembersPlugin)
