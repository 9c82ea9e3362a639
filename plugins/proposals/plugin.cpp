// The proposals plugin (要望・陳情・政策提言): a table of contents. Each contribution is defined in
// its own file. It requires no other plugin: the approving minutes (MeetingDirectory), linked
// issues (IssueTracker) and the 会長's name (MemberDirectory) are used when those plugins are there.
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

#include "cli/cli.hpp"
#include "core/demo.hpp"
#include "core/report_sections.hpp"
#include "core/schema.hpp"
#include "ui/panels.hpp"

namespace wasshoi::proposals {

class ProposalsPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    return {"proposals",
            "要望・提言",
            "Proposals",
            "1.0.0",
            {},
            "市への要望書（意見集約の方法・経過・具体的な提案）、回答と進捗、総括表 / proposals to the city, "
            "answers, "
            "follow-up"};
  }

  std::vector<sdk::Migration> migrations() const override { return proposals::migrations(); }

  void register_contributions(sdk::Registry& registry) override {
    for (auto& table : owned_tables()) registry.own_table(std::move(table));
    register_cli(registry);
    register_panels(registry);
    registry.add_demo(sdk::DemoStep{50, fill_demo});
    for (auto& section : report_sections()) registry.add_report_section(std::move(section));
  }
};

}  // namespace wasshoi::proposals

WASSHOI_PLUGIN(wasshoi::proposals::ProposalsPlugin)
