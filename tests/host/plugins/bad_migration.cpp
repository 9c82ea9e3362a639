// Its second migration fails half-way: the first must stay, the second must leave nothing. Its
// command writes to the table the failed migration would have made.
#include <CLI/CLI.hpp>
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace {
class BadMigration : public wasshoi::sdk::Plugin {
 public:
  wasshoi::sdk::PluginInfo info() const override { return {"bad_migration", "", "", "0.1", {}, ""}; }
  std::vector<wasshoi::sdk::Migration> migrations() const override {
    return {
        {1, "ok", "CREATE TABLE bad_migration_ok(id {id})"},
        {2, "broken", "CREATE TABLE bad_migration_half(id INTEGER); INSERT INTO no_such_table VALUES(1);"}};
  }
  void register_contributions(wasshoi::sdk::Registry& r) override {
    r.add_cli_command({"bad_migration", "write to the table of the failed migration",
                       [](CLI::App& cmd, wasshoi::sdk::CliContext& ctx) {
                         cmd.callback([&ctx] { ctx.db().exec("INSERT INTO bad_migration_half VALUES(1)"); });
                       }});
  }
};
}  // namespace

WASSHOI_PLUGIN(BadMigration)
