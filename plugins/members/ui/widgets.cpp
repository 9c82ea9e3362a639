#include "ui/widgets.hpp"

#include <wasshoi/sdk/events.hpp>

#include "core/values.hpp"

namespace wasshoi::members::ui {

Selection& selection() {
  static Selection s;
  return s;
}

bool sync_org(sdk::Context& ctx) {
  Selection& s = selection();
  if (s.org != ctx.current_org()) {
    s = Selection{ctx.current_org(), 0, 0, s.generation + 1};
  }
  if (s.org == 0) {
    ImGui::TextDisabled("%s", tr("members.choose_org"));
    return false;
  }
  if (!ctx.access().may_see_personal_data(s.org)) {
    ImGui::TextDisabled("%s", tr("members.no_personal_data"));
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
  ++selection().generation;
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

bool date_input(const char* label, std::string& text, std::optional<Date>& value, bool& valid) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  bool edited = sdk::ui::InputText(label, text);
  std::string t = sdk::trim(text);
  value = t.empty() ? std::nullopt : sdk::parse_date(t);
  valid = t.empty() || value.has_value();
  if (!valid) {
    ImGui::SameLine();
    error_text(tr("members.not_a_date"));
  } else if (value) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", sdk::format_wareki(*value).c_str());
  }
  return edited;
}

std::string date_text(const std::optional<Date>& date) {
  return format_date_cell(date);
}

void section(const char* title) {
  ImGui::Spacing();
  ImGui::TextUnformatted(title);
  ImGui::Separator();
}

void error_text(const std::string& message) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.05f, 1.0f));
  sdk::ui::TextWrapped(message);
  ImGui::PopStyleColor();
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

}  // namespace wasshoi::members::ui
