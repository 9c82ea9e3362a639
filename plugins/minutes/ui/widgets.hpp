#pragma once
// What the minutes panels share: the selected meeting, small widgets, messages.
#include <functional>
#include <string>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes::ui {

using sdk::tr;

struct Selection {
  OrgId org = 0;
  MeetingId meeting = 0;
  std::string message;  // the last error or confirmation, shown under the panel's header
  bool message_is_error = false;
};
Selection& selection();
// Follows the host's organization; picks the most recent meeting held when none is selected.
// False (and a hint drawn) when there is no organization or no meeting to work on.
bool sync(sdk::Context& ctx, bool need_meeting);
// Runs a write; an InputError becomes the panel's message instead of closing the plugin.
bool attempt(sdk::Context& ctx, const std::string& what, const std::function<void()>& write);
void show_message();
// A heading with a rule under it.
void section(const char* title);
// The selected meeting's title, date and state in large type, with ◀ ▶ to the neighbours.
void meeting_header(sdk::Context& ctx, const Meeting& m);
const char* state_label(MinutesState s);
ImVec4 state_colour(MinutesState s);
// Text drawn `scale` times the normal size (ImGui has one font size per atlas).
void big_text(const std::string& text, float scale, const ImVec4& colour);
// "2026/05/09（土）19:00"
std::string short_when(const DateTime& t);
// "期限 令和8年5月31日"
std::string tr_due(const Date& d);

}  // namespace wasshoi::minutes::ui
