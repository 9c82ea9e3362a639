// Panel windows: the host opens each window, the plugin draws its content. A panel that throws
// (or leaves ImGui unbalanced) is closed cleanly and its plugin is marked failed; the frame and
// the program go on. A busy database (another program writing past the timeout) only says so.
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "labels.hpp"
#include "panel_recovery.hpp"

namespace wasshoi::gui {

using sdk::tr;

void Shell::draw_panels(const Layout& l) {
  for (const auto& [record, panel] : org_panels()) {
    // A plugin disabled earlier in this frame keeps its contributions but is drawn no more.
    if (record->state != host::PluginState::Loaded) continue;
    if (is_open(panel->id)) draw_plugin_panel(*record, *panel, l);
  }
  for (const auto& p : host_panels_) {
    if (!is_open(p.id)) continue;
    if (!offered(p)) {  // another organization, or signed in as someone who may not
      open_[p.id] = false;
      continue;
    }
    if (begin_panel_window(p.id, p.title_key, l)) p.draw();
    ImGui::End();
  }
  focus_.clear();
}

bool Shell::begin_panel_window(const std::string& id, const std::string& title_key, const Layout& l) {
  // Each panel opens filling the main area; the sidebar brings the one wanted to the front.
  ImGui::SetNextWindowPos(l.main_pos, ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(l.main_size, ImGuiCond_Appearing);
  if (focus_ == id) ImGui::SetNextWindowFocus();
  // "###id": the window stays the same when the language (and so the title) changes.
  const std::string title = std::string(tr(title_key)) + "###" + id;
  bool open = true;
  const bool visible = ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse);
  if (!open) open_[id] = false;
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) front_ = id;
  return visible;
}

void Shell::draw_plugin_panel(const host::PluginRecord& owner, const sdk::Panel& panel, const Layout& l) {
  const bool visible = begin_panel_window(panel.id, panel.title_key, l);
  ImGuiWindow* window = current_window();
  std::string error;
  if (visible && !enter_for(owner.id)) {
    ImGui::End();
    open_[panel.id] = false;
    return;
  }
  bool busy = false;
  std::string refused;
  if (visible) {
    try {
      panel.draw(ctx_);
    } catch (const sdk::BusyError&) {
      busy = true;  // another program is writing: not the plugin's fault, and nothing was written
    } catch (const sdk::Error& e) {
      // The plugin telling the officer something (bad input, not permitted): a message, as the
      // CLI's exit 1, never the plugin's failure. Its transaction has rolled back.
      refused = e.what();
    } catch (const std::exception& e) {
      error = e.what();
    } catch (...) {
      error = "an exception that is not a std::exception";
    }
  }
  const bool balanced = recover_window(window);
  ImGui::End();
  if (busy)
    ctx_.notify(tr("cli.busy"));
  else if (!refused.empty())
    ctx_.notify(refused);  // the window was recovered above, as after a busy database
  else if (!error.empty())
    fail_plugin(owner.id, "panel " + panel.id + " threw: " + error);
  else if (!balanced)
    fail_plugin(owner.id,
                "panel " + panel.id + " left ImGui unbalanced (a Begin or Push without its End or Pop)");
}

void Shell::fail_plugin(const std::string& id, const std::string& reason) {
  app_.plugins().disable(id, reason);
  ctx_.notify(std::string(tr("gui.msg.plugin_failed")) + id);
  show_panel(kPluginsPanel);  // the reason, where the stopped panel was
}

void Shell::draw_plugins_table() {
  sdk::ui::TextWrapped(std::string(tr("gui.plugins.folder")) + app_.options().plugin_dir.string());
  if (app_.options().plugin_dir == host::default_plugin_dir())  // the installed ones: the user's too
    sdk::ui::TextWrapped(std::string(tr("gui.plugins.user_folder")) + host::user_plugin_dir().string());
  ImGui::Spacing();
  constexpr ImGuiTableFlags kFlags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("plugins", 5, kFlags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  // What an officer reads first: the feature's name and whether it works; the technical part last.
  ImGui::TableSetupColumn(tr("gui.plugins.name"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(tr("gui.plugins.state"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(tr("gui.plugins.reason"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr("gui.plugins.version"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(tr("gui.plugins.id"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  for (const auto& r : app_.plugins().plugins()) {
    const bool loaded = r.state == host::PluginState::Loaded;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    sdk::ui::Text(plugin_name(r));
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text,
                          loaded ? ImVec4(0.05f, 0.45f, 0.15f, 1) : ImVec4(0.75f, 0.05f, 0.05f, 1));
    ImGui::TextUnformatted(tr(loaded ? "gui.plugins.loaded" : "gui.plugins.failed"));
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    sdk::ui::TextWrapped(r.reason);
    ImGui::TableNextColumn();
    sdk::ui::Text(r.info.version);
    ImGui::TableNextColumn();
    sdk::ui::Text(r.id);
  }
  ImGui::EndTable();
}

}  // namespace wasshoi::gui
