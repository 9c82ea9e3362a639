#include "session.hpp"

#include <wasshoi/host/accounts.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/paths.hpp>

namespace wasshoi::gui {

Session open_session(const GuiOptions& o) {
  Session s;
  sdk::strings().load_folder(sdk::data_dir() / "i18n");
  if (o.plugins.empty()) sdk::strings().load_folder(sdk::user_data_dir() / "i18n");  // user's plugins
  // With --user the passphrase is checked here: a wrong one ends the program before anything
  // is shown (main prints host core's message).
  OpenedDatabase first = open_database(o.db.string(), o.plugins, /*create=*/true, o.user,
                                       o.user.empty() ? "" : host::read_passphrase());
  // The first frame needs only the text it shows (catalogs, names in the database); the common
  // kanji follow once it is up (FontSet::add_japanese_set).
  s.fonts = std::make_unique<FontSet>(GlyphSet::Essentials);
  s.fonts->add_catalog_text(sdk::data_dir() / "i18n");
  if (o.plugins.empty()) s.fonts->add_catalog_text(sdk::user_data_dir() / "i18n");
  s.workspace = std::make_unique<Workspace>(std::move(first), *s.fonts,
                                            WorkspaceOptions{.plugins = o.plugins,
                                                             .start_org = o.org,
                                                             .remember = !o.one_shot(),
                                                             .lang = o.lang,
                                                             .font_size = o.font_size});
  s.fonts->use_font(find_japanese_font());
  s.atlas = std::make_unique<ImFontAtlas>();
  s.fonts->build(*s.atlas);
  return s;
}

void after_first_frame(Session& s) {
  s.fonts->add_japanese_set();
  s.workspace->after_first_frame();
}

}  // namespace wasshoi::gui
