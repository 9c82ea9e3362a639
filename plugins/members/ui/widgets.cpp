#include "ui/widgets.hpp"

#include <wasshoi/sdk/events.hpp>

#include "core/values.hpp"

namespace wasshoi::members::ui {

namespace {
sdk::ui::PerOrg<Selection> the_selection;
std::uint64_t the_generation = 1;
}  // namespace

Selection& selection(const sdk::Context& ctx) {
  return the_selection.get(ctx);
}

std::uint64_t generation() {
  return the_generation;
}

bool may_show_roster(sdk::Context& ctx) {
  // Wrapped: at 28 px these sentences are wider than the window.
  auto say = [](const char* key) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    sdk::ui::TextWrapped(tr(key));
    ImGui::PopStyleColor();
  };
  if (ctx.current_org() == 0) {
    say("members.choose_org");
    return false;
  }
  if (!ctx.access().may_see_personal_data(ctx.current_org())) {
    say("members.no_personal_data");
    return false;
  }
  return true;
}

std::optional<HanId> han_scope(sdk::Context& ctx) {
  return ctx.access().han_scope(ctx.current_org());
}

void han_filter(sdk::Context& ctx, const char* label, const std::vector<sdk::HanRef>& han,
                std::optional<HanId>& value) {
  if (auto scope = han_scope(ctx)) value = scope;
  ImGui::BeginDisabled(han_scope(ctx).has_value());
  han_combo(label, han, value, true);
  ImGui::EndDisabled();
}

void changed(sdk::Context& ctx, const std::string& what) {
  ++the_generation;
  ctx.events().publish(sdk::events::DataChanged{"members", what});
}

bool han_combo(const char* label, const std::vector<sdk::HanRef>& han, std::optional<HanId>& value,
               bool allow_all) {
  std::string preview = allow_all ? tr("members.all_han") : tr("members.no_han");
  for (const auto& h : han)
    if (value == h.id) preview = h.name;
  bool changed_now = false;
  if (sdk::ui::BeginCombo(label, preview)) {
    if (sdk::ui::Selectable(allow_all ? tr("members.all_han") : tr("members.no_han"), !value)) {
      changed_now = value.has_value();
      value.reset();
    }
    for (const auto& h : han) {
      if (sdk::ui::Selectable(h.name + "##han" + std::to_string(h.id), value == h.id)) {
        changed_now = value != h.id;
        value = h.id;
      }
    }
    ImGui::EndCombo();
  }
  return changed_now;
}

bool fiscal_year_picker(int& fiscal_year) {
  bool moved = false;
  if (ImGui::ArrowButton("##fy_prev", ImGuiDir_Left)) --fiscal_year, moved = true;
  ImGui::SameLine();
  sdk::ui::Text(sdk::format_fiscal_year_ja(fiscal_year) + " (" + std::to_string(fiscal_year) + ")");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##fy_next", ImGuiDir_Right)) ++fiscal_year, moved = true;
  return moved;
}

std::string date_text(const std::optional<Date>& date) {
  return format_date_cell(date);
}

std::string with_commas(std::size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string han_name(const std::vector<sdk::HanRef>& list, std::optional<HanId> han) {
  if (!han) return tr("members.all_han");
  for (const auto& h : list)
    if (h.id == *han) return h.name;
  return {};
}

}  // namespace wasshoi::members::ui
