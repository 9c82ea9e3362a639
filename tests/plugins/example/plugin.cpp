// The example plugin of docs/plugin-guide.md (回覧板, circulars passed 班 by 班): a table of
// contents. Each contribution is defined in its own folder: rules in core/, commands in cli/,
// panels in ui/.
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

#include "cli/cli.hpp"
#include "core/schema.hpp"
#include "ui/panels.hpp"

namespace wasshoi::kairanban {

class KairanbanPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    return {.id = "kairanban",
            .name_ja = "回覧板",
            .name_en = "Circulars",
            .version = "0.1.0",
            .required_plugins = {},
            .description = "班ごとに回す回覧 / circulars passed 班 by 班"};
  }

  std::vector<sdk::Migration> migrations() const override { return kairanban::migrations(); }

  void register_contributions(sdk::Registry& registry) override {
    // Whose rows the table holds: host core checks every write to it and every lookup by id
    // against the signed-in officer (docs/access.md). A circular of a 班 is its 班長's to write.
    registry.own_table({.table = "kairanban_circulars",
                        .noun = "circular",
                        .org = "$.org_id",
                        .han = "$.han_id",
                        .han_leaders_write = true});
    register_cli(registry);
    register_panels(registry);
  }
};

}  // namespace wasshoi::kairanban

WASSHOI_PLUGIN(wasshoi::kairanban::KairanbanPlugin)
