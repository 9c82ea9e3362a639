#include "ui/roster_panel.hpp"

#include "core/roles.hpp"
#include "ui/roster_view.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::members::ui {

namespace {

struct RosterPanelState {
  RosterQuery query;
  RosterView view;
  std::vector<sdk::HanRef> han;
  std::vector<RoleKind> roles;
  std::uint64_t lists_generation = 0;
};

RosterPanelState& state() {
  static RosterPanelState s;
  return s;
}

enum Column { kName, kReading, kHan, kAddress, kPhone, kPeople, kJoined, kRoles, kColumnCount };

void draw_filters(sdk::Context& ctx, RosterPanelState& s) {
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(em * 18);
  sdk::ui::InputText(tr("members.search_hint"), s.query.search);
  ImGui::SetNextItemWidth(em * 7);
  han_filter(ctx, "##filter_han", s.han, s.query.han);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 8.5f);
  std::string role_preview = tr("members.all_roles");
  for (const auto& k : s.roles)
    if (s.query.role_kind == k.id) role_preview = k.name;
  if (sdk::ui::BeginCombo("##filter_role", role_preview)) {
    if (ImGui::Selectable(tr("members.all_roles"), !s.query.role_kind)) s.query.role_kind.reset();
    for (const auto& k : s.roles)
      if (sdk::ui::Selectable(k.name + "##role" + std::to_string(k.id), s.query.role_kind == k.id))
        s.query.role_kind = k.id;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  int membership = static_cast<int>(s.query.membership);
  const char* kinds[] = {tr("members.status.current"), tr("members.status.left"), tr("members.status.all")};
  ImGui::SetNextItemWidth(em * 5.5f);
  if (ImGui::Combo("##membership", &membership, kinds, 3))
    s.query.membership = static_cast<Membership>(membership);
  ImGui::SameLine();
  ImGui::Checkbox(tr("members.support_only"), &s.query.needs_support_only);
  ImGui::SameLine();
  ImGui::Checkbox(tr("members.heads_only"), &s.query.heads_only);
}

void apply_sort(ImGuiTableSortSpecs* specs, RosterQuery& q) {
  if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return;
  const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
  switch (spec.ColumnUserID) {
    case kHan:
      q.sort = RosterSort::Han;
      break;
    case kAddress:
      q.sort = RosterSort::Address;
      break;
    case kJoined:
      q.sort = RosterSort::Joined;
      break;
    case kPeople:
      q.sort = RosterSort::People;
      break;
    default:
      q.sort = RosterSort::Reading;
      break;
  }
  q.descending = spec.SortDirection == ImGuiSortDirection_Descending;
  specs->SpecsDirty = false;
}

// Every column stretches in proportion to its weight (about its width in characters), so the
// table fills the window and none collapses when the window is narrow.
void setup_columns() {
  constexpr auto kStretch = ImGuiTableColumnFlags_WidthStretch;
  constexpr auto kNoSort = ImGuiTableColumnFlags_NoSort | kStretch;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn(tr("members.col.name"), ImGuiTableColumnFlags_DefaultSort | kStretch, 6.5f, kName);
  ImGui::TableSetupColumn(tr("members.col.reading"), kNoSort, 8, kReading);
  ImGui::TableSetupColumn(tr("members.col.han"), kStretch, 3, kHan);
  ImGui::TableSetupColumn(tr("members.col.address"), kStretch, 10.5f, kAddress);
  ImGui::TableSetupColumn(tr("members.col.phone"), kNoSort, 8, kPhone);
  ImGui::TableSetupColumn(tr("members.col.people"), kStretch | ImGuiTableColumnFlags_DefaultHide, 3, kPeople);
  ImGui::TableSetupColumn(tr("members.col.joined"), kStretch, 7, kJoined);
  ImGui::TableSetupColumn(tr("members.col.roles"), kNoSort, 5.5f, kRoles);
  ImGui::TableHeadersRow();
}

void draw_row(const RosterRow& r, std::size_t index) {
  Selection& sel = selection();
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::PushID(static_cast<int>(index));
  if (sdk::ui::Selectable(r.name, sel.person == r.person, ImGuiSelectableFlags_SpanAllColumns)) {
    sel.person = r.person;
    sel.household = r.household;
  }
  ImGui::PopID();
  ImGui::TableNextColumn();
  sdk::ui::Text(r.reading);
  ImGui::TableNextColumn();
  sdk::ui::Text(r.han);
  ImGui::TableNextColumn();
  sdk::ui::Text(r.address);
  ImGui::TableNextColumn();
  sdk::ui::Text(r.phone);
  ImGui::TableNextColumn();
  ImGui::Text("%d", r.people);
  ImGui::TableNextColumn();
  sdk::ui::Text(date_text(r.joined));
  ImGui::TableNextColumn();
  std::string notes = r.roles;
  auto add = [&](const char* key) { notes += (notes.empty() ? "" : "・") + std::string(tr(key)); };
  if (r.needs_support) add("members.mark.support");
  if (r.left) add("members.mark.left");
  sdk::ui::Text(notes);
}

void draw_table(sdk::Context& ctx, RosterPanelState& s) {
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                     ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY |
                                     ImGuiTableFlags_Sortable | ImGuiTableFlags_Hideable;
  if (!ImGui::BeginTable("roster", kColumnCount, kFlags)) return;
  setup_columns();
  apply_sort(ImGui::TableGetSortSpecs(), s.query);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(s.view.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      draw_row(s.view.row(ctx.db(), static_cast<std::size_t>(i)), static_cast<std::size_t>(i));
  ImGui::EndTable();
}

}  // namespace

std::size_t roster_panel_size() {
  return state().view.size();
}
std::size_t roster_panel_pages_loaded() {
  return state().view.pages_loaded();
}

void draw_roster_panel(sdk::Context& ctx) {
  if (!sync_org(ctx)) return;
  RosterPanelState& s = state();
  const Selection& sel = selection();
  if (s.lists_generation != sel.generation || s.query.org != sel.org) {
    s.han = sdk::organizations(ctx).han(ctx.db(), sel.org);
    s.roles = role_kinds(ctx.db(), sel.org);
    s.lists_generation = sel.generation;
  }
  s.query.org = sel.org;
  draw_filters(ctx, s);
  s.view.update(ctx.db(), s.query, sel.generation);
  ImGui::SameLine(0, ImGui::GetFontSize());
  ImGui::TextDisabled("%s%s", with_commas(s.view.size()).c_str(), tr("members.persons_suffix"));
  draw_table(ctx, s);
}

}  // namespace wasshoi::members::ui
