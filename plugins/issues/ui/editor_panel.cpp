// 課題の編集: the captured fields, status with a dated note, supports, 自助・共助・公助, photos, history.
// A status change is corrected or taken back with a reason, a support taken off with a reason
// (and put back with 元に戻す); the history keeps every change and its correction.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "core/attachments.hpp"
#include "core/categories.hpp"
#include "core/exchange_formats.hpp"
#include "core/issues.hpp"
#include "core/supports.hpp"
#include "core/workflow.hpp"
#include "ui/list_panel.hpp"
#include "ui/state.hpp"

namespace wasshoi::issues::ui {

namespace {

struct EditorState {
  IssueId loaded = -1;
  OrgId org = 0;
  IssueInput draft;
  std::string date, lat, lon;
  std::string next_status, note, guest, photo_path;
  Split split;
  std::string corrected_status;  // 訂正: the status it should have
  enum class Asking { Nothing, Correct, Undo, Unsupport } asking = Asking::Nothing;
  Supporter unsupporting;        // the support whose 外す was clicked
  sdk::ui::ReasonPrompt reason;  // asks why for the three above
  sdk::ui::UndoOffer undo;       // the support last taken off
  std::unique_ptr<sdk::ui::FileChooser> photo_file = std::make_unique<sdk::ui::FileChooser>();
};

EditorState& editor(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<EditorState> e;
  return e.get(ctx);
}

std::string number_text(const std::optional<double>& v) {
  if (!v) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", *v);
  return buf;
}

void load(sdk::Context& ctx, EditorState& e, IssueId id, OrgId org) {
  e = EditorState{};
  e.loaded = id;
  e.org = org;
  if (auto i = id ? find_issue(ctx.db(), id) : std::nullopt) {
    e.draft = *i;
    e.split = i->split;
  } else {
    e.loaded = 0;
    e.draft.org = org;
    e.draft.category = "その他";
    e.draft.reported_on = sdk::today();
  }
  // A stored date that is not a date (db.hpp) shows empty: the officer types the right one.
  e.date = e.draft.reported_on ? e.draft.reported_on->iso() : std::string();
  e.lat = number_text(e.draft.lat);
  e.lon = number_text(e.draft.lon);
}

// The width of a field `width` wide with its label right of it.
float labelled(float width, const char* label) {
  return width + ImGui::GetStyle().ItemInnerSpacing.x + sdk::ui::text_width(label);
}

std::optional<double> parse_number(const std::string& text, const char* field) {
  if (sdk::trim(text).empty()) return std::nullopt;
  try {
    return std::stod(text);
  } catch (const std::exception&) {
    throw sdk::InputError(std::string(field) + ": '" + text + "' is not a number");
  }
}

void save(sdk::Context& ctx, EditorState& e) {
  auto date = sdk::parse_date(e.date);
  if (!date) throw sdk::InputError(std::string(tr("issues.field.date")) + ": '" + e.date + "' is not a date");
  e.draft.reported_on = *date;
  e.draft.lat = parse_number(e.lat, "lat");
  e.draft.lon = parse_number(e.lon, "long");
  if (e.loaded) return update_issue(ctx.db(), sdk::organizations(ctx), e.loaded, e.draft);
  e.loaded = create_issue(ctx.db(), sdk::organizations(ctx), e.draft);
  state(ctx).selected = e.loaded;
}

void draw_fields(sdk::Context& ctx, EditorState& e) {
  sdk::ui::InputText(tr("issues.field.title"), e.draft.title);
  if (sdk::ui::BeginCombo(tr("issues.field.category"), e.draft.category)) {
    for (const auto& c : categories(ctx.db(), sdk::organizations(ctx), e.org))
      if (sdk::ui::Selectable(c.name, c.name == e.draft.category)) e.draft.category = c.name;
    ImGui::EndCombo();
  }
  sdk::ui::InputTextMultiline(tr("issues.field.description"), e.draft.description,
                              ImVec2(0, ImGui::GetTextLineHeight() * 3.5f));
  sdk::ui::InputText(tr("issues.field.place"), e.draft.place);
  sdk::ui::InputText(tr("issues.field.landmark"), e.draft.landmark);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  sdk::ui::InputText(tr("issues.field.lat"), e.lat);
  sdk::ui::same_line_if_fits(labelled(ImGui::GetFontSize() * 7, tr("issues.field.long")));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  sdk::ui::InputText(tr("issues.field.long"), e.lon);
  sdk::ui::DateInput(tr("issues.field.date"), e.date);
  sdk::ui::same_line_if_fits(labelled(ImGui::GetFontSize() * 4, tr("issues.field.priority")));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
  if (ImGui::BeginCombo(tr("issues.field.priority"), priority_label(e.draft.priority))) {
    for (int p = kPriorityHigh; p <= kPriorityLow; ++p)
      if (ImGui::Selectable(priority_label(p), p == e.draft.priority)) e.draft.priority = p;
    ImGui::EndCombo();
  }
  if (e.draft.reporter.kind != ReporterKind::Anonymous) {
    ImGui::TextDisabled("%s", tr("issues.reporter_recorded"));
  }
  if (ImGui::Button(e.loaded ? tr("issues.save") : tr("issues.add")))
    write(ctx, tr("issues.saved"), [&] { save(ctx, e); });
}

// The answer to the reason asked for a correction, an undo or a support taken off.
void run_asked(sdk::Context& ctx, EditorState& e, const Issue& i) {
  auto reason = e.reason.draw();
  if (!reason) return;
  const auto asked = e.asking;
  e.asking = EditorState::Asking::Nothing;
  if (asked == EditorState::Asking::Correct)
    write(ctx, tr("issues.status_corrected"), [&] {
      correct_status(ctx.db(), i.id, e.corrected_status, *reason, sdk::today());
      e.corrected_status.clear();
    });
  if (asked == EditorState::Asking::Undo)
    write(ctx, tr("issues.status_corrected"), [&] { undo_status(ctx.db(), i.id, *reason, sdk::today()); });
  if (asked == EditorState::Asking::Unsupport) {
    const Supporter s = e.unsupporting;
    if (write(ctx, {}, [&] { remove_support(ctx.db(), i.id, s.key, *reason); }))
      e.undo.offer(tr("issues.support_removed"), [&ctx, id = i.id, s] { restore_support(ctx.db(), id, s); });
  }
}

// 訂正: a status set by mistake corrected to any other, or the last change taken back.
void draw_correction(sdk::Context& ctx, EditorState& e, const Issue& i) {
  // As wide as its prompt (「訂正後の状況…」) and the arrow, at every font size.
  ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 8, sdk::ui::text_width(tr("issues.correct_to")) +
                                                                 ImGui::GetFrameHeight() +
                                                                 ImGui::GetStyle().FramePadding.x * 2));
  if (ImGui::BeginCombo("##corrected", e.corrected_status.empty() ? tr("issues.correct_to")
                                                                  : status_label(e.corrected_status))) {
    for (const auto& st : statuses())
      if (st != i.status && ImGui::Selectable(status_label(st), st == e.corrected_status))
        e.corrected_status = st;
    ImGui::EndCombo();
  }
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("issues.correct_status")));
  ImGui::BeginDisabled(e.corrected_status.empty());
  if (ImGui::Button(tr("issues.correct_status"))) {
    e.asking = EditorState::Asking::Correct;
    e.reason.open(tr("issues.correct_title"),
                  std::string(status_label(i.status)) + " → " + status_label(e.corrected_status));
  }
  ImGui::EndDisabled();
  if (auto back = previous_status(ctx.db(), i.id)) {
    const std::string label = std::string(tr("issues.undo_status")) + "（→ " + status_label(*back) + "）";
    sdk::ui::same_line_if_fits(sdk::ui::button_width(label));
    if (sdk::ui::Button(label)) {
      e.asking = EditorState::Asking::Undo;
      e.reason.open(tr("issues.undo_title"),
                    std::string(status_label(i.status)) + " → " + status_label(*back));
    }
  }
}

// Who supports the issue, each with 外す (asks why); 元に戻す puts the last one back.
void draw_supporters(sdk::Context& ctx, EditorState& e, const Issue& i) {
  sdk::ui::show_undo(e.undo, state(ctx).message);
  auto members = ctx.services().find<sdk::MemberDirectory>();
  const bool names = members && ctx.access().may_see_personal_data(i.org);
  for (const auto& s : supporters(ctx.db(), i.id)) {
    std::string who = s.guest;
    if (s.household_id) {
      auto h = names ? members->household(ctx.db(), *s.household_id) : std::nullopt;
      who = h ? h->head_name : std::string(tr("issues.member_household"));
    }
    ImGui::PushID(s.key.c_str());
    ImGui::Bullet();
    sdk::ui::Text(who + (s.added_on ? "（" + sdk::format_date_ja(*s.added_on) + "）" : std::string()));
    sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("issues.remove_support")));
    if (ImGui::SmallButton(tr("issues.remove_support"))) {
      e.asking = EditorState::Asking::Unsupport;
      e.unsupporting = s;
      e.reason.open(tr("issues.remove_support_title"), who);
    }
    ImGui::PopID();
  }
}

void draw_status(sdk::Context& ctx, EditorState& e, const Issue& i) {
  ImGui::Text("%s: %s", tr("issues.col.status"), status_label(i.status));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (ImGui::BeginCombo("##next",
                        e.next_status.empty() ? tr("issues.move_to") : status_label(e.next_status))) {
    for (const auto& st : statuses())
      if (can_move(i.status, st) && ImGui::Selectable(status_label(st), st == e.next_status))
        e.next_status = st;
    ImGui::EndCombo();
  }
  sdk::ui::same_line_if_fits(labelled(ImGui::GetFontSize() * 14, tr("issues.note")));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  sdk::ui::InputText(tr("issues.note"), e.note);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("issues.change_status")));
  ImGui::BeginDisabled(e.next_status.empty());
  if (ImGui::Button(tr("issues.change_status")))
    write(ctx, tr("issues.status_changed"), [&] {
      set_status(ctx.db(), i.id, e.next_status, e.note, sdk::today());
      e.next_status.clear(), e.note.clear();
    });
  ImGui::EndDisabled();
  draw_correction(ctx, e, i);
}

void draw_support_and_split(sdk::Context& ctx, EditorState& e, const Issue& i) {
  ImGui::AlignTextToFramePadding();
  ImGui::Text(tr("issues.supporters_fmt"), i.supporters);
  sdk::ui::same_line_if_fits(labelled(ImGui::GetFontSize() * 10, tr("issues.guest")));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  sdk::ui::InputText(tr("issues.guest"), e.guest);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("issues.add_support")));
  if (ImGui::Button(tr("issues.add_support")))
    write(ctx, {}, [&] {
      add_guest_support(ctx.db(), i.id, e.guest);
      e.guest.clear();
    });
  draw_supporters(ctx, e, i);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  int shares[3] = {e.split.self, e.split.mutual, e.split.pub};
  if (ImGui::InputInt3(tr("issues.split"), shares))
    e.split.self = shares[0], e.split.mutual = shares[1], e.split.pub = shares[2];
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("issues.save_split")));
  if (ImGui::Button(tr("issues.save_split")))
    write(ctx, tr("issues.saved"), [&] { set_split(ctx.db(), i.id, e.split); });
}

sdk::Blob read_bytes(const std::string& path) {
  std::string b = sdk::read_input_file(path, sdk::FileKind::Picture, "picture");
  return sdk::Blob(b.begin(), b.end());
}

void draw_photos(sdk::Context& ctx, EditorState& e, const Issue& i) {
  const float edge = ImGui::GetFontSize() * 8;
  bool first = true;
  for (const auto& a : attachments(ctx.db(), i.id)) {
    Texture t = a.kind == "photo" ? photo_texture(ctx, a.id) : Texture{};
    if (!first) sdk::ui::same_line_if_fits(t.id ? edge : sdk::ui::text_width("[" + a.name + "]"));
    first = false;
    if (t.id) {
      float scale = std::min(edge / static_cast<float>(t.width), edge / static_cast<float>(t.height));
      ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t.id)),
                   ImVec2(t.width * scale, t.height * scale));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s)", a.name.c_str(), human_size(a.size).c_str());
    } else {
      sdk::ui::Text("[" + a.name + "]");
    }
  }
  // A photo from a phone (JPEG) or a scan, or a document: chosen in the desktop's dialog.
  sdk::ui::file_field("photo", *e.photo_file, {.title = tr("issues.photo_path")}, e.photo_path);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("issues.add_photo")));
  ImGui::BeginDisabled(e.photo_path.empty());
  const bool add = ImGui::Button(tr("issues.add_photo"));
  ImGui::EndDisabled();
  if (add)
    write(ctx, {}, [&] {
      add_attachment(ctx.db(), i.id, std::filesystem::path(e.photo_path).filename().string(),
                     read_bytes(e.photo_path));
      e.photo_path.clear();
    });
}

void draw_history(sdk::Context& ctx, const Issue& i) {
  for (const auto& h : history(ctx.db(), i.id)) {
    std::string change = h.to_status.empty() ? "" : std::string(status_label(h.to_status)) + "  ";
    ImGui::Bullet();
    sdk::ui::TextWrapped((h.on ? sdk::format_date_ja(*h.on) : std::string(tr("date.unknown"))) + "  " +
                         change + h.note);
  }
}

}  // namespace

void draw_editor_panel(sdk::Context& ctx) {
  refresh(ctx);
  PanelState& s = state(ctx);
  if (s.org == 0) return ImGui::TextUnformatted(tr("issues.choose_org"));
  EditorState& e = editor(ctx);
  if (e.loaded != s.selected || e.org != s.org) load(ctx, e, s.selected, s.org);
  auto issue = e.loaded ? find_issue(ctx.db(), e.loaded) : std::nullopt;
  ImGui::TextUnformatted(issue ? tr("issues.editing") : tr("issues.new_issue"));
  if (issue) {
    const std::string which = "#" + std::to_string(issue->id) + "  " + issue->org_name;
    sdk::ui::same_line_if_fits(sdk::ui::text_width(which));
    sdk::ui::TextDisabled(which);
  }
  sdk::ui::show(s.message);
  draw_fields(ctx, e);
  if (!issue) return;
  sdk::ui::section(tr("issues.section.status"), sdk::ui::Heading::Muted);
  run_asked(ctx, e, *issue);
  draw_status(ctx, e, *issue);
  draw_support_and_split(ctx, e, *issue);
  sdk::ui::section(tr("issues.section.photos"), sdk::ui::Heading::Muted);
  draw_photos(ctx, e, *issue);
  sdk::ui::section(tr("issues.section.history"), sdk::ui::Heading::Muted);
  draw_history(ctx, *issue);
}

}  // namespace wasshoi::issues::ui
