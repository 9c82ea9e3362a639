// Loads, migrates and works, but its demo step writes a row of its own and then throws, as a
// plugin's demo that breaks half-way would. `wasshoi-cli demo` must then leave the database as it
// was: no sample organizations, no row of any plugin.
#include <stdexcept>
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace {

void fill_then_fail(wasshoi::sdk::Context& ctx, const wasshoi::sdk::DemoOptions& opts) {
  wasshoi::sdk::Transaction tx(ctx.db(), "demo_throws.demo", "one row");
  wasshoi::sdk::Statement(ctx.db(), "INSERT INTO demo_throws_rows(org_id) VALUES(?)")
      .bind(1, opts.kyodotai)
      .run();
  tx.commit();
  throw std::runtime_error("the sample 回覧板 ran out of paper");
}

class DemoThrows : public wasshoi::sdk::Plugin {
 public:
  wasshoi::sdk::PluginInfo info() const override {
    return {"demo_throws", "見本で失敗する係", "Fails in its demo", "0.1", {}, "test plugin"};
  }
  std::vector<wasshoi::sdk::Migration> migrations() const override {
    return {{1, "rows", "CREATE TABLE demo_throws_rows(id {id}, org_id INTEGER NOT NULL)"}};
  }
  void register_contributions(wasshoi::sdk::Registry& r) override {
    r.add_demo(wasshoi::sdk::DemoStep{.order = 50, .fill = fill_then_fail});
  }
};

}  // namespace

WASSHOI_PLUGIN(DemoThrows)
