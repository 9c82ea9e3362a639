// The evaluation plugin (評価・検証): a table of contents. 協働事業 and every partner's 自主評価 on
// the city plan's common items, the comparison, アンケート and the 評価報告書. It requires no other
// plugin: linked meetings (MeetingDirectory) and issues (IssueTracker) are used when those plugins
// are there.
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

#include "cli/cli.hpp"
#include "core/demo.hpp"
#include "core/schema.hpp"
#include "ui/panels.hpp"

namespace wasshoi::evaluation {

class EvaluationPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    return {
        "evaluation",
        "評価・検証",
        "Evaluation",
        "0.1.0",
        {},
        "協働事業の自主評価（共通の評価項目）・比較・アンケート・評価報告書 / joint projects evaluated by "
        "every partner, questionnaires, the public report"};
  }

  std::vector<sdk::Migration> migrations() const override { return evaluation::migrations(); }

  void register_contributions(sdk::Registry& registry) override {
    for (auto& table : owned_tables()) registry.own_table(std::move(table));
    register_cli(registry);
    register_panels(registry);
    registry.add_demo(sdk::DemoStep{70, fill_demo});
  }
};

}  // namespace wasshoi::evaluation

WASSHOI_PLUGIN(wasshoi::evaluation::EvaluationPlugin)
