#pragma once
// What the minutes panels share: the selected meeting, small widgets, messages.
#include <functional>
#include <string>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_date.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "core/attendance.hpp"
#include "core/model.hpp"

namespace wasshoi::minutes::ui {

using sdk::tr;

struct Selection {
  MeetingId meeting = 0;
  sdk::ui::PanelMessage message;  // the last error or confirmation, shown under the panel's header
};
// The selected meeting and the last message, shared by the minutes panels; fresh for every
// organization and every sign-in (sdk::ui::PerOrg).
Selection& selection(const sdk::Context& ctx);
// Picks the most recent meeting held when none is selected. False (and a hint drawn) when there
// is no organization or no meeting to work on.
bool ready(sdk::Context& ctx, bool need_meeting);
// Runs a write with sdk::ui::run_action: a refusal becomes the panels' message, success shows
// `what` and tells other plugins (events::DataChanged).
bool attempt(sdk::Context& ctx, const std::string& what, const std::function<void()>& write);
void show_message(const sdk::Context& ctx);
// The selected meeting's title, date and state in large type, with ◀ ▶ to the neighbours.
void meeting_header(sdk::Context& ctx, const Meeting& m);
// Approved minutes are locked: the window's forms for them are disabled.
inline bool locked(const Meeting& m) {
  return m.state == MinutesState::Approved;
}
// Under the header of signed or approved minutes: why they cannot be changed as they are
// (「承認済みの議事録は変更できません（令和8年5月18日の役員会で承認）」, or that a change voids the
// signatures) and 再開する, which asks the reason with `prompt` and re-opens them (core reopen,
// logged). `prompt` is the panel's own; this draws it too. Nothing for a draft.
void lock_notice(sdk::Context& ctx, const Meeting& m, sdk::ui::ReasonPrompt& prompt);
// A 総会's quorum in large type, green when reached, red with how many are missing; under it the
// counts (出席, 委任状, 議決権行使書, 名簿外) and the rule: the figures of the minutes' 定足数 sentence.
// `compact`: smaller, for the reception list under it.
void draw_quorum(sdk::Database& db, sdk::MemberDirectory& members, const Meeting& m, bool compact = false);
// A catalog text with {name} placeholders filled: fill("minutes.x", {{"date", "令和8年5月18日"}}).
std::string fill(const char* key, std::initializer_list<std::pair<std::string_view, std::string>> values);
const char* state_label(MinutesState s);
// 出席 / 委任状 / 議決権行使書 / 欠席 in the window's language.
const char* presence_label(Presence p);
ImVec4 state_colour(MinutesState s);
// Text drawn `scale` times the normal size (ImGui has one font size per atlas).
void big_text(const std::string& text, float scale, const ImVec4& colour);
// "2026/05/09（土）19:00"
std::string short_when(const DateTime& t);
// "期限 令和8年5月31日"
std::string tr_due(const Date& d);

}  // namespace wasshoi::minutes::ui
