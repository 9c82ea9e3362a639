#include "ui/panels.hpp"

#include <wasshoi/sdk/events.hpp>

#include "ui/book_panel.hpp"
#include "ui/common.hpp"
#include "ui/panels_list.hpp"

namespace wasshoi::ledger {

void register_panels(sdk::Registry& registry) {
  const std::vector<sdk::OrgKind> jichikai = {sdk::OrgKind::Jichikai};
  registry.add_panel({"ledger.book", "ledger.panel.book", ui::draw_book_panel, jichikai});
  registry.add_panel({"ledger.budget", "ledger.panel.budget", ui::draw_budget_panel, jichikai});
  registry.add_panel({"ledger.settlement", "ledger.panel.settlement", ui::draw_settlement_panel, jichikai});
  registry.add_panel({"ledger.grants", "ledger.panel.grants", ui::draw_grants_panel, jichikai});
  registry.add_panel({"ledger.setup", "ledger.panel.setup", ui::draw_setup_panel, jichikai});
  // 会費 recorded in the roster, a room booked: bring the money in on the next frame.
  registry.on<sdk::events::DataChanged>([](const sdk::events::DataChanged& e) {
    if (e.owner != "ledger") ui::bump_generation();
  });
}

}  // namespace wasshoi::ledger
