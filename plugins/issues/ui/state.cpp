#include "ui/state.hpp"

#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "core/categories.hpp"
#include "core/issues.hpp"

namespace wasshoi::issues::ui {

PanelState& state() {
  static PanelState s;
  return s;
}

const char* tr(const char* key) {
  return sdk::tr(key);
}

void refresh(sdk::Context& ctx) {
  PanelState& s = state();
  if (s.org != ctx.current_org()) {
    s.org = ctx.current_org();
    s.selected = -1;
    s.checked.clear();
    s.dirty = true;
  }
  if (!s.dirty || s.org == 0) return;
  s.filter.han = ctx.access().han_scope(s.org);  // a 班長 sees their 班
  s.issues = list_issues(ctx.db(), sdk::organizations(ctx), s.org, s.filter);
  s.dirty = false;
  if (s.selected == -1) s.selected = s.issues.empty() ? 0 : s.issues.front().id;
}

void run_action(const std::function<void()>& action, const std::string& done_message) {
  PanelState& s = state();
  try {
    action();
    s.message = done_message;
    s.message_is_error = false;
    s.dirty = true;
  } catch (const sdk::InputError& e) {
    s.message = e.what();
    s.message_is_error = true;
  }
}

void draw_message() {
  PanelState& s = state();
  if (s.message.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text,
                        s.message_is_error ? ImVec4(0.85f, 0.2f, 0.15f, 1) : ImVec4(0.1f, 0.55f, 0.25f, 1));
  sdk::ui::TextWrapped(s.message);
  ImGui::PopStyleColor();
}

std::vector<std::pair<std::string, int>> counts_by_category(sdk::Context& ctx,
                                                            const std::vector<Issue>& issues) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& c : categories(ctx.db(), sdk::organizations(ctx), state().org)) {
    int n = 0;
    for (const auto& i : issues) n += i.category == c.name;
    out.emplace_back(c.name, n);
  }
  return out;
}

}  // namespace wasshoi::issues::ui
