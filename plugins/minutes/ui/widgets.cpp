#include "ui/widgets.hpp"

#include <cstdio>
#include <wasshoi/sdk/events.hpp>
#include <wasshoi/sdk/fill.hpp>

#include "core/approval.hpp"
#include "core/meetings.hpp"
#include "core/quorum.hpp"

namespace wasshoi::minutes::ui {

Selection& selection(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<Selection> s;
  return s.get(ctx);
}

namespace {

MeetingId most_recent_held(sdk::Database& db, OrgId org) {
  MeetingId found = 0;
  const DateTime now = sdk::now_local();
  for (const auto& m : list_meetings(db, org))
    if ((m.start && *m.start <= now) || found == 0) found = m.id;
  return found;
}

}  // namespace

bool ready(sdk::Context& ctx, bool need_meeting) {
  if (ctx.current_org() == 0) {
    ImGui::TextDisabled("%s", tr("minutes.choose_org"));
    return false;
  }
  Selection& s = selection(ctx);
  if (s.meeting != 0 && !find_meeting(ctx.db(), s.meeting)) s.meeting = 0;
  if (s.meeting == 0) s.meeting = most_recent_held(ctx.db(), ctx.current_org());
  if (need_meeting && s.meeting == 0) {
    ImGui::TextDisabled("%s", tr("minutes.no_meetings"));
    return false;
  }
  return true;
}

bool attempt(sdk::Context& ctx, const std::string& what, const std::function<void()>& write) {
  return sdk::ui::run_action(selection(ctx).message, what, [&] {
    write();
    ctx.events().publish(sdk::events::DataChanged{"minutes", what});
  });
}

void show_message(const sdk::Context& ctx) {
  sdk::ui::show(selection(ctx).message);
}

const char* state_label(MinutesState s) {
  switch (s) {
    case MinutesState::Signed:
      return tr("minutes.state.signed");
    case MinutesState::Approved:
      return tr("minutes.state.approved");
    default:
      return tr("minutes.state.draft");
  }
}

ImVec4 state_colour(MinutesState s) {
  switch (s) {
    case MinutesState::Signed:
      return {0.1f, 0.35f, 0.7f, 1};
    case MinutesState::Approved:
      return {0.1f, 0.5f, 0.2f, 1};
    default:
      return {0.45f, 0.45f, 0.45f, 1};
  }
}

void big_text(const std::string& text, float scale, const ImVec4& colour) {
  ImGui::SetWindowFontScale(scale);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  sdk::ui::TextWrapped(text);
  ImGui::PopStyleColor();
  ImGui::SetWindowFontScale(1.0f);
}

std::string short_when(const DateTime& t) {
  static const char* const kDays[] = {"日", "月", "火", "水", "木", "金", "土"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%d/%02d/%02d（%s）%d:%02d", t.date.year, t.date.month, t.date.day,
                kDays[t.date.weekday()], t.hour, t.minute);
  return buf;
}

std::string tr_due(const Date& d) {
  return std::string(tr("minutes.action.due")) + " " + sdk::format_wareki(d);
}

void meeting_header(sdk::Context& ctx, const Meeting& m) {
  if (ImGui::ArrowButton("##prev_meeting", ImGuiDir_Left))
    if (auto p = previous_meeting(ctx.db(), m)) selection(ctx).meeting = p->id;
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next_meeting", ImGuiDir_Right))
    if (auto n = next_meeting(ctx.db(), m)) selection(ctx).meeting = n->id;
  ImGui::SameLine();
  ImGui::SetWindowFontScale(1.3f);
  sdk::ui::TextWrapped(m.title);  // wraps in a narrow window rather than leaving it
  ImGui::SetWindowFontScale(1.0f);
  const std::string state = std::string("［") + state_label(m.state) + "］";
  sdk::ui::same_line_if_fits(sdk::ui::text_width(state));
  ImGui::PushStyleColor(ImGuiCol_Text, state_colour(m.state));
  sdk::ui::Text(state);
  ImGui::PopStyleColor();
  if (m.start && m.end)
    sdk::ui::TextWrapped(short_when(*m.start) + "〜" + std::to_string(m.end->hour) + ":" +
                         (m.end->minute < 10 ? "0" : "") + std::to_string(m.end->minute) + "　" + m.place);
  else  // a stored date that is not one: `minutes reschedule` sets it
    sdk::ui::TextWrapped(std::string(tr("date.unknown")) + "　" + m.place);
  show_message(ctx);
}

std::string fill(const char* key, std::initializer_list<std::pair<std::string_view, std::string>> values) {
  return sdk::fill_marks(tr(key), values);
}

namespace {
std::string approved_where(sdk::Context& ctx, const Meeting& m) {
  auto at = m.approved_at ? find_meeting(ctx.db(), *m.approved_at) : std::nullopt;
  if (!at) return tr("minutes.locked_approved");
  const std::string day = at->start ? sdk::format_wareki(at->start->date) : std::string(tr("date.unknown"));
  return fill("minutes.locked_approved_at", {{"date", day}, {"meeting", at->kind}});
}
}  // namespace

void lock_notice(sdk::Context& ctx, const Meeting& m, sdk::ui::ReasonPrompt& prompt) {
  if (auto reason = prompt.draw()) attempt(ctx, tr("minutes.reopened"), [&] { reopen(ctx, m.id, *reason); });
  if (m.state == MinutesState::Draft) return;
  const std::string why =
      m.state == MinutesState::Approved ? approved_where(ctx, m) : tr("minutes.signed_note");
  sdk::ui::warning_text(why);
  if (sdk::ui::Button(tr("minutes.reopen")))
    prompt.open(tr("minutes.reopen_title"), m.title + "\n" + tr("minutes.reopen_help"), tr("minutes.reopen"));
}

void draw_quorum(sdk::Database& db, sdk::MemberDirectory& members, const Meeting& m, bool compact) {
  const QuorumStatus q = quorum(db, members, m);
  const ImVec4 ok(0.05f, 0.5f, 0.15f, 1), short_of(0.75f, 0.1f, 0.1f, 1);
  // The box grows with what it holds (the big line wraps at 28 px): the text is drawn first on
  // the upper channel, the background under it once its height is known.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  const float width = ImGui::GetContentRegionAvail().x;
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(top.x + pad.x, top.y + pad.y));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad.x);
  std::string head = std::string(tr("minutes.quorum.counted")) + " " + std::to_string(q.counted) + " / " +
                     tr("minutes.quorum.required") + " " + std::to_string(q.required) + "　";
  head += q.quorate ? tr("minutes.quorum.ok")
                    : std::string(tr("minutes.quorum.short")) + " " + std::to_string(q.required - q.counted) +
                          tr("minutes.households");
  big_text(head, compact ? 1.35f : 1.9f, q.quorate ? ok : short_of);
  sdk::ui::TextWrapped(std::string(tr("minutes.quorum.breakdown")) + "：" + tr("minutes.present") + " " +
                       std::to_string(q.present) +
                       (q.unlisted > 0 ? fill("minutes.quorum.unlisted", {{"n", std::to_string(q.unlisted)}})
                                       : std::string()) +
                       "　" + tr("minutes.proxy") + " " + std::to_string(q.proxies) + "　" +
                       tr("minutes.written") + " " + std::to_string(q.written) + "　／　" +
                       tr("minutes.quorum.base") + " " + std::to_string(q.base) + tr("minutes.households"));
  sdk::ui::TextDisabled(describe(q.rule));
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y + pad.y;
  draw->ChannelsSetCurrent(0);
  draw->AddRectFilled(
      top, ImVec2(top.x + width, bottom),
      ImGui::GetColorU32(q.quorate ? ImVec4(0.9f, 0.97f, 0.9f, 1) : ImVec4(1, 0.93f, 0.93f, 1)),
      ImGui::GetStyle().FrameRounding);
  draw->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + ImGui::GetStyle().ItemSpacing.y));
  ImGui::Dummy(ImVec2(0, 0));
}

const char* presence_label(Presence p) {
  switch (p) {
    case Presence::Present:
      return tr("minutes.present");
    case Presence::Proxy:
      return tr("minutes.proxy");
    case Presence::Written:
      return tr("minutes.written");
    default:
      return tr("minutes.absent");
  }
}

}  // namespace wasshoi::minutes::ui
