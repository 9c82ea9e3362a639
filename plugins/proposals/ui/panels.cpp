#include "ui/panels.hpp"

#include "core/documents.hpp"
#include "core/proposals.hpp"
#include "ui/state.hpp"

#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::proposals {

namespace ui {

EditorState& editor_state() {
  static EditorState state;
  return state;
}

namespace {
// The Markdown of the document read as plain text: no #, ** or blank-line runs.
std::string plain(const std::string& md) {
  std::string out, line;
  std::size_t blank = 0;
  for (std::size_t i = 0; i <= md.size(); ++i) {
    if (i < md.size() && md[i] != '\n') {
      line += md[i];
      continue;
    }
    while (line.starts_with("#")) line.erase(0, 1);
    for (auto at = line.find("**"); at != std::string::npos; at = line.find("**")) line.erase(at, 2);
    line = sdk::trim(line) == "" ? "" : line;
    blank = line.empty() ? blank + 1 : 0;
    if (blank < 2) out += line + "\n";
    line.clear();
  }
  return out;
}
}  // namespace

void reload(sdk::Context& ctx, EditorState& s) {
  s.proposal.reset();
  s.preview.clear();
  if (s.selected == 0) return;
  s.proposal = find_proposal(ctx.db(), s.selected);
  if (!s.proposal) return;
  auto signer = signer_for(ctx.db(), *s.proposal, ctx.services().find<sdk::MemberDirectory>().get());
  s.preview = plain(request_preview(ctx.db(), *s.proposal, signer));
}

sdk::Date form_date(const std::string& text) {
  if (text.empty()) return sdk::today();
  auto d = sdk::parse_date(text);
  if (!d) throw sdk::InputError(text + " is not a date (2026-05-10, 令和8年5月10日 …)");
  return *d;
}

void attempt(sdk::Context& ctx, EditorState& s, const std::function<void()>& write) {
  try {
    write();
    s.message.clear();
    for (auto& t : s.text) t.clear();
  } catch (const sdk::Error& e) {
    s.message = e.what();
  }
  reload(ctx, s);
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
