#pragma once
// The status workflow 受付 → 検討中 → 自治会で対応 / 市へ要望 / 解決 / 見送り, each change dated with
// a note, and the 自助・共助・公助 split.
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>

#include "core/model.hpp"

namespace wasshoi::issues {

// All status ids in workflow order.
const std::vector<std::string>& statuses();
// InputError listing the valid ids; also accepts the Japanese labels (受付, 検討中 …).
std::string parse_status(std::string_view text);
const char* status_label(std::string_view status);  // 受付, 検討中 …
bool is_closed(std::string_view status);            // resolved or declined
// Whether `from` may move to `to` (a closed issue can be reopened to 検討中).
bool can_move(std::string_view from, std::string_view to);

// Moves the issue to `to` on `on` with `note`. InputError when the move is not allowed.
void set_status(sdk::Database& db, IssueId id, const std::string& to, const std::string& note,
                const sdk::Date& on);
// A status change corrected or taken back, with the reason (the editor's 訂正 and 取り消し,
// `issues status ID STATUS --reason …`): the issue moves to `to` whatever the workflow's order
// (受付 too), and the history keeps the change and its correction, noted 「訂正: reason」. One
// transaction audited as "issues.status_correct" with "#N from -> to: reason". InputError (nothing
// written): a blank reason, the status it has already.
void correct_status(sdk::Database& db, IssueId id, const std::string& to, const std::string& reason,
                    const sdk::Date& on);
// Takes back the last status change (`issues status ID --undo --reason …`): back to the status it
// came from, as correct_status does. Returns that status. InputError when no change is recorded.
std::string undo_status(sdk::Database& db, IssueId id, const std::string& reason, const sdk::Date& on);
// The status the last change came from, if the history has a change.
std::optional<std::string> previous_status(sdk::Database& db, IssueId id);

// A dated note without a change of status.
void add_note(sdk::Database& db, IssueId id, const std::string& note, const sdk::Date& on);
std::vector<HistoryEntry> history(sdk::Database& db, IssueId id);

// Records the 自助・共助・公助 shares (percent, adding up to 100; InputError otherwise).
void set_split(sdk::Database& db, IssueId id, const Split& split);

}  // namespace wasshoi::issues
