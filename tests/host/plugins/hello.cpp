// A small, well-behaved plugin: a table, a panel, a CLI command, a service and an event handler.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace {

struct Greeting {
  static constexpr const char* kServiceId = "hello.greeting";
  virtual ~Greeting() = default;
  virtual std::string greet(const std::string& name) const { return "こんにちは、" + name + "さん"; }
};

class Hello : public wasshoi::sdk::Plugin {
 public:
  wasshoi::sdk::PluginInfo info() const override {
    return {"hello", "あいさつ", "Hello", "1.2.0", {}, "test plugin"};
  }
  std::vector<wasshoi::sdk::Migration> migrations() const override {
    return {{1, "greetings", "CREATE TABLE hello_greetings(id {id}, name TEXT NOT NULL)"},
            {2, "greeting time", "ALTER TABLE hello_greetings ADD COLUMN at TEXT"}};
  }
  void register_contributions(wasshoi::sdk::Registry& r) override {
    r.add_panel({"hello.panel", "hello.title", [](wasshoi::sdk::Context&) {}});
    r.provide<Greeting>(std::make_shared<Greeting>());
    r.add_cli_command({"hello", "greet someone", [](CLI::App& cmd, wasshoi::sdk::CliContext& ctx) {
                         auto name = std::make_shared<std::string>();
                         cmd.add_option("NAME", *name)->required();
                         cmd.callback([&ctx, name] {
                           wasshoi::sdk::Transaction tx(ctx.db(), "hello.greet", *name);
                           wasshoi::sdk::Statement(ctx.db(), "INSERT INTO hello_greetings(name) VALUES(?)")
                               .bind(1, *name)
                               .run();
                           auto id = ctx.db().last_insert_id();
                           tx.commit();
                           ctx.emit({{"id", id}, {"name", *name}},
                                    [&](std::ostream& out) { out << "こんにちは、" << *name << "さん\n"; });
                         });
                       }});
  }
};

}  // namespace

WASSHOI_PLUGIN(Hello)
