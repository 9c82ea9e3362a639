#include "ui/roster_panel.hpp"

#include <algorithm>

#include "core/documents.hpp"
#include "core/reading.hpp"
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
  Paper paper = ui::paper();
  bool for_outside = false;  // the printed 名簿 without telephones
  sdk::ui::PanelMessage message;
};

sdk::ui::PerOrg<RosterPanelState> roster_state;

enum Column { kName, kReading, kHan, kAddress, kPhone, kPeople, kJoined, kRoles, kColumnCount };

void draw_filters(sdk::Context& ctx, RosterPanelState& s) {
  const float em = ImGui::GetFontSize();
  // The search field leaves room for its label at every font size.
  const float label = ImGui::GetStyle().ItemInnerSpacing.x + sdk::ui::text_width(tr("members.search_hint"));
  ImGui::SetNextItemWidth(std::max(em * 8, std::min(em * 18, ImGui::GetContentRegionAvail().x - label)));
  sdk::ui::InputText(tr("members.search_hint"), s.query.search);
  // The filters fill the line and go on below when the font is large.
  ImGui::SetNextItemWidth(em * 7);
  han_filter(ctx, "##filter_han", s.han, s.query.han);
  sdk::ui::same_line_if_fits(em * 8.5f);
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
  int membership = static_cast<int>(s.query.membership);
  const char* kinds[] = {tr("members.status.current"), tr("members.status.left"), tr("members.status.all")};
  float kinds_width = 0;
  for (const char* k : kinds) kinds_width = std::max(kinds_width, sdk::ui::text_width(k));
  kinds_width += ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
  sdk::ui::same_line_if_fits(kinds_width);
  ImGui::SetNextItemWidth(kinds_width);
  if (ImGui::Combo("##membership", &membership, kinds, 3))
    s.query.membership = static_cast<Membership>(membership);
  sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(tr("members.support_only")));
  ImGui::Checkbox(tr("members.support_only"), &s.query.needs_support_only);
  sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(tr("members.heads_only")));
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

// Names, readings, addresses and roles stretch in proportion to their weight and end in "…"
// when the window is narrow (the whole text on hover); 班, telephone, 人数 and 加入日 are as wide
// as their longest value at the current font size, so none of them is ever cut.
void setup_columns(const RosterPanelState& s) {
  constexpr auto kStretch = ImGuiTableColumnFlags_WidthStretch;
  constexpr auto kNoSort = ImGuiTableColumnFlags_NoSort | kStretch;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn(tr("members.col.name"), ImGuiTableColumnFlags_DefaultSort | kStretch, 6.5f, kName);
  ImGui::TableSetupColumn(tr("members.col.reading"), kNoSort, 8, kReading);
  std::string widest_han = tr("members.no_han");
  for (const auto& h : s.han)
    if (sdk::ui::text_width(h.name) > sdk::ui::text_width(widest_han)) widest_han = h.name;
  sdk::ui::fixed_column(tr("members.col.han"), {widest_han}, 0, kHan);
  ImGui::TableSetupColumn(tr("members.col.address"), kStretch, 10.5f, kAddress);
  sdk::ui::fixed_column(tr("members.col.phone"), {"0000-00-0000", "000-0000-0000"},
                        ImGuiTableColumnFlags_NoSort, kPhone);
  sdk::ui::fixed_column(tr("members.col.people"), {"00"}, ImGuiTableColumnFlags_DefaultHide, kPeople);
  sdk::ui::fixed_column(tr("members.col.joined"), {"0000/00/00"}, 0, kJoined);
  ImGui::TableSetupColumn(tr("members.col.roles"), kNoSort, 5.5f, kRoles);
  ImGui::TableHeadersRow();
}

void draw_row(Selection& sel, const RosterRow& r, std::size_t index) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::PushID(static_cast<int>(index));
  // The row is one selectable; the name beside it takes the column's width, no more.
  if (ImGui::Selectable("##row", sel.person == r.person,
                        ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
    sel.person = r.person;
    sel.household = r.household;
  }
  ImGui::SameLine(0, 0);
  sdk::ui::TextEllipsis(r.name);
  ImGui::PopID();
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(reading_for_display(r.reading));
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(r.han);
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(r.address);
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(r.phone);
  ImGui::TableNextColumn();
  ImGui::Text("%d", r.people);
  ImGui::TableNextColumn();
  sdk::ui::Text(date_text(r.joined));
  ImGui::TableNextColumn();
  std::string notes = r.roles;
  auto add = [&](const char* key) { notes += (notes.empty() ? "" : "・") + std::string(tr(key)); };
  if (r.needs_support) add("members.mark.support");
  if (r.left) add("members.mark.left");
  sdk::ui::TextEllipsis(notes);
}

void draw_table(sdk::Context& ctx, RosterPanelState& s) {
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                     ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY |
                                     ImGuiTableFlags_Sortable | ImGuiTableFlags_Hideable;
  // Never narrower than 44 em: with large text the roster scrolls sideways rather than cutting
  // names to a character.
  const float inner = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 44);
  if (!ImGui::BeginTable("roster", kColumnCount, kFlags | ImGuiTableFlags_ScrollX, ImVec2(0, 0), inner))
    return;
  setup_columns(s);
  apply_sort(ImGui::TableGetSortSpecs(), s.query);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(s.view.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      draw_row(selection(ctx), s.view.row(ctx.db(), static_cast<std::size_t>(i)),
               static_cast<std::size_t>(i));
  ImGui::EndTable();
}

}  // namespace

std::size_t roster_panel_size() {
  return roster_state.last() ? roster_state.last()->view.size() : 0;
}
std::size_t roster_panel_pages_loaded() {
  return roster_state.last() ? roster_state.last()->view.pages_loaded() : 0;
}

void draw_roster_panel(sdk::Context& ctx) {
  if (!may_show_roster(ctx)) return;
  RosterPanelState& s = roster_state.get(ctx);
  if (s.lists_generation != generation()) {
    s.han = sdk::organizations(ctx).han(ctx.db(), ctx.current_org());
    s.roles = role_kinds(ctx.db(), ctx.current_org());
    s.lists_generation = generation();
  }
  s.query.org = ctx.current_org();
  draw_filters(ctx, s);
  s.view.update(ctx.db(), s.query, generation());
  const std::string count = with_commas(s.view.size()) + tr("members.persons_suffix");
  sdk::ui::same_line_if_fits(sdk::ui::text_width(count), ImGui::GetFontSize());
  ImGui::TextDisabled("%s", count.c_str());
  // The 名簿 by 班 on paper (the 班 chosen above; every 班 otherwise), for outsiders without telephones.
  sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(tr("members.print.for_outside")), ImGui::GetFontSize());
  ImGui::Checkbox(tr("members.print.for_outside"), &s.for_outside);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("sdk.ui.document.save_pdf")) * 2);
  s.paper->draw(s.message, sdk::ui::document_file_name({"名簿", han_name(s.han, s.query.han)}, ".pdf"),
                [&] {
                  return roster_document(ctx.db(), sdk::organizations(ctx), ctx.access(),
                                         {ctx.current_org(), s.query.han}, s.for_outside, sdk::today());
                },
                {.personal_data = true});
  sdk::ui::show(s.message);
  draw_table(ctx, s);
}

}  // namespace wasshoi::members::ui
