// wasshoi: the desktop application. Opens the database (before any window, so a bad --db fails
// fast with nothing written), backs it up, then runs the ImGui shell in a GLFW window.
#include <iostream>
#include <wasshoi/gui/fonts.hpp>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/host/backups.hpp>
#include <wasshoi/host/settings.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "options.hpp"
#include "window.hpp"

namespace fs = std::filesystem;
using namespace wasshoi;

namespace {

bool has_content(const fs::path& file) {
  std::error_code ec;
  return fs::is_regular_file(file, ec) && fs::file_size(file, ec) > 0;
}

// Reads the stored language and font size unless the command line overrides them.
void apply_settings(host::App& app, const gui::GuiOptions& o, gui::FontSet& fonts) {
  host::Settings settings(app.db());
  sdk::strings().set_language(!o.lang.empty() ? o.lang : settings.get_or("gui.language", "ja"));
  fonts.set_size(o.font_size ? o.font_size : settings.get_int("gui.font_size", gui::kDefaultFontSize));
}

// The automatic backup of an existing database. It waits for the first frame (it takes as long
// as the window itself on a small database, mostly in fsync) and runs before the user can
// change anything.
void back_up(host::App& app, gui::Shell& shell) {
  try {
    host::automatic_backup(app.db());
  } catch (const std::exception& e) {
    shell.context().notify(std::string(sdk::tr("gui.msg.backup_failed")) + e.what());
  }
}

// Lists what --panel accepts when the given id is not among them.
int unknown_panel(gui::Shell& shell, const std::string& id) {
  std::cerr << "wasshoi: no panel '" << id << "' for this organization; available:";
  for (const auto& p : shell.panel_ids()) std::cerr << " " << p;
  std::cerr << "\n";
  return 1;
}

int run(const gui::GuiOptions& o, std::chrono::steady_clock::time_point started) {
  sdk::strings().load_folder(sdk::program_dir() / "i18n");
  host::App app(host::AppOptions{.db_path = o.db, .plugin_dir = o.plugins});
  const bool existing = has_content(o.db.empty() ? host::default_db_path() : o.db);
  app.open_database();
  // The first frame needs only the text it shows; the common kanji follow once it is up. The
  // font file itself is found while the window opens (run_window).
  gui::FontSet fonts(gui::GlyphSet::Essentials);
  fonts.add_catalog_text(sdk::program_dir() / "i18n");
  apply_settings(app, o, fonts);
  gui::Shell shell(app, fonts, gui::ShellOptions{.start_org = o.org, .remember = !o.one_shot()});
  if (!o.panel.empty() && !shell.show_panel(o.panel)) return unknown_panel(shell, o.panel);
  return gui::run_window(shell, fonts,
                         gui::WindowOptions{.screenshot = o.screenshot,
                                            .frames = o.frames,
                                            .exit_after_first_frame = o.exit_after_first_frame,
                                            .started = started,
                                            .after_first_frame = [&] {
                                              fonts.add_japanese_set();
                                              if (existing) back_up(app, shell);
                                            }});
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  gui::GuiOptions options;
  if (int code = gui::parse_options(argc, argv, options); code >= 0) return code;
  try {
    return run(options, started);
  } catch (const std::exception& e) {
    // Bad --db (missing folder, not SQLite, corrupt), unreadable catalogs: say so and stop.
    std::cerr << "wasshoi: " << e.what() << "\n";
    return 1;
  }
}
