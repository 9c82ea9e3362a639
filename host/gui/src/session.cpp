#include "session.hpp"

#include <cstdlib>
#include <iostream>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/backups.hpp>
#include <wasshoi/host/settings.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/paths.hpp>

namespace wasshoi::gui {

namespace fs = std::filesystem;

namespace {

bool has_content(const fs::path& file) {
  std::error_code ec;
  return fs::is_regular_file(file, ec) && fs::file_size(file, ec) > 0;
}

// The stored language and font size, unless the command line overrides them. Before sign-in the
// settings cannot be read (nothing of the database is, by design): the defaults until then.
void apply_settings(host::App& app, const GuiOptions& o, FontSet& fonts) {
  const bool readable = !app.needs_sign_in();
  const std::string stored_lang = readable ? host::Settings(app.db()).get_or("gui.language", "ja") : "ja";
  const int stored_size =
      readable ? host::Settings(app.db()).get_int("gui.font_size", kDefaultFontSize) : kDefaultFontSize;
  sdk::strings().set_language(!o.lang.empty() ? o.lang : stored_lang);
  fonts.set_size(o.font_size ? o.font_size : stored_size);
}

}  // namespace

Session open_session(const GuiOptions& o) {
  Session s;
  sdk::strings().load_folder(sdk::data_dir() / "i18n");
  if (o.plugins.empty()) sdk::strings().load_folder(sdk::user_data_dir() / "i18n");  // user's plugins
  // With --user the passphrase is checked here: a wrong one ends the program before anything
  // is shown (main prints host core's message).
  s.app = std::make_unique<host::App>(
      host::AppOptions{.db_path = o.db,
                       .plugin_dir = o.plugins,
                       .login = o.user,
                       .passphrase = o.user.empty() ? "" : host::read_passphrase()});
  s.existing_data = has_content(o.db.empty() ? host::default_db_path() : o.db);
  s.app->open_database();
  // The first frame needs only the text it shows (catalogs, names in the database); the common
  // kanji follow once it is up (FontSet::add_japanese_set).
  s.fonts = std::make_unique<FontSet>(GlyphSet::Essentials);
  s.fonts->add_catalog_text(sdk::data_dir() / "i18n");
  if (o.plugins.empty()) s.fonts->add_catalog_text(sdk::user_data_dir() / "i18n");
  apply_settings(*s.app, o, *s.fonts);
  // Signed in on the screen: the officer's stored settings, and the backup that waited for them.
  auto backed_up = s.backed_up;
  auto on_sign_in = [app = s.app.get(), fonts = s.fonts.get(), o, backed_up,
                     existing = s.existing_data](Shell& shell) {
    apply_settings(*app, o, *fonts);
    if (existing && !*backed_up) back_up(*app, shell, *backed_up);
  };
  s.shell = std::make_unique<Shell>(
      *s.app, *s.fonts,
      ShellOptions{.start_org = o.org, .remember = !o.one_shot(), .on_sign_in = std::move(on_sign_in)});
  s.fonts->use_font(find_japanese_font());
  s.atlas = std::make_unique<ImFontAtlas>();
  s.fonts->build(*s.atlas);
  return s;
}

void back_up(host::App& app, Shell& shell, bool& done) {
  done = true;
  try {
    host::automatic_backup(app.db());
  } catch (const std::exception& e) {
    shell.context().notify(std::string(sdk::tr("gui.msg.backup_failed")) + e.what());
  }
}

void after_first_frame(Session& s) {
  s.fonts->add_japanese_set();
  // Only once someone is in: a database with accounts is not read before the sign-in.
  if (s.existing_data && s.shell->signed_in() && !*s.backed_up) back_up(*s.app, *s.shell, *s.backed_up);
}

}  // namespace wasshoi::gui
