// Loads, migrates and works, but `command_throws fail` writes a row inside its transaction and
// then throws a plain std::runtime_error (a plugin bug, not an sdk::Error); `fail-after-commit`
// saves its row first. The CLI must disable it for the session and say whether data changed.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace {

using wasshoi::sdk::CliContext;

std::int64_t insert(CliContext& ctx, const std::string& note) {
  wasshoi::sdk::Statement(ctx.db(), "INSERT INTO command_throws_rows(note) VALUES(?)").bind(1, note).run();
  return ctx.db().last_insert_id();
}

void add_write(CLI::App& cmd, CliContext& ctx, const char* name, bool commit, bool then_throw) {
  auto note = std::make_shared<std::string>();
  auto* sub = cmd.add_subcommand(name, "write one row");
  sub->add_option("NOTE", *note)->required();
  sub->callback([&ctx, note, commit, then_throw] {
    wasshoi::sdk::Transaction tx(ctx.db(), "command_throws.write", *note);
    auto id = insert(ctx, *note);
    if (commit) tx.commit();
    if (then_throw)
      throw std::runtime_error("the imaginary printer caught fire after row " + std::to_string(id));
    ctx.emit({{"id", id}}, [&](std::ostream& out) { out << "row " << id << '\n'; });
  });
}

class CommandThrows : public wasshoi::sdk::Plugin {
 public:
  wasshoi::sdk::PluginInfo info() const override {
    return {"command_throws", "途中で失敗する係", "Fails midway", "0.1", {}, "test plugin"};
  }
  std::vector<wasshoi::sdk::Migration> migrations() const override {
    return {{1, "rows", "CREATE TABLE command_throws_rows(id {id}, note TEXT NOT NULL)"}};
  }
  void register_contributions(wasshoi::sdk::Registry& r) override {
    r.add_cli_command({"command_throws", "write rows; fail on purpose", [](CLI::App& cmd, CliContext& ctx) {
                         cmd.require_subcommand(1);
                         add_write(cmd, ctx, "add", true, false);
                         add_write(cmd, ctx, "fail", false, true);
                         add_write(cmd, ctx, "fail-after-commit", true, true);
                       }});
  }
};

}  // namespace

WASSHOI_PLUGIN(CommandThrows)
