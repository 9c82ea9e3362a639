#pragma once
// What the panels remember between frames (ImGui style: plain data kept by the caller), and the
// small drawing helpers they share. Labels come from the i18n catalogs (ja, en).
#include <functional>
#include <memory>
#include <string>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui_date.hpp>
#include <wasshoi/sdk/ui_document.hpp>
#include <wasshoi/sdk/ui_file.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "core/model.hpp"

namespace wasshoi::proposals::ui {

// The header form (件名, 種別, 宛先 …) of the selected proposal, filled when it is selected.
struct HeaderForm {
  ProposalId loaded = 0;
  std::string title, person, place;
  int kind = 0, addressee = 0;
  OrgId body = 0;  // the city body it goes to
  // The letter as the city expects it: 文書番号, 連絡先 (担当, 電話), 回答期限 (as typed).
  std::string number, contact, phone, reply_by;
};

// The editor's state; fresh for every organization and every sign-in (sdk::ui::PerOrg), with
// `org` set and the newest proposal selected on its first frame.
struct EditorState {
  OrgId org = 0;
  ProposalId selected = 0;
  std::optional<Proposal> proposal;       // reloaded after every write
  std::optional<sdk::Document> document;  // the 要望書 as it will print (the preview)
  std::string preview_error;              // why it cannot be printed (e.g. a damaged picture)
  sdk::ui::PanelMessage message;          // the last error, or a success worth telling (where the PDF went)
  HeaderForm header;
  // Input buffers of the add forms.
  std::string new_title, answer_by, submit_to;
  std::string date[4], text[4];  // per form: 0 意見集約, 1 経過, 2 提案, 3 life-cycle step
  int method = 1, kind = 0, answer_category = 0, participants = 0, answers = 0, meeting_index = 0;
  OrgId action_department = 0;   // 担当課 of the next 具体的な提案 item; 0: the addressee's
  bool open_editor_tab = false;  // a 要望書 was chosen in the list tab (narrow window): show it
  std::string attach_path, attach_caption;
  std::unique_ptr<sdk::ui::FileChooser> attach_chooser = std::make_unique<sdk::ui::FileChooser>();
  sdk::ui::DocumentActions paper;  // 印刷… and PDFで保存… of the 要望書
  int attach_kind = 0;             // 0 写真, 1 位置図
  std::int64_t removing = 0;       // the picture whose 削除 was pressed, waiting for the confirmation
  bool confirm_remove = false;     // open the confirmation on this frame
};

EditorState& editor_state(const sdk::Context& ctx);
void reload(sdk::Context& ctx, EditorState& s);
// Runs a write with sdk::ui::run_action: a refusal becomes s.message; success clears it and the
// forms' texts. The proposal is reloaded either way. True when it was written.
bool attempt(sdk::Context& ctx, EditorState& s, const std::function<void()>& write);

// Today when empty; InputError naming the text otherwise.
sdk::Date form_date(const std::string& text);
// A date in 和暦, or the catalog's 「日付不明」 for a stored date that is not one (sdk/db.hpp).
std::string wareki_text(const std::optional<sdk::Date>& d);

// The catalog's label of an enum value: proposals.kind.request → 要望 / Request.
template <typename E>
const char* tr_enum(const char* group, E value) {
  return sdk::tr(std::string("proposals.") + group + "." + to_string(value));
}
// A combo over labels; true when the user picked another one.
bool combo(const char* label, int& current, const std::vector<std::string>& items);
// Widths in multiples of the font size, so the panel grows with the chosen font (大きい文字).
float em(float n);
// A coloured, wrapped line: missing parts orange, hints grey (messages: sdk::ui::show).
void colored_text(const std::string& text, float r, float g, float b);

void draw_editor(sdk::Context& ctx);
void draw_dashboard(sdk::Context& ctx);
void draw_header(sdk::Context& ctx, EditorState& s);
void draw_sections(sdk::Context& ctx, EditorState& s);
void draw_attachments(sdk::Context& ctx, EditorState& s);
void draw_lifecycle(sdk::Context& ctx, EditorState& s);
void draw_export(sdk::Context& ctx, EditorState& s);
void draw_document_preview(const sdk::Document& doc);

}  // namespace wasshoi::proposals::ui
