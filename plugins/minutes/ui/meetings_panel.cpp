// 会議一覧: a month calendar, the list of the 年度's meetings, and a form for a new meeting.
#include <algorithm>
#include <memory>
#include <wasshoi/sdk/facility_directory.hpp>
#include <wasshoi/sdk/ui_document.hpp>

#include "core/agenda.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"
#include "ui/calendar_view.hpp"
#include "ui/draw_panels.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::minutes::ui {

namespace {

struct NewMeeting {
  int kind = 0;
  std::string date, start = "19:00", end = "20:30", place, chair, recorder, title;
  bool use_template = true;
};

struct MeetingsPanel {
  int year = 0, month = 0;
  NewMeeting form;
  // The 年度's 行事一覧 on paper.
  std::unique_ptr<sdk::ui::DocumentActions> events = std::make_unique<sdk::ui::DocumentActions>();
};

// 令和8年度 18件  [PDFで保存…]: the heading of the list, and the list as the 年度's 行事一覧.
void list_heading(sdk::Context& ctx, MeetingsPanel& p, const std::string& heading, int fy) {
  ImGui::AlignTextToFramePadding();
  sdk::ui::Text(heading);
  sdk::ui::same_line_if_fits(sdk::ui::text_width(tr("minutes.events_list")) +
                                 sdk::ui::button_width(tr("sdk.ui.document.save_pdf")) * 2,
                             ImGui::GetFontSize());
  sdk::ui::Text(tr("minutes.events_list"));
  ImGui::SameLine();
  p.events->draw(selection(ctx).message,
                 sdk::ui::document_file_name({"行事一覧", sdk::format_fiscal_year_ja(fy)}, ".pdf"),
                 [&] { return events_document(ctx.db(), sdk::organizations(ctx), ctx.current_org(), fy); });
}

MeetingsPanel& meetings_panel(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<MeetingsPanel> p;
  return p.get(ctx);
}

void add_from_form(sdk::Context& ctx, NewMeeting& f) {
  auto kinds = meeting_kinds(ctx.db(), ctx.current_org());
  attempt(ctx, tr("minutes.added"), [&] {
    auto day = sdk::parse_date(f.date);
    if (!day) throw sdk::InputError(std::string(tr("minutes.form.date")) + ": '" + f.date + "'");
    MeetingInput in{ctx.current_org(),
                    kinds.at(static_cast<std::size_t>(f.kind)).name,
                    f.title,
                    parse_datetime_arg(day->iso() + " " + f.start, tr("minutes.form.start")),
                    parse_datetime_arg(day->iso() + " " + f.end, tr("minutes.form.end")),
                    f.place,
                    std::nullopt,
                    f.chair,
                    f.recorder};
    auto facilities = ctx.services().find<sdk::FacilityDirectory>();
    const MeetingId id = schedule_meeting(ctx.db(), in, facilities.get(), f.use_template);
    selection(ctx).meeting = id;
    f.title.clear();
  });
}

void draw_form(sdk::Context& ctx, NewMeeting& f) {
  sdk::ui::section(tr("minutes.new_meeting"));
  auto kinds = meeting_kinds(ctx.db(), ctx.current_org());
  const float w = ImGui::GetFontSize() * 10;
  ImGui::SetNextItemWidth(w);
  if (sdk::ui::BeginCombo(tr("minutes.form.kind"),
                          kinds.empty() ? "" : kinds[static_cast<std::size_t>(f.kind)].name)) {
    for (std::size_t i = 0; i < kinds.size(); ++i)
      if (sdk::ui::Selectable(kinds[i].name, static_cast<int>(i) == f.kind)) f.kind = static_cast<int>(i);
    ImGui::EndCombo();
  }
  if (f.date.empty()) f.date = sdk::today().iso();
  sdk::ui::DateInput(tr("minutes.form.date"), f.date);
  // Fields as wide as wanted, but leaving room for their label in a narrow column.
  auto width = [](float wanted, const char* label) {
    return std::max(ImGui::GetFontSize() * 4,
                    std::min(wanted, ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemInnerSpacing.x -
                                         sdk::ui::text_width(label)));
  };
  ImGui::SetNextItemWidth(w / 2);
  sdk::ui::InputText(tr("minutes.form.start"), f.start);
  sdk::ui::same_line_if_fits(w / 2 + ImGui::GetStyle().ItemInnerSpacing.x +
                             sdk::ui::text_width(tr("minutes.form.end")));
  ImGui::SetNextItemWidth(w / 2);
  sdk::ui::InputText(tr("minutes.form.end"), f.end);
  for (auto [label, value] :
       {std::pair{"minutes.form.title", &f.title}, std::pair{"minutes.form.place", &f.place},
        std::pair{"minutes.form.chair", &f.chair}, std::pair{"minutes.form.recorder", &f.recorder}}) {
    ImGui::SetNextItemWidth(width(w * 1.6f, tr(label)));
    sdk::ui::InputText(tr(label), *value);
  }
  ImGui::Checkbox(tr("minutes.form.template"), &f.use_template);
  if (sdk::ui::Button(tr("minutes.form.add"))) add_from_form(ctx, f);
}

// "11/14（土）19:00": the 年度 is in the list's heading.
std::string month_day(const DateTime& t) {
  std::string s = short_when(t);
  return s.substr(s.find('/') + 1);
}

void draw_list(const std::vector<Meeting>& meetings, MeetingId& selected) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##meetings", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  // 日時 and 状態 as wide as their longest entry at this font size (「19:(」 was a column of
  // 7.5 em); the title takes the rest, cut with "…" when narrow.
  sdk::ui::fixed_column(tr("minutes.col.when"), {"12/31（水）19:00", "12/31（水）00:00"});
  ImGui::TableSetupColumn(tr("minutes.col.title"), ImGuiTableColumnFlags_WidthStretch);
  std::string widest_state;
  for (const auto& m : meetings)
    if (sdk::ui::text_width(state_label(m.state)) > sdk::ui::text_width(widest_state))
      widest_state = state_label(m.state);
  sdk::ui::fixed_column(tr("minutes.col.state"), {widest_state});
  ImGui::TableHeadersRow();
  for (const auto& m : meetings) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (sdk::ui::Selectable((m.start ? month_day(*m.start) : std::string(tr("date.unknown"))) + "##row" +
                                std::to_string(m.id),
                            selected == m.id, ImGuiSelectableFlags_SpanAllColumns))
      selected = m.id;
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(m.title);
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, state_colour(m.state));
    ImGui::TextUnformatted(state_label(m.state));
    ImGui::PopStyleColor();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_meetings_panel(sdk::Context& ctx) {
  if (!ready(ctx, false)) return;
  MeetingsPanel& p = meetings_panel(ctx);
  if (p.year == 0) {
    auto m = find_meeting(ctx.db(), selection(ctx).meeting);
    const Date d = m && m->start ? m->start->date : sdk::today();
    p.year = d.year, p.month = d.month;
  }
  show_message(ctx);
  const int fy = p.month >= 4 ? p.year : p.year - 1;
  auto meetings = list_meetings(ctx.db(), ctx.current_org(), Date{fy, 4, 1}, Date{fy + 1, 3, 31});
  // Meetings whose stored date is not a date belong to no 年度: listed in every one (日付不明),
  // so they are found and set again (`minutes reschedule`).
  for (auto& m : list_meetings(ctx.db(), ctx.current_org()))
    if (!m.start) meetings.push_back(std::move(m));
  auto month =
      list_meetings(ctx.db(), ctx.current_org(), Date{p.year, p.month, 1}, Date{p.year, p.month, 31});
  const std::string heading =
      sdk::format_fiscal_year_ja(fy) + "　" + std::to_string(meetings.size()) + tr("minutes.meetings_count");
  // Calendar and form beside the list; in a narrow window (large text) one under the other, the
  // list at least ten rows high, the panel scrolling.
  if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 44) {
    month_calendar(month, p.year, p.month, selection(ctx).meeting);
    sdk::ui::section(heading);
    list_heading(ctx, p, {}, fy);
    ImGui::BeginChild("##list_below", ImVec2(0, ImGui::GetFrameHeightWithSpacing() * 11));
    draw_list(meetings, selection(ctx).meeting);
    ImGui::EndChild();
    draw_form(ctx, p.form);
    return;
  }
  const float left = ImGui::GetContentRegionAvail().x * 0.5f;
  ImGui::BeginChild("##calendar_side", ImVec2(left, 0));
  month_calendar(month, p.year, p.month, selection(ctx).meeting);
  draw_form(ctx, p.form);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##list_side");
  list_heading(ctx, p, heading, fy);
  draw_list(meetings, selection(ctx).meeting);
  ImGui::EndChild();
}

}  // namespace wasshoi::minutes::ui
