#pragma once
// Pieces every panel needs (library wasshoi::sdk_ui, like ui.hpp):
//
//  * section(title): a heading with a rule under it.
//  * PanelMessage, run_action, show: a panel runs a write with run_action; an sdk::Error it
//    throws (InputError, a refusal, a busy database …) becomes the panel's message, shown with
//    show() in the warning colour, and the panel goes on drawing. Success can leave a short
//    confirmation, shown in the success colour.
//  * PerOrg<T>: the state a panel keeps between frames (its selection, forms, search results),
//    fresh for every organization and every sign-in. An officer who signs out leaves nothing of
//    their work in the window for whoever signs in next.
//  * Layouts that hold at every font size (14–28 px): widths measured from the text they hold
//    (text_width, button_width, fixed_column), items that go to the next line when the line is
//    full (same_line_if_fits). Long text in a table cell: ui::TextEllipsis (ui.hpp).
//    tests/gui/test_layout.cpp draws every panel at 14, 20, 24 and 28 px and fails on anything that
//    leaves the window or is cut in a cell.
//  * Corrections and confirmations: ReasonPrompt asks why before a correction or a withdrawal
//    (the reason goes into the audit log with the write); Confirm asks before anything that
//    cannot be undone; UndoOffer keeps the last cheap action so one click takes it back.
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::sdk::ui {

// ---- headings -----------------------------------------------------------------------------------

enum class Heading {
  Plain,  // in the text colour (the members and minutes panels)
  Muted,  // in the disabled colour, for headings between a form's parts (the issues editor)
};
// A heading with a rule under it (ImGui 1.86 has no SeparatorText): a little space, the title,
// a separator.
void section(std::string_view title, Heading style = Heading::Plain);

// ---- messages -------------------------------------------------------------------------------------

// The colours of messages on the light theme: errors, refusals and warnings; confirmations
// ("saved", "exported to …").
ImVec4 error_colour();
ImVec4 done_colour();

// What a panel last said about an action: an error, a confirmation, or nothing (empty text).
struct PanelMessage {
  std::string text;
  bool is_error = false;

  bool empty() const { return text.empty(); }
  void clear() { text.clear(), is_error = false; }
  void error(std::string message) { text = std::move(message), is_error = true; }
  void done(std::string message) { text = std::move(message), is_error = false; }
};

// Runs `write`, a write or export the officer asked for. An sdk::Error it throws becomes
// `message` (is_error; a busy database is the host's "in use by another program, nothing was
// written" from the catalog) and run_action returns false: the panel draws on, the plugin stays
// enabled, and the transaction the write opened in core/ has rolled back. When `write` returns,
// `message` becomes `done_message` (empty: no message) and run_action returns true. Anything
// else escaping `write` is a fault of the plugin and goes on to the host, which disables it.
// What follows a write in a plugin (its views reload, events::DataChanged) goes inside `write`,
// after the write itself.
bool run_action(PanelMessage& message, std::string_view done_message, const std::function<void()>& write);

// Draws the message wrapped to the window: errors in error_colour(), confirmations in
// done_colour(), through ui::TextWrapped (so 𠮷 in a message stays legible). Nothing when empty.
void show(const PanelMessage& message);
// One line of text in the warning colour, wrapped (a row an import refuses, "not a date").
void warning_text(std::string_view text);

// ---- layouts that hold at every font size ---------------------------------------------------------

// The width `text` takes on screen in the current font (as ui::Text draws it).
float text_width(std::string_view text);
// The width of a button labelled `label` ("##id" suffixes ignored).
float button_width(std::string_view label);
// The width of a checkbox with its label.
float checkbox_width(std::string_view label);
// After an item: SameLine() when an item `width` wide still fits right of it, else nothing, so
// the next item starts the next line. `spacing` < 0: the style's ItemSpacing.
void same_line_if_fits(float width, float spacing = -1.0f);
// In a table, between BeginTable and TableHeadersRow: a column exactly as wide as the widest of
// its header and of `widest` (texts it shows — a date, the largest sum, the longest name of a
// short list), so no cell is cut at any font size. It follows the font size and the values on
// every frame (the officer does not resize it). For short values of a known form; long free text
// belongs in a stretch column drawn with ui::TextEllipsis.
void fixed_column(const char* label, std::initializer_list<std::string_view> widest,
                  ImGuiTableColumnFlags flags = 0, ImGuiID user_id = 0);

// ---- corrections, confirmations, undo ------------------------------------------------------------

// The modal window these pieces (and the print dialog) draw in: centred, `width_em` characters
// wide (never wider than the screen), titled `title`, `id` keeping it the same window when the
// title changes. Opens when `pending` (then clears it); `shown` says whether it is open. True
// while it is drawn: the caller draws its content and calls ImGui::EndPopup().
bool begin_modal(const std::string& title, const char* id, bool& pending, bool& shown,
                 float width_em = 32.0f);

// A correction or withdrawal with its reason, asked in a modal window. Keep one in the panel's
// state; open() it from the button, draw() it on every frame (in the same ID scope):
//
//   if (ImGui::Button(tr("members.dues.reverse").c_str()))
//     s.reverse.open(tr("members.dues.reverse_title"), payment_line);  // what is being corrected
//   if (auto reason = s.reverse.draw())
//     run_action(s.message, tr("members.dues.reversed"), [&] { reverse_payment(ctx, id, *reason); });
//
// The window shows `what`, a reason field (required: 実行 stays disabled while it is blank) and
// 実行 / やめる. draw() returns the trimmed reason once, on the frame 実行 is clicked (or Enter
// pressed in the field); nullopt otherwise. The write puts the reason in its Transaction detail.
class ReasonPrompt {
 public:
  // `ok_label` empty: the catalog's 実行.
  void open(std::string title, std::string what, std::string ok_label = {});
  std::optional<std::string> draw();
  bool is_open() const { return pending_ || shown_; }

 private:
  std::string title_, what_, ok_label_;
  std::string reason_;
  bool pending_ = false;  // open() called, the popup opens on the next draw()
  bool shown_ = false;
  int focus_frames_ = 0;
};

// A confirmation before what cannot be undone (retiring an account, deleting a room's booking
// series): the same modal window without a reason. draw() returns true once, on the frame the
// officer confirms.
class Confirm {
 public:
  void open(std::string title, std::string text, std::string ok_label = {});
  bool draw();
  bool is_open() const { return pending_ || shown_; }

 private:
  std::string title_, text_, ok_label_;
  bool pending_ = false;
  bool shown_ = false;
};

// Undo for the last action where it is cheap and safe (an attendee removed, a supporter taken
// off): after the action the panel offers its inverse; show_undo() draws 「…を外しました
// [元に戻す]」 until it is used, replaced by the next offer or cleared (when the panel's data
// changes otherwise). The inverse runs through run_action: a refusal becomes the message.
struct UndoOffer {
  std::string done;            // what was done, as the officer reads it
  std::function<void()> undo;  // the inverse write (its own transaction)

  bool empty() const { return !undo; }
  void offer(std::string what_was_done, std::function<void()> inverse) {
    done = std::move(what_was_done), undo = std::move(inverse);
  }
  void clear() { done.clear(), undo = nullptr; }
};
// Draws the offer (nothing when empty); true when 元に戻す was clicked and the inverse ran (then
// the offer is cleared and `message` says 元に戻しました, or the refusal).
bool show_undo(UndoOffer& offer, PanelMessage& message);

// ---- state per organization and sign-in ---------------------------------------------------------

// Where and as whom a panel works: the organization chosen in the window and the sign-in
// (Access::session, a number the host gives every sign-in and sign-out).
struct OrgSession {
  OrgId org = 0;
  std::uint64_t session = 0;
  bool operator==(const OrgSession&) const = default;
};
inline OrgSession org_session(const Context& ctx) {
  return {ctx.current_org(), ctx.access().session};
}

// The state a panel keeps between frames, fresh whenever the organization or the sign-in
// changes. Keep one where the panel kept its static state:
//
//   PerOrg<RosterState> roster;            // at namespace scope in ui/, or a function's static
//   void draw_roster(sdk::Context& ctx) {
//     RosterState& s = roster.get(ctx);    // every frame, before anything of s is used
//
// get() compares (ctx.current_org(), ctx.access().session) with what it saw last, so a panel
// needs no event handler and notices a change even when it was not drawn at the time: another
// organization chosen, a sign-out, someone else's sign-in or the same officer's next one. It
// holds one state, the last organization's: switching back starts afresh too.
template <typename T>
class PerOrg {
 public:
  // Fresh states are T{}.
  PerOrg() : fresh_([] { return T{}; }) {}
  // Fresh states are made by `fresh` (a state whose start is not T{}).
  explicit PerOrg(std::function<T()> fresh) : fresh_(std::move(fresh)) {}
  PerOrg(const PerOrg&) = delete;
  PerOrg& operator=(const PerOrg&) = delete;

  // The state for ctx's organization and sign-in: the one kept when they are those of the last
  // call, else a fresh one (the old one is destroyed first).
  T& get(const Context& ctx) {
    const OrgSession now = org_session(ctx);
    if (!value_ || now != key_) {
      value_.reset();
      value_.emplace(fresh_());
      key_ = now;
    }
    return *value_;
  }
  // The organization of the state the last get() returned (0 before the first).
  OrgId org() const { return key_.org; }
  // The state the last get() returned, as the panel left it; nullptr before the first get().
  // For tests and benchmarks that look at what a panel drew.
  const T* last() const { return value_ ? &*value_ : nullptr; }

 private:
  std::function<T()> fresh_;
  OrgSession key_;
  std::optional<T> value_;
};

}  // namespace wasshoi::sdk::ui
