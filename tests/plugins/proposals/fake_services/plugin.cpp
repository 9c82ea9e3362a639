// testservices: provides MeetingDirectory and IssueTracker for the proposals tests, with demo
// meetings (order 20) and issues (order 40) like the minutes and issues plugins would add.
#include "fake_services.hpp"

#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace {

using namespace wasshoi;

void demo_meetings(sdk::Context& ctx, const sdk::DemoOptions& o) {
  if (o.jichikai.empty()) return;
  test::fakes::add_meeting(ctx.db(), o.jichikai[0], "総会", "令和7年度 定期総会", {2025, 4, 27});
  test::fakes::add_meeting(ctx.db(), o.jichikai[0], "役員会", "令和7年度 第3回役員会", {2025, 7, 13});
  test::fakes::add_meeting(ctx.db(), o.jichikai[0], "役員会", "令和7年度 第6回役員会", {2025, 11, 9});
}

void demo_issues(sdk::Context& ctx, const sdk::DemoOptions& o) {
  if (o.jichikai.empty()) return;
  test::fakes::Issues issues;
  for (const char* t : {"通学路が暗い", "坂道の除雪が遅い", "集会所の雨漏り", "空き家の草木", "クマの出没", "子育ての場がない"})
    issues.create_issue(ctx.db(), {o.jichikai[0], t, "", "防犯", "", "demo"});
}

class TestServices final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    return {"testservices", "テスト用サービス", "Test services", "0.0.1", {}, "for the proposals tests"};
  }
  std::vector<sdk::Migration> migrations() const override { return test::fakes::migrations(); }
  void register_contributions(sdk::Registry& r) override {
    r.provide<sdk::MeetingDirectory>(std::make_shared<test::fakes::Meetings>());
    r.provide<sdk::IssueTracker>(std::make_shared<test::fakes::Issues>());
    r.add_demo({20, demo_meetings});
    r.add_demo({40, demo_issues});
  }
};

}  // namespace

WASSHOI_PLUGIN(TestServices)
