// 会議の設定: the organization's 定足数 rule (過半数 by default) and its meeting kinds, with the
// usual agenda of each. Shown to everyone who reads the minutes; changed by the 会長 and 役員 only
// (core asks sdk::Act::OrgSettings, so a 班長 or 閲覧 is refused below the window too).
#include <algorithm>
#include <wasshoi/sdk/events.hpp>

#include "core/agenda.hpp"
#include "core/meetings.hpp"
#include "core/quorum.hpp"
#include "ui/draw_panels.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::minutes::ui {

namespace {

// The rules offered by name; anything else is その他 (a fraction typed in).
struct Preset {
  const char* key;
  int numerator, denominator;
  bool strictly_more;
};
constexpr Preset kPresets[] = {{"minutes.settings.majority", 1, 2, true},
                               {"minutes.settings.half", 1, 2, false},
                               {"minutes.settings.two_thirds", 2, 3, false}};
constexpr int kOther = 3;

struct SettingsPanel {
  bool loaded = false;
  int preset = 0;
  int numerator = 1, denominator = 2;
  bool at_least = false, proxies = true, written = true;
  std::string kind_name;
  bool kind_assembly = false;
  // The template being edited: its kind, its items as typed (saved together with 保存).
  int template_kind = 0;
  std::string template_loaded;
  std::vector<std::string> template_edit;
  std::string template_new;
};

SettingsPanel& settings_panel(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<SettingsPanel> p;
  return p.get(ctx);
}

void load(SettingsPanel& p, const QuorumRule& r) {
  p.loaded = true;
  p.numerator = r.numerator, p.denominator = r.denominator, p.at_least = !r.strictly_more;
  p.proxies = r.count_proxies, p.written = r.count_written;
  p.preset = kOther;
  for (int i = 0; i < kOther; ++i)
    if (kPresets[i].numerator * r.denominator == r.numerator * kPresets[i].denominator &&
        kPresets[i].strictly_more == r.strictly_more)
      p.preset = i;
}

QuorumRule rule_of(const SettingsPanel& p) {
  if (p.preset < kOther) {
    const Preset& q = kPresets[p.preset];
    return {q.numerator, q.denominator, q.strictly_more, p.proxies, p.written};
  }
  return {p.numerator, p.denominator, !p.at_least, p.proxies, p.written};
}

// The 会長 and 役員 of the organization (or everyone, in a file without accounts); others read.
bool may_change(const sdk::Context& ctx) {
  const sdk::Access& a = ctx.access();
  return a.full() || (a.officer() && a.org == ctx.current_org() && !a.read_only);
}

void draw_quorum_rule(sdk::Context& ctx, SettingsPanel& p) {
  const QuorumRule stored = quorum_rule(ctx.db(), ctx.current_org());
  if (!p.loaded) load(p, stored);
  sdk::ui::section(tr("minutes.settings.quorum"));
  sdk::ui::TextWrapped(std::string(tr("minutes.settings.current")) + "：" + describe(stored));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  sdk::ui::TextWrapped(tr("minutes.settings.quorum_help"));
  ImGui::PopStyleColor();
  for (int i = 0; i <= kOther; ++i) {
    const char* label = i < kOther ? tr(kPresets[i].key) : tr("minutes.settings.other");
    if (i) sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(label));
    ImGui::RadioButton(label, &p.preset, i);
  }
  if (p.preset == kOther) {
    const float w = ImGui::GetFontSize() * 4;
    ImGui::SetNextItemWidth(w);
    ImGui::InputInt(tr("minutes.settings.denominator"), &p.denominator, 0, 0);
    sdk::ui::same_line_if_fits(w);
    ImGui::SetNextItemWidth(w);
    ImGui::InputInt("##numerator", &p.numerator, 0, 0);  // 「3 分の 2」
    ImGui::Checkbox(tr("minutes.settings.at_least"), &p.at_least);
  }
  ImGui::Checkbox(tr("minutes.settings.count_proxies"), &p.proxies);
  sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(tr("minutes.settings.count_written")));
  ImGui::Checkbox(tr("minutes.settings.count_written"), &p.written);
  if (sdk::ui::Button(tr("minutes.settings.save_quorum")))
    attempt(ctx, tr("minutes.settings.quorum_saved"),
            [&] { set_quorum_rule(ctx, ctx.current_org(), rule_of(p)); });
}

void draw_kinds(sdk::Context& ctx, SettingsPanel& p) {
  sdk::ui::section(tr("minutes.settings.kinds"));
  const auto kinds = meeting_kinds(ctx.db(), ctx.current_org());
  const int fy = sdk::fiscal_year(sdk::today());
  if (ImGui::BeginTable("##kinds", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    std::string widest;
    for (const auto& k : kinds)
      if (sdk::ui::text_width(k.name) > sdk::ui::text_width(widest)) widest = k.name;
    sdk::ui::fixed_column(tr("minutes.col.kind"), {widest});
    sdk::ui::fixed_column(tr("minutes.settings.col_quorum"), {tr("minutes.settings.needs_quorum")});
    sdk::ui::fixed_column(tr("minutes.settings.col_votes"), {"[x]"});
    ImGui::TableSetupColumn(tr("minutes.settings.col_template"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const auto& k : kinds) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      sdk::ui::Text(k.name);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(k.general_assembly ? tr("minutes.settings.needs_quorum") : "—");
      ImGui::TableNextColumn();
      bool votes = k.has_votes;
      if (ImGui::Checkbox(("##votes" + k.name).c_str(), &votes))
        attempt(ctx,
                k.name + "：" + (votes ? tr("minutes.settings.votes_on") : tr("minutes.settings.votes_off")),
                [&] { set_kind_votes(ctx, ctx.current_org(), k.name, votes); });
      ImGui::TableNextColumn();
      std::string items;
      for (const auto& t : agenda_template(ctx.db(), ctx.current_org(), k.name, fy))
        items += (items.empty() ? "" : "、") + t;
      sdk::ui::TextEllipsis(items.empty() ? "—" : items);
      if (!items.empty() && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", sdk::ui::display_text(items).c_str());
    }
    ImGui::EndTable();
  }
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 12, ImGui::GetContentRegionAvail().x * 0.5f));
  sdk::ui::InputText(tr("minutes.settings.kind_name"), p.kind_name);
  ImGui::Checkbox(tr("minutes.settings.kind_assembly"), &p.kind_assembly);
  if (sdk::ui::Button(tr("minutes.settings.add_kind")) &&
      attempt(ctx, p.kind_name, [&] { add_kind(ctx, ctx.current_org(), p.kind_name, p.kind_assembly); }))
    p.kind_name.clear(), p.kind_assembly = false;
}

// One kind's 議案 template: rename in place, move up or down, remove, add; 保存 writes them all.
void draw_template(sdk::Context& ctx, SettingsPanel& p) {
  sdk::ui::section(tr("minutes.settings.template"));
  const auto kinds = meeting_kinds(ctx.db(), ctx.current_org());
  if (kinds.empty()) return;
  p.template_kind = std::clamp(p.template_kind, 0, static_cast<int>(kinds.size()) - 1);
  const std::string kind = kinds[p.template_kind].name;
  if (p.template_loaded != kind) {
    p.template_edit = template_items(ctx.db(), ctx.current_org(), kind);
    p.template_loaded = kind;
  }
  std::string widest;
  for (const auto& k : kinds)
    if (sdk::ui::text_width(k.name) > sdk::ui::text_width(widest)) widest = k.name;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(sdk::ui::text_width(widest) + em * 2.5f);
  if (ImGui::BeginCombo(tr("minutes.settings.template_kind"), kind.c_str())) {
    for (int i = 0; i < static_cast<int>(kinds.size()); ++i)
      if (ImGui::Selectable(kinds[i].name.c_str(), i == p.template_kind)) p.template_kind = i;
    ImGui::EndCombo();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  sdk::ui::TextWrapped(tr("minutes.settings.template_help"));
  ImGui::PopStyleColor();
  const float buttons = sdk::ui::button_width("↑") + sdk::ui::button_width("↓") +
                        sdk::ui::button_width(tr("minutes.settings.template_remove")) +
                        ImGui::GetStyle().ItemSpacing.x * 3;
  int move = -1, dir = 0, remove = -1;
  for (int i = 0; i < static_cast<int>(p.template_edit.size()); ++i) {
    ImGui::PushID(i);
    ImGui::SetNextItemWidth(std::max(em * 6, std::min(em * 20, ImGui::GetContentRegionAvail().x - buttons)));
    sdk::ui::InputText("##item", p.template_edit[i]);
    sdk::ui::same_line_if_fits(buttons);
    ImGui::BeginDisabled(i == 0);
    if (sdk::ui::Button("↑")) move = i, dir = -1;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(i + 1 == static_cast<int>(p.template_edit.size()));
    if (sdk::ui::Button("↓")) move = i, dir = 1;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (sdk::ui::Button(tr("minutes.settings.template_remove"))) remove = i;
    ImGui::PopID();
  }
  if (move >= 0) std::swap(p.template_edit[move], p.template_edit[move + dir]);
  if (remove >= 0) p.template_edit.erase(p.template_edit.begin() + remove);
  if (p.template_edit.empty()) sdk::ui::TextWrapped(tr("minutes.settings.template_empty"));
  ImGui::SetNextItemWidth(std::min(em * 14, ImGui::GetContentRegionAvail().x * 0.6f));
  sdk::ui::InputText("##template_new", p.template_new);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("minutes.settings.template_add")));
  if (sdk::ui::Button(tr("minutes.settings.template_add")) && !sdk::trim(p.template_new).empty()) {
    p.template_edit.push_back(sdk::trim(p.template_new));
    p.template_new.clear();
  }
  if (sdk::ui::Button(tr("minutes.settings.template_save")) &&
      attempt(ctx, tr("minutes.settings.template_saved"),
              [&] { set_template(ctx, ctx.current_org(), kind, p.template_edit); }))
    p.template_loaded.clear();  // reload what was stored
}

}  // namespace

void draw_settings_panel(sdk::Context& ctx) {
  if (!ready(ctx, false)) return;
  SettingsPanel& p = settings_panel(ctx);
  show_message(ctx);
  const bool may = may_change(ctx);
  if (!may) sdk::ui::TextWrapped(tr("minutes.settings.officers_only"));
  ImGui::BeginDisabled(!may);
  draw_quorum_rule(ctx, p);
  draw_kinds(ctx, p);
  draw_template(ctx, p);
  ImGui::EndDisabled();
}

}  // namespace wasshoi::minutes::ui
