// The minutes plugin (議事録): a table of contents. Each contribution is defined in its own file.
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

#include "cli/cli.hpp"
#include "core/demo.hpp"
#include "core/directory.hpp"
#include "core/gikansho_sections.hpp"
#include "core/glyphs.hpp"
#include "core/schema.hpp"
#include "ui/panels.hpp"

namespace wasshoi::minutes {

class MinutesPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    return {.id = "minutes",
            .name_ja = "議事録",
            .name_en = "Minutes",
            .version = "1.0.0",
            .required_plugins = {"members"},
            .description =
                "会議・出席と定足数・議決・宿題・議事録の承認と印刷 / meetings, quorum, votes, action items, "
                "minutes"};
  }

  std::vector<sdk::Migration> migrations() const override { return minutes::migrations(); }

  void register_contributions(sdk::Registry& registry) override {
    for (auto& table : owned_tables()) registry.own_table(std::move(table));
    registry.provide<sdk::MeetingDirectory>(std::make_shared<Directory>());
    register_cli(registry);
    register_panels(registry);
    registry.add_demo(sdk::DemoStep{.order = 20, .fill = fill_demo});
    registry.add_glyph_source(minutes_glyphs);
    register_report_sections(registry);
  }
};

}  // namespace wasshoi::minutes

WASSHOI_PLUGIN(wasshoi::minutes::MinutesPlugin)
