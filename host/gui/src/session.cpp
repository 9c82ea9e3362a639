#include "session.hpp"

#include <wasshoi/host/backups.hpp>
#include <wasshoi/host/settings.hpp>
#include <wasshoi/sdk/i18n.hpp>

namespace wasshoi::gui {

namespace fs = std::filesystem;

namespace {

bool has_content(const fs::path& file) {
  std::error_code ec;
  return fs::is_regular_file(file, ec) && fs::file_size(file, ec) > 0;
}

// The stored language and font size, unless the command line overrides them.
void apply_settings(host::App& app, const GuiOptions& o, FontSet& fonts) {
  host::Settings settings(app.db());
  sdk::strings().set_language(!o.lang.empty() ? o.lang : settings.get_or("gui.language", "ja"));
  fonts.set_size(o.font_size ? o.font_size : settings.get_int("gui.font_size", kDefaultFontSize));
}

}  // namespace

Session open_session(const GuiOptions& o) {
  Session s;
  sdk::strings().load_folder(sdk::program_dir() / "i18n");
  s.app = std::make_unique<host::App>(host::AppOptions{.db_path = o.db, .plugin_dir = o.plugins});
  s.existing_data = has_content(o.db.empty() ? host::default_db_path() : o.db);
  s.app->open_database();
  // The first frame needs only the text it shows (catalogs, names in the database); the common
  // kanji follow once it is up (FontSet::add_japanese_set).
  s.fonts = std::make_unique<FontSet>(GlyphSet::Essentials);
  s.fonts->add_catalog_text(sdk::program_dir() / "i18n");
  apply_settings(*s.app, o, *s.fonts);
  s.shell =
      std::make_unique<Shell>(*s.app, *s.fonts, ShellOptions{.start_org = o.org, .remember = !o.one_shot()});
  s.fonts->use_font(find_japanese_font());
  s.atlas = std::make_unique<ImFontAtlas>();
  s.fonts->build(*s.atlas);
  return s;
}

void back_up(Session& s) {
  try {
    host::automatic_backup(s.app->db());
  } catch (const std::exception& e) {
    s.shell->context().notify(std::string(sdk::tr("gui.msg.backup_failed")) + e.what());
  }
}

}  // namespace wasshoi::gui
