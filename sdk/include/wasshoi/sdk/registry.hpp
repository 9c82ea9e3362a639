#pragma once
// Registry: what a plugin contributes. The host gives each plugin its own Registry during
// register_contributions(); the plugin adds to it (add_panel, add_cli_command, provide, on …) and
// cannot read it back. Only the host reads the contributions, through sdk::impl (ImHex's
// convention: `impl` is the host's side of the SDK, never called by a plugin). The owner is
// recorded so a failing plugin's panels, commands, services and handlers are withdrawn together.
#include <functional>
#include <memory>
#include <string>
#include <vector>
#include <wasshoi/sdk/annual_report.hpp>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

namespace CLI {
class App;
}

namespace wasshoi::sdk {

struct Panel {
  std::string id;                      // "members.roster"; also what `wasshoi --panel` takes
  std::string title_key;               // catalog key of the window title
  std::function<void(Context&)> draw;  // draws the window's content; the host opens the window
  // The kinds of organization the screen means something for (a roster for a 自治会, not for a
  // 地域協働体, which has no households of its own); empty: every kind. The host offers the panel
  // only in an organization of one of these kinds.
  std::vector<OrgKind> kinds = {};
};

struct MenuItem {
  std::string menu_key;   // catalog key of the top-level menu ("menu.tools")
  std::string label_key;  // catalog key of the item
  std::function<void(Context&)> action;
};

// `wasshoi-cli <name> …`: `setup` adds options and subcommands to `command` (CLI11); their
// callbacks run after parsing, with `ctx` ready.
struct CliCommand {
  std::string name;
  std::string help;
  std::function<void(CLI::App& command, CliContext& ctx)> setup;
};

struct DemoOptions {
  int households = 120;
  std::uint32_t seed = 20260401;
  OrgId kyodotai = 0;           // the sample 地域協働体
  std::vector<OrgId> jichikai;  // its sample 自治会, the first is the main one
  OrgId support = 0;            // a support body (公民館) owning rooms
  OrgId city = 0;               // the city, addressee of proposals
};

// Fills the plugin's tables with fictional, deterministic data (wasshoi-cli demo, first start).
struct DemoStep {
  int order = 100;  // lower runs first (members before minutes)
  std::function<void(Context&, const DemoOptions&)> fill;
};

// Text the plugin stores that the GUI font must be able to draw (names with 髙 﨑 …).
using GlyphSource = std::function<std::string(Database&)>;

class Registry;

namespace impl {
// Host only: everything one plugin contributed.
struct Contributions {
  std::vector<Panel> panels;
  std::vector<MenuItem> menu_items;
  std::vector<CliCommand> cli_commands;
  std::vector<DemoStep> demo_steps;
  std::vector<GlyphSource> glyph_sources;
  std::vector<OwnedTable> owned_tables;
  std::vector<ReportSection> report_sections;
};
const Contributions& contributions(const Registry& registry);
}  // namespace impl

class Registry {
 public:
  Registry(std::string owner, Services& services, EventBus& events)
      : owner_(std::move(owner)), services_(services), events_(events) {}

  const std::string& owner() const { return owner_; }

  void add_panel(Panel panel) { added_.panels.push_back(std::move(panel)); }
  void add_menu_item(MenuItem item) { added_.menu_items.push_back(std::move(item)); }
  void add_cli_command(CliCommand command) { added_.cli_commands.push_back(std::move(command)); }
  void add_demo(DemoStep step) { added_.demo_steps.push_back(std::move(step)); }
  void add_glyph_source(GlyphSource source) { added_.glyph_sources.push_back(std::move(source)); }
  // A section of the 総会's annual report (sdk/annual_report.hpp), offered where the plugin is enabled.
  void add_report_section(ReportSection section) { added_.report_sections.push_back(std::move(section)); }
  // Whose rows `table` holds (sdk/access.hpp): the host guards every write to it and every lookup
  // of it by id. Every table holding an organization's data must be declared.
  void own_table(OwnedTable table) { added_.owned_tables.push_back(std::move(table)); }

  // Throws sdk::Error when another plugin already provides Service (see Services::provide).
  template <typename Service>
  void provide(std::shared_ptr<Service> impl) {
    services_.provide<Service>(owner_, std::move(impl));
  }
  // A service of host core (sdk::OrganizationDirectory), for a service this plugin provides that
  // needs it: host core provides its services before any plugin registers and keeps them until
  // shutdown, so holding one is safe. Another plugin's service is not handed out here (that
  // plugin may be disabled later); look those up at use, through Context::services(). Throws
  // sdk::Error when the host has no such service (a test's bare PluginManager).
  template <typename Service>
  std::shared_ptr<Service> host_service() const {
    auto s = services_.find_provided_by<Service>(kHostServiceOwner);
    if (!s) throw Error(std::string("the host provides no service '") + Service::kServiceId + "'");
    return s;
  }
  template <typename Event>
  void on(std::function<void(const Event&)> handler) {
    events_.subscribe<Event>(owner_, std::move(handler));
  }

 private:
  friend const impl::Contributions& impl::contributions(const Registry& registry);
  impl::Contributions added_;
  std::string owner_;
  Services& services_;
  EventBus& events_;
};

namespace impl {
// Host only: read after register_contributions().
inline const Contributions& contributions(const Registry& registry) {
  return registry.added_;
}
}  // namespace impl

}  // namespace wasshoi::sdk
