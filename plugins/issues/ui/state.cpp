#include "ui/state.hpp"

#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "core/categories.hpp"
#include "core/issues.hpp"

namespace wasshoi::issues::ui {

PanelState& state(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<PanelState> s;
  return s.get(ctx);
}

const char* tr(const char* key) {
  return sdk::tr(key);
}

void refresh(sdk::Context& ctx) {
  PanelState& s = state(ctx);
  s.org = ctx.current_org();
  if (!s.dirty || s.org == 0) return;
  s.filter.han = ctx.access().han_scope(s.org);  // a 班長 sees their 班
  s.issues = list_issues(ctx.db(), sdk::organizations(ctx), s.org, s.filter);
  s.dirty = false;
  if (s.selected == -1) s.selected = s.issues.empty() ? 0 : s.issues.front().id;
}

bool write(sdk::Context& ctx, const std::string& done_message, const std::function<void()>& action) {
  PanelState& s = state(ctx);
  return sdk::ui::run_action(s.message, done_message, [&] {
    action();
    s.dirty = true;
  });
}

std::vector<std::pair<std::string, int>> counts_by_category(sdk::Context& ctx,
                                                            const std::vector<Issue>& issues) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& c : categories(ctx.db(), sdk::organizations(ctx), ctx.current_org())) {
    int n = 0;
    for (const auto& i : issues) n += i.category == c.name;
    out.emplace_back(c.name, n);
  }
  return out;
}

}  // namespace wasshoi::issues::ui
