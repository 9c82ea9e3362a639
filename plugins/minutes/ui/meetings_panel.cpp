// 会議一覧: a month calendar, the list of the 年度's meetings, and a form for a new meeting.
#include <wasshoi/sdk/facility_directory.hpp>

#include "core/agenda.hpp"
#include "core/meetings.hpp"
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
};

MeetingsPanel& panel() {
  static MeetingsPanel p;
  return p;
}

void add_from_form(sdk::Context& ctx, NewMeeting& f) {
  auto kinds = meeting_kinds(ctx.db(), selection().org);
  attempt(ctx, tr("minutes.added"), [&] {
    auto day = sdk::parse_date(f.date);
    if (!day) throw sdk::InputError(std::string(tr("minutes.form.date")) + ": '" + f.date + "'");
    MeetingInput in{selection().org,
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
    selection().meeting = id;
    f.title.clear();
  });
}

void draw_form(sdk::Context& ctx, NewMeeting& f) {
  section(tr("minutes.new_meeting"));
  auto kinds = meeting_kinds(ctx.db(), selection().org);
  const float w = ImGui::GetFontSize() * 10;
  ImGui::SetNextItemWidth(w);
  if (sdk::ui::BeginCombo(tr("minutes.form.kind"),
                          kinds.empty() ? "" : kinds[static_cast<std::size_t>(f.kind)].name)) {
    for (std::size_t i = 0; i < kinds.size(); ++i)
      if (sdk::ui::Selectable(kinds[i].name, static_cast<int>(i) == f.kind)) f.kind = static_cast<int>(i);
    ImGui::EndCombo();
  }
  if (f.date.empty()) f.date = sdk::today().iso();
  ImGui::SetNextItemWidth(w);
  sdk::ui::InputText(tr("minutes.form.date"), f.date);
  ImGui::SetNextItemWidth(w / 2);
  sdk::ui::InputText(tr("minutes.form.start"), f.start);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w / 2);
  sdk::ui::InputText(tr("minutes.form.end"), f.end);
  for (auto [label, value] :
       {std::pair{"minutes.form.title", &f.title}, std::pair{"minutes.form.place", &f.place},
        std::pair{"minutes.form.chair", &f.chair}, std::pair{"minutes.form.recorder", &f.recorder}}) {
    ImGui::SetNextItemWidth(w * 1.6f);
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

void draw_list(const std::vector<Meeting>& meetings) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##meetings", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("minutes.col.when"), ImGuiTableColumnFlags_WidthFixed, em * 7.5f);
  ImGui::TableSetupColumn(tr("minutes.col.title"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr("minutes.col.state"), ImGuiTableColumnFlags_WidthFixed, em * 4);
  ImGui::TableHeadersRow();
  for (const auto& m : meetings) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (sdk::ui::Selectable((m.start ? month_day(*m.start) : std::string(tr("date.unknown"))) + "##row" +
                                std::to_string(m.id),
                            selection().meeting == m.id, ImGuiSelectableFlags_SpanAllColumns))
      selection().meeting = m.id;
    ImGui::TableNextColumn();
    sdk::ui::Text(m.title);
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, state_colour(m.state));
    ImGui::TextUnformatted(state_label(m.state));
    ImGui::PopStyleColor();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_meetings_panel(sdk::Context& ctx) {
  if (!sync(ctx, false)) return;
  MeetingsPanel& p = panel();
  if (p.year == 0) {
    auto m = find_meeting(ctx.db(), selection().meeting);
    const Date d = m && m->start ? m->start->date : sdk::today();
    p.year = d.year, p.month = d.month;
  }
  show_message();
  const int fy = p.month >= 4 ? p.year : p.year - 1;
  auto meetings = list_meetings(ctx.db(), selection().org, Date{fy, 4, 1}, Date{fy + 1, 3, 31});
  // Meetings whose stored date is not a date belong to no 年度: listed in every one (日付不明),
  // so they are found and set again (`minutes reschedule`).
  for (auto& m : list_meetings(ctx.db(), selection().org))
    if (!m.start) meetings.push_back(std::move(m));
  const float left = ImGui::GetContentRegionAvail().x * 0.5f;
  ImGui::BeginChild("##calendar_side", ImVec2(left, 0));
  month_calendar(
      list_meetings(ctx.db(), selection().org, Date{p.year, p.month, 1}, Date{p.year, p.month, 31}), p.year,
      p.month);
  draw_form(ctx, p.form);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##list_side");
  sdk::ui::Text(sdk::format_fiscal_year_ja(fy) + "　" + std::to_string(meetings.size()) +
                tr("minutes.meetings_count"));
  draw_list(meetings);
  ImGui::EndChild();
}

}  // namespace wasshoi::minutes::ui
