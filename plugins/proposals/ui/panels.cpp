#include "ui/panels.hpp"

#include <algorithm>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/text.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "core/documents.hpp"
#include "core/proposals.hpp"
#include "ui/state.hpp"

namespace wasshoi::proposals {

namespace ui {

EditorState& editor_state(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<EditorState> state;
  return state.get(ctx);
}

void reload(sdk::Context& ctx, EditorState& s) {
  s.proposal.reset();
  s.document.reset();
  s.preview_error.clear();
  if (s.selected == 0) return;
  s.proposal = find_proposal(ctx.db(), sdk::organizations(ctx), s.selected);
  if (!s.proposal) return;
  if (s.header.loaded != s.selected) {
    const Proposal& p = *s.proposal;
    s.header = {p.id,
                p.title,
                p.addressee_person,
                p.place,
                static_cast<int>(p.kind),
                static_cast<int>(p.addressee),
                p.addressee_org,
                p.doc_number,
                p.contact_name,
                p.contact_phone,
                p.reply_by ? p.reply_by->iso() : std::string()};
  }
  auto signer = signer_for(ctx.db(), *s.proposal, ctx.services().find<sdk::MemberDirectory>().get());
  try {
    s.document = request_document(ctx.db(), sdk::organizations(ctx), *s.proposal, signer);
  } catch (const sdk::Error& e) {  // e.g. a damaged picture: the editor stays usable to fix it
    s.preview_error = e.what();
  }
}

bool combo(const char* label, int& current, const std::vector<std::string>& items) {
  if (items.empty()) return false;
  current = std::clamp(current, 0, static_cast<int>(items.size()) - 1);
  bool changed = false;
  if (sdk::ui::BeginCombo(label, items[current])) {
    for (int i = 0; i < static_cast<int>(items.size()); ++i)
      if (sdk::ui::Selectable(items[i] + "##" + std::to_string(i), i == current)) current = i, changed = true;
    ImGui::EndCombo();
  }
  return changed;
}

float em(float n) {
  return n * ImGui::GetFontSize();
}

void colored_text(const std::string& text, float r, float g, float b) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(r, g, b, 1));
  sdk::ui::TextWrapped(text);
  ImGui::PopStyleColor();
}

std::string wareki_text(const std::optional<sdk::Date>& d) {
  return d ? sdk::format_wareki(*d) : std::string(sdk::tr("date.unknown"));
}

sdk::Date form_date(const std::string& text) {
  if (text.empty()) return sdk::today();
  auto d = sdk::parse_date(text);
  if (!d) throw sdk::InputError(text + " is not a date (2026-05-10, 令和8年5月10日 …)");
  return *d;
}

bool attempt(sdk::Context& ctx, EditorState& s, const std::function<void()>& write) {
  const bool written = sdk::ui::run_action(s.message, {}, [&] {
    write();
    for (auto& t : s.text) t.clear();
  });
  reload(ctx, s);
  return written;
}

}  // namespace ui

void register_panels(sdk::Registry& registry) {
  registry.add_panel({"proposals.editor", "proposals.editor.title", ui::draw_editor});
  registry.add_panel({"proposals.dashboard", "proposals.dashboard.title", ui::draw_dashboard});
  registry.add_glyph_source([](sdk::Database& db) {
    std::string text;
    sdk::Statement st(db, "SELECT title || place FROM proposals_proposals");
    while (st.step()) text += st.get_text(0);
    sdk::Statement h(db, "SELECT text FROM proposals_history UNION ALL SELECT text FROM proposals_actions");
    while (h.step()) text += h.get_text(0);
    return text;
  });
}

}  // namespace wasshoi::proposals
