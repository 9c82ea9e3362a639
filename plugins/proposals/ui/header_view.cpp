// The top of the editor: what the letter is (件名, 種別, 宛先, 場所), what is still missing, and the
// last message; then, further down, the pictures and the PDF出力. Each button calls one core
// function, the same the CLI's edit, attach, detach and export call.
#include <algorithm>
#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_date.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "core/documents.hpp"
#include "core/lifecycle.hpp"
#include "core/orgs.hpp"
#include "core/proposals.hpp"
#include "ui/state.hpp"

namespace wasshoi::proposals::ui {

using sdk::tr;

namespace {

constexpr const char* kMissingKeys[] = {"proposals.missing.gathering", "proposals.missing.history",
                                        "proposals.missing.actions", "proposals.missing.approval"};

// A submitted 要望書 is what the city received: why it cannot be changed, and what can still be
// recorded (the answer, progress, closing, carrying it over to the next 年度, further photos).
void locked_notice(const Proposal& p) {
  std::string why = tr("proposals.locked");
  if (p.submitted_on) {
    std::string when = tr("proposals.locked_submitted");
    for (auto [mark, value] :
         {std::pair<std::string, std::string>{"{date}", sdk::format_wareki(*p.submitted_on)},
          {"{to}", p.submitted_to}})
      if (auto at = when.find(mark); at != std::string::npos) when.replace(at, mark.size(), value);
    why += when;
  }
  sdk::ui::warning_text(why);
  colored_text(tr(p.state == State::Closed ? "proposals.locked_closed" : "proposals.locked_can"), 0.45f,
               0.45f, 0.45f);
}

std::vector<std::string> labels(const char* group, std::initializer_list<const char*> ids) {
  std::vector<std::string> out;
  for (const char* id : ids) out.push_back(tr(std::string("proposals.") + group + "." + id));
  return out;
}

// The city bodies an addressee can be: the city itself for 市長, its 支所 and 課 otherwise.
std::vector<sdk::OrgRef> bodies_for(sdk::Context& ctx, Addressee a) {
  std::vector<sdk::OrgRef> out;
  for (auto& b : sdk::organizations(ctx).of_kind(ctx.db(), sdk::OrgKind::City))
    if ((a == Addressee::Mayor) == !b.parent) out.push_back(std::move(b));
  return out;
}

void body_combo(sdk::Context& ctx, HeaderForm& h) {
  auto bodies = bodies_for(ctx, static_cast<Addressee>(h.addressee));
  std::vector<std::string> names;
  int current = 0;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    names.push_back(bodies[i].name);
    if (bodies[i].id == h.body) current = static_cast<int>(i);
  }
  if (bodies.empty()) {
    ImGui::TextDisabled("%s", tr("proposals.no_city_bodies"));
    return;
  }
  ImGui::SetNextItemWidth(std::min(em(16), ImGui::GetContentRegionAvail().x * 0.6f));
  combo(tr("proposals.addressee_body"), current, names);
  h.body = bodies[current].id;
}

void header_form(sdk::Context& ctx, EditorState& s) {
  HeaderForm& h = s.header;
  ImGui::SetNextItemWidth(-em(7));
  sdk::ui::InputText(tr("proposals.title_field"), h.title);
  ImGui::SetNextItemWidth(em(8));
  combo(tr("proposals.kind"), h.kind, labels("kind", {"request", "petition", "policy"}));
  sdk::ui::same_line_if_fits(em(8) + ImGui::GetStyle().ItemInnerSpacing.x +
                             sdk::ui::text_width(tr("proposals.addressee")));
  ImGui::SetNextItemWidth(em(8));
  if (combo(tr("proposals.addressee"), h.addressee, labels("addressee", {"mayor", "branch", "department"})))
    h.body = 0;
  body_combo(ctx, h);
  ImGui::SetNextItemWidth(-em(7));
  sdk::ui::InputText(tr("proposals.addressee_person"), h.person);
  ImGui::SetNextItemWidth(-em(7));
  sdk::ui::InputText(tr("proposals.place"), h.place);
  ImGui::SetNextItemWidth(std::min(em(12), ImGui::GetContentRegionAvail().x * 0.6f));
  sdk::ui::InputText(tr("proposals.doc_number"), h.number);
  ImGui::SetNextItemWidth(std::min(em(10), ImGui::GetContentRegionAvail().x * 0.6f));
  sdk::ui::InputText(tr("proposals.contact"), h.contact);
  sdk::ui::same_line_if_fits(em(9) + ImGui::GetStyle().ItemInnerSpacing.x +
                             sdk::ui::text_width(tr("proposals.contact_phone")));
  ImGui::SetNextItemWidth(em(9));
  sdk::ui::InputText(tr("proposals.contact_phone"), h.phone);
  const auto reply_by = sdk::ui::DateInput(tr("proposals.reply_by"), h.reply_by);
  if (ImGui::Button(tr("proposals.save_header")))
    attempt(ctx, s, [&] {
      if (!reply_by.valid)
        throw sdk::InputError(std::string(tr("proposals.reply_by")) + ": '" + h.reply_by + "'");
      update_header(ctx.db(), sdk::organizations(ctx), s.selected,
                    {h.title, static_cast<Kind>(h.kind), static_cast<Addressee>(h.addressee), h.body,
                     h.person, h.place, h.number, h.contact, h.phone, reply_by.date});
      h.loaded = 0;  // refilled from what was stored
    });
}

void summary(sdk::Context& ctx, const Proposal& p) {
  sdk::ui::TextWrapped(p.title + "（" + tr_enum("kind", p.kind) + "）");
  sdk::ui::TextDisabled(std::string(tr("proposals.state")) + " " + tr_enum("state", p.state) + " / " +
                        sdk::format_fiscal_year_ja(p.fiscal_year) + " / " + p.org_name);
  std::string to = addressee_title(ctx.db(), sdk::organizations(ctx), p.addressee, p.addressee_org);
  if (!p.addressee_person.empty()) to += "　" + p.addressee_person;
  sdk::ui::TextWrapped(std::string(tr("proposals.addressee")) + ": " + to + "　様");
  if (!p.place.empty()) sdk::ui::TextWrapped(std::string(tr("proposals.place")) + ": " + p.place);
  if (!p.issues.empty()) {
    std::string issues;
    for (const auto& i : p.issues) issues += (issues.empty() ? "" : "、") + i.title;
    sdk::ui::TextWrapped(std::string(tr("proposals.issues")) + ": " + issues);
  }
}

// 写真　photo.png　夜の北側通学路（12 KB）
std::string picture_line(const Attachment& a) {
  return std::string(tr(a.kind == "map" ? "proposals.attach_kind.map" : "proposals.attach_kind.photo")) +
         "　" + a.name + (a.caption.empty() ? "" : "　" + a.caption) + "（" +
         std::to_string((a.size + 1023) / 1024) + " KB）";
}

// One row per picture with its 削除 in a column of its own, so a long file name or caption
// wraps instead of pushing the button out of sight.
void removable_pictures(EditorState& s, const Proposal& p) {
  if (p.attachments.empty() || !ImGui::BeginTable("pictures", 2)) return;
  ImGui::TableSetupColumn("picture", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("remove", ImGuiTableColumnFlags_WidthFixed);
  for (const auto& a : p.attachments) {
    ImGui::TableNextColumn();
    ImGui::Bullet();
    sdk::ui::TextWrapped(picture_line(a));
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(a.id));
    if (ImGui::SmallButton(tr("proposals.remove"))) s.removing = a.id, s.confirm_remove = true;
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// 削除 asks first, in a modal like the issues plugin's 統合: a picture removed by a slip of the
// mouse would have to be found and attached again.
void confirm_removal(sdk::Context& ctx, EditorState& s) {
  const std::string title = std::string(tr("proposals.remove_picture_title")) + "###remove_picture";
  if (s.confirm_remove) ImGui::OpenPopup(title.c_str()), s.confirm_remove = false;
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const auto& pictures = s.proposal->attachments;
  auto it =
      std::find_if(pictures.begin(), pictures.end(), [&](const Attachment& a) { return a.id == s.removing; });
  if (it != pictures.end()) sdk::ui::Text(picture_line(*it));
  ImGui::TextUnformatted(tr("proposals.remove_picture_help"));
  ImGui::Separator();
  if (ImGui::Button(tr("proposals.remove_picture"))) {
    std::int64_t id = s.removing;
    attempt(ctx, s, [&] { remove_attachment(ctx.db(), s.selected, id); });
    s.removing = 0;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("proposals.cancel"))) s.removing = 0, ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace

void draw_header(sdk::Context& ctx, EditorState& s) {
  const Proposal& p = *s.proposal;
  summary(ctx, p);
  if (editable(p)) {
    if (ImGui::TreeNode(tr("proposals.header"))) {
      header_form(ctx, s);
      ImGui::TreePop();
    }
    for (MissingPart m : missing_parts(p))
      colored_text(tr(kMissingKeys[static_cast<int>(m)]), 0.85f, 0.35f, 0.1f);
  } else {
    locked_notice(p);
  }
  sdk::ui::show(s.message);
  ImGui::Separator();
}

void draw_attachments(sdk::Context& ctx, EditorState& s) {
  if (!ImGui::CollapsingHeader(tr("proposals.attachments"), ImGuiTreeNodeFlags_DefaultOpen)) return;
  const Proposal& p = *s.proposal;
  if (p.attachments.empty()) ImGui::TextDisabled("%s", tr("proposals.no_attachments"));
  if (editable(p)) {
    removable_pictures(s, p);
    confirm_removal(ctx, s);
  } else {
    for (const auto& a : p.attachments) sdk::ui::BulletText(picture_line(a));  // as the city received them
  }  // photos can still be added after submission (docs/proposals.md), not removed
  ImGui::SetNextItemWidth(em(6));
  combo(tr("proposals.attach_kind"), s.attach_kind, labels("attach_kind", {"photo", "map"}));
  sdk::ui::file_field("attach", *s.attach_chooser,
                      {.title = tr("proposals.attach_path"), .filters = {sdk::ui::image_files()}},
                      s.attach_path);
  ImGui::SetNextItemWidth(-em(11));
  sdk::ui::InputText(tr("proposals.caption"), s.attach_caption);
  ImGui::BeginDisabled(sdk::trim(s.attach_path).empty());
  if (ImGui::Button(tr("proposals.attach")))
    attempt(ctx, s, [&] {
      add_attachment_file(ctx.db(), s.selected, s.attach_kind == 1 ? "map" : "photo",
                          sdk::trim(s.attach_path), s.attach_caption);
      s.attach_path.clear(), s.attach_caption.clear();
    });
  ImGui::EndDisabled();
}

// 印刷… and PDFで保存… of the 要望書, named after it; a missing 会長 is said with the confirmation.
void draw_export(sdk::Context& ctx, EditorState& s) {
  const Proposal& p = *s.proposal;
  std::string no_chair;
  const bool done = s.paper.draw(
      s.message,
      sdk::ui::document_file_name({tr("proposals.file_name"), std::to_string(p.id), p.title}, ".pdf"), [&] {
        Signer signer = signer_for(ctx.db(), p, ctx.services().find<sdk::MemberDirectory>().get());
        no_chair = signer.no_chair;
        return request_document(ctx.db(), sdk::organizations(ctx), p, signer);
      });
  if (done && !no_chair.empty()) s.message.text += "\n" + no_chair;
  ImGui::Separator();
}

}  // namespace wasshoi::proposals::ui
