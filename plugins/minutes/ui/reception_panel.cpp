// 総会の受付: the 班 checklist of a 総会's reception. One 班 at a time, its households in address
// order; one key or click marks a household 出席 / 委任状 / 議決権行使書 / 欠席 and selects the next.
// Keyboard only: ↑ ↓ (or Tab, Shift+Tab) move, 1 2 3 4 (or the letters shown) mark, ← → (or
// PageUp, PageDown) switch the 班. The head count of those not on the list and the live quorum
// (the figures the minutes' 定足数 sentence prints) stand above the list.
#include <algorithm>
#include <wasshoi/sdk/ui_document.hpp>

#include "core/meetings.hpp"
#include "core/reception.hpp"
#include "core/reception_papers.hpp"
#include "ui/draw_panels.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::minutes::ui {

namespace {

constexpr Presence kMarks[] = {Presence::Present, Presence::Proxy, Presence::Written, Presence::Absent};

struct ReceptionPanel {
  MeetingId shown = 0;
  std::size_t han = 0;  // index into the sheet
  std::size_t row = 0;  // the selected household of that 班
  bool scroll = false;  // bring the selected row into view on the next frame
  int unlisted = 0;     // the head count field
  bool unlisted_read = false;
  sdk::ui::ReasonPrompt reopen;
  // The paper before the day: 受付名簿, 開催通知 with 出欠票・委任状.
  bool paper_open = false;
  std::string deadline;
  bool to_chair = true;
  bool blank = false;
  int blank_forms = 20;
  sdk::ui::DocumentActions list_paper, notice_paper;
};

ReceptionPanel& reception_panel(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<ReceptionPanel> p;
  return p.get(ctx);
}

// The letter that marks `p` besides its number (「S」 for 出席 in Japanese, 「P」 in English).
char mark_letter(int index) {
  const std::string letters = tr("minutes.reception.letters");
  return index < static_cast<int>(letters.size()) ? letters[static_cast<std::size_t>(index)] : '\0';
}

// 「1 出席」: the key and the mark (議決権行使書 as the shorter 書面議決).
std::string mark_button(int index) {
  const char* label = kMarks[index] == Presence::Written ? tr("minutes.reception.written_short")
                                                         : presence_label(kMarks[index]);
  return std::to_string(index + 1) + " " + label;
}

bool pressed(ImGuiKey key) {
  const int index = ImGui::GetKeyIndex(key);
  return index >= 0 && ImGui::IsKeyPressed(index);
}

// What the keyboard asks this frame: -1 nothing, 0–3 a mark.
int typed_mark() {
  ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    const ImWchar c = io.InputQueueCharacters[i];
    for (int m = 0; m < 4; ++m) {
      const char letter = mark_letter(m);
      if (c == static_cast<ImWchar>('1' + m) ||
          (letter && (c == static_cast<ImWchar>(letter) || c == static_cast<ImWchar>(letter | 0x20)))) {
        io.InputQueueCharacters.resize(0);
        return m;
      }
    }
  }
  return -1;
}

void mark(sdk::Context& ctx, sdk::MemberDirectory& members, const Meeting& m, const ReceptionRow& r,
          int index, ReceptionPanel& p, std::size_t rows) {
  const Presence to = kMarks[index];
  if (attempt(ctx, r.household.head_name + "：" + presence_label(to),
              [&] { mark_household(ctx.db(), members, m.id, r.household.id, to); }) &&
      p.row + 1 < rows) {
    ++p.row;
    p.scroll = true;
  }
}

void draw_han_switch(const std::vector<ReceptionHan>& sheet, ReceptionPanel& p) {
  const ReceptionHan& g = sheet[p.han];
  const int done = static_cast<int>(g.rows.size()) - g.count(Presence::Absent);
  if (ImGui::ArrowButton("##prev_han", ImGuiDir_Left) && p.han > 0) --p.han, p.row = 0;
  ImGui::SameLine();
  big_text(g.name, 1.3f, ImVec4(0.1f, 0.2f, 0.45f, 1));
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next_han", ImGuiDir_Right) && p.han + 1 < sheet.size()) ++p.han, p.row = 0;
  sdk::ui::same_line_if_fits(sdk::ui::text_width("00 / 00 00000000"));
  sdk::ui::Text(fill("minutes.reception.han_of", {{"i", std::to_string(p.han + 1)},
                                                  {"n", std::to_string(sheet.size())},
                                                  {"done", std::to_string(done)},
                                                  {"all", std::to_string(g.rows.size())}}));
}

void draw_unlisted(sdk::Context& ctx, const Meeting& m, ReceptionPanel& p) {
  if (!p.unlisted_read) p.unlisted = unlisted_count(ctx.db(), m.id), p.unlisted_read = true;
  sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 7 + ImGui::GetStyle().ItemInnerSpacing.x +
                                 sdk::ui::text_width(tr("minutes.reception.unlisted")),
                             ImGui::GetFontSize() * 2);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::PushAllowKeyboardFocus(false);  // Tab moves between households, not into this field
  ImGui::InputInt(tr("minutes.reception.unlisted"), &p.unlisted);
  ImGui::PopAllowKeyboardFocus();
  p.unlisted = std::clamp(p.unlisted, 0, 9999);
  const int stored = unlisted_count(ctx.db(), m.id);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("minutes.reception.unlisted_save")));
  ImGui::BeginDisabled(p.unlisted == stored);
  if (sdk::ui::Button(tr("minutes.reception.unlisted_save")))
    attempt(ctx, fill("minutes.reception.unlisted_saved", {{"n", std::to_string(p.unlisted)}}),
            [&] { set_unlisted_count(ctx.db(), m.id, p.unlisted); });
  ImGui::EndDisabled();
}

void draw_rows(sdk::Context& ctx, sdk::MemberDirectory& members, const Meeting& m, const ReceptionHan& g,
               ReceptionPanel& p) {
  if (!ImGui::BeginTable("##reception", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                         ImVec2(0, ImGui::GetContentRegionAvail().y)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("minutes.reception.col_head"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  float buttons = 0;
  for (int i = 0; i < 4; ++i)
    buttons += ImGui::CalcTextSize(mark_button(i).c_str()).x + ImGui::GetStyle().FramePadding.x * 2 +
               ImGui::GetStyle().ItemSpacing.x;
  ImGui::TableSetupColumn(tr("minutes.reception.col_mark"), ImGuiTableColumnFlags_WidthFixed, buttons);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < g.rows.size(); ++i) {
    const ReceptionRow& r = g.rows[i];
    ImGui::TableNextRow();
    if (i == p.row)
      ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImVec4(1.0f, 0.9f, 0.55f, 1)));
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(r.household.id));
    if (sdk::ui::SelectableEllipsis(r.household.head_name + "　" + r.household.address, i == p.row))
      p.row = i;
    if (i == p.row && p.scroll) ImGui::SetScrollHereY(0.5f), p.scroll = false;
    ImGui::TableNextColumn();
    for (int k = 0; k < 4; ++k) {
      if (k) ImGui::SameLine();
      const bool current = r.presence == kMarks[k] && kMarks[k] != Presence::Absent;
      if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.55f, 0.8f, 0.55f, 1));
      if (ImGui::SmallButton(mark_button(k).c_str())) {
        p.row = i;
        mark(ctx, members, m, r, k, p, g.rows.size());
      }
      if (current) ImGui::PopStyleColor();
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// The keys of the checklist, while the panel has the keyboard and no field is being typed in.
void keys(sdk::Context& ctx, sdk::MemberDirectory& members, const Meeting& m,
          const std::vector<ReceptionHan>& sheet, ReceptionPanel& p) {
  if (ImGui::GetIO().WantTextInput || !ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
  const ReceptionHan& g = sheet[p.han];
  const bool shift = ImGui::GetIO().KeyShift;
  if (pressed(ImGuiKey_DownArrow) || (pressed(ImGuiKey_Tab) && !shift)) {
    if (p.row + 1 < g.rows.size()) ++p.row, p.scroll = true;
  } else if (pressed(ImGuiKey_UpArrow) || (pressed(ImGuiKey_Tab) && shift)) {
    if (p.row > 0) --p.row, p.scroll = true;
  } else if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_PageDown)) {
    if (p.han + 1 < sheet.size()) ++p.han, p.row = 0, p.scroll = true;
  } else if (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_PageUp)) {
    if (p.han > 0) --p.han, p.row = 0, p.scroll = true;
  } else if (const int k = typed_mark(); k >= 0 && !locked(m)) {
    mark(ctx, members, m, g.rows[p.row], k, p, g.rows.size());
  }
}

// 受付名簿 and 開催通知, printed or saved, under a heading that opens them (the list stays tall).
void draw_paper(sdk::Context& ctx, const Meeting& m, ReceptionPanel& p) {
  ImGui::SetNextItemOpen(p.paper_open);
  p.paper_open = ImGui::CollapsingHeader(tr("minutes.reception.paper"));
  if (!p.paper_open) return;
  const std::string day = m.start ? m.start->date.iso() : std::string();
  sdk::ui::Text(tr("minutes.reception.list_title"));
  p.list_paper.draw(selection(ctx).message,
                    sdk::ui::document_file_name({tr("minutes.reception.list_file"), m.title, day}, ".pdf"),
                    [&] {
                      return reception_list_document(ctx.db(), ctx.services().get<sdk::MemberDirectory>(),
                                                     sdk::organizations(ctx), m.id);
                    },
                    {.personal_data = true});
  sdk::ui::Text(tr("minutes.reception.notice_title"));
  const auto deadline = sdk::ui::DateInput(tr("minutes.reception.deadline"), p.deadline);
  ImGui::Checkbox(tr("minutes.reception.to_chair"), &p.to_chair);
  sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(tr("minutes.reception.blank")));
  ImGui::Checkbox(tr("minutes.reception.blank"), &p.blank);
  if (p.blank) {
    sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 7 +
                               sdk::ui::text_width(tr("minutes.reception.blank_count")));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    ImGui::InputInt(tr("minutes.reception.blank_count"), &p.blank_forms);
    p.blank_forms = std::clamp(p.blank_forms, 1, 500);
  }
  p.notice_paper.draw(
      selection(ctx).message,
      sdk::ui::document_file_name({tr("minutes.reception.notice_file"), m.title, day}, ".pdf"),
      [&] {
        if (!deadline.has_date()) throw sdk::InputError(tr("minutes.reception.deadline_missing"));
        auto members = ctx.services().find<sdk::MemberDirectory>();
        return notice_document(ctx.db(), members.get(), sdk::organizations(ctx), m.id,
                               {*deadline.date, p.to_chair, p.blank ? p.blank_forms : 0});
      },
      {.personal_data = !p.blank});
}

}  // namespace

void draw_reception_panel(sdk::Context& ctx) {
  if (!ready(ctx, true)) return;
  const Meeting m = get_meeting(ctx.db(), selection(ctx).meeting);
  meeting_header(ctx, m);
  ReceptionPanel& p = reception_panel(ctx);
  if (p.shown != m.id) p.han = 0, p.row = 0, p.unlisted_read = false, p.shown = m.id;
  lock_notice(ctx, m, p.reopen);
  auto members = ctx.services().find<sdk::MemberDirectory>();
  if (!members) {
    ImGui::TextDisabled("%s", tr("minutes.no_roster"));
    return;
  }
  if (!m.general_assembly) {
    sdk::ui::TextWrapped(tr("minutes.reception.general_assembly_only"));
    return;
  }
  if (!m.start) {  // the member households are those of the meeting's date
    ImGui::TextDisabled("%s", tr("date.unknown"));
    return;
  }
  const auto sheet = reception_sheet(ctx.db(), *members, sdk::organizations(ctx), m);
  draw_quorum(ctx.db(), *members, m, true);
  if (sheet.empty()) {
    sdk::ui::TextWrapped(tr("minutes.reception.no_households"));
    return;
  }
  p.han = std::min(p.han, sheet.size() - 1);
  p.row = std::min(p.row, sheet[p.han].rows.size() - 1);
  draw_paper(ctx, m, p);
  ImGui::BeginDisabled(locked(m));  // lock_notice says why and offers 再開する
  draw_han_switch(sheet, p);
  draw_unlisted(ctx, m, p);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  sdk::ui::TextWrapped(tr("minutes.reception.keys_help"));
  ImGui::PopStyleColor();
  keys(ctx, *members, m, sheet, p);
  draw_rows(ctx, *members, m, sheet[std::min(p.han, sheet.size() - 1)], p);
  ImGui::EndDisabled();
}

}  // namespace wasshoi::minutes::ui
