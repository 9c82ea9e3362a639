#include "ui/common.hpp"

#include <wasshoi/sdk/events.hpp>

#include "core/books.hpp"
#include "core/documents.hpp"
#include "core/front.hpp"

namespace wasshoi::ledger::ui {

namespace {
std::uint64_t the_generation = 1;
std::uint64_t synced_generation = 0;
OrgId synced_org = 0;
std::uint64_t synced_session = 0;  // another sign-in, or another database opened in the window
}  // namespace

std::uint64_t generation() {
  return the_generation;
}

void bump_generation() {
  ++the_generation;
}

void changed(sdk::Context& ctx, const std::string& what) {
  ++the_generation;
  ctx.events().publish(sdk::events::DataChanged{"ledger", what});
}

bool writes(sdk::Context& ctx) {
  return may_write(ctx, ctx.current_org());
}

bool prepare(sdk::Context& ctx) {
  const OrgId org = ctx.current_org();
  if (org == 0) return false;
  if (synced_generation != the_generation || synced_org != org || synced_session != ctx.access().session) {
    synced_generation = the_generation, synced_org = org, synced_session = ctx.access().session;
    if (writes(ctx)) {
      ensure_books(ctx.db(), org);
      if (bring_in_money(ctx, org).any()) synced_generation = ++the_generation;
    }
  }
  return !funds(ctx.db(), org).empty();
}

int current_year(sdk::Context& ctx) {
  return fiscal_year_of(sdk::today(), start_month(ctx.db(), ctx.current_org()));
}

bool year_combo(const char* id, sdk::Context& ctx, int& year) {
  const int now = current_year(ctx);
  if (year == 0) year = now;
  // The books' first 年度, read again only when they change (one index step: ORDER BY … LIMIT 1),
  // or the organization, or the database (another one opened in the window: a new session).
  static OrgId first_org = 0;
  static std::uint64_t first_generation = 0, first_session = 0;
  static int first_year = 0;
  if (first_org != ctx.current_org() || first_generation != the_generation ||
      first_session != ctx.access().session) {
    sdk::Statement st(ctx.db(),
                      "SELECT fiscal_year FROM ledger_entries WHERE org_id = ? ORDER BY fiscal_year LIMIT 1");
    st.bind(1, ctx.current_org());
    first_year = st.step() ? static_cast<int>(st.get_int(0)) : now;
    first_org = ctx.current_org(), first_generation = the_generation, first_session = ctx.access().session;
  }
  const int first = std::min(now - 1, first_year);
  bool changed_year = false;
  const std::string label = sdk::format_fiscal_year_ja(year) + "（" + std::to_string(year) + "）";
  ImGui::SetNextItemWidth(sdk::ui::text_width(label) + ImGui::GetFrameHeight() * 2);
  if (sdk::ui::BeginCombo(id, label)) {
    for (int y = now + 1; y >= first; --y) {
      const std::string text = sdk::format_fiscal_year_ja(y) + "（" + std::to_string(y) + "）";
      if (sdk::ui::Selectable(text, y == year)) year = y, changed_year = true;
    }
    ImGui::EndCombo();
  }
  return changed_year;
}

void note(std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  sdk::ui::TextWrapped(text);
  ImGui::PopStyleColor();
}

std::string yen(std::int64_t amount) {
  return yen_text(amount);
}

void amount_cell(std::int64_t amount) {
  const std::string text = yen_text(amount);
  const float w = ImGui::CalcTextSize(text.c_str()).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
  ImGui::TextUnformatted(text.c_str());
}

}  // namespace wasshoi::ledger::ui
