#include <wasshoi/gui/workspace.hpp>
#include <wasshoi/host/backups.hpp>
#include <wasshoi/host/settings.hpp>
#include <wasshoi/sdk/fill.hpp>
#include <wasshoi/sdk/i18n.hpp>

namespace wasshoi::gui {

namespace fs = std::filesystem;

namespace {

bool has_content(const fs::path& file) {
  std::error_code ec;
  return fs::is_regular_file(file, ec) && fs::file_size(file, ec) > 0;
}

}  // namespace

OpenedDatabase open_database(const std::string& target, const fs::path& plugins, bool create,
                             const std::string& login, const std::string& passphrase) {
  OpenedDatabase o;
  o.target = target.empty() ? host::default_db_path().string() : target;
  o.existing_data = !sdk::is_server_target(o.target) && has_content(o.target);
  o.app = std::make_unique<host::App>(host::AppOptions{
      .db_path = target, .plugin_dir = plugins, .create = create, .login = login, .passphrase = passphrase});
  o.app->open_database();
  return o;
}

Workspace::Workspace(OpenedDatabase first, FontSet& fonts, WorkspaceOptions options)
    : fonts_(fonts), options_(std::move(options)), recent_(options_.recent_file) {
  recent_.load();
  app_ = std::move(first.app);
  existing_data_ = first.existing_data;
  apply_settings();
  shell_ = make_shell(*app_, options_.start_org);
  remember(first.target);
}

Workspace::~Workspace() {
  shell_.reset();  // waits for a passphrase check or an opening still running; uses the App
}

std::unique_ptr<Shell> Workspace::make_shell(host::App& app, sdk::OrgId start_org) {
  // Signed in on the screen: the officer's stored settings, and the backup that waited for them.
  auto on_sign_in = [this](Shell&) {
    apply_settings();
    if (existing_data_ && !backed_up_) back_up();
  };
  // Another database from the ファイル menu: opened as --db opens one, but a file must exist (a
  // recent one that was moved is not made again, empty).
  auto open = [plugins = options_.plugins](const std::string& target) {
    return open_database(target, plugins, /*create=*/false);
  };
  return std::make_unique<Shell>(app, fonts_,
                                 ShellOptions{.start_org = start_org,
                                              .remember = options_.remember,
                                              .on_sign_in = std::move(on_sign_in),
                                              .open_database = std::move(open),
                                              .recent = &recent_});
}

void Workspace::draw_frame() {
  shell_->draw_frame();
  if (auto opened = shell_->take_opened_database()) switch_to(std::move(*opened));
}

void Workspace::switch_to(OpenedDatabase opened) {
  std::unique_ptr<Shell> shell;
  try {
    shell = make_shell(*opened.app, 0);
  } catch (const std::exception& e) {  // its organizations could not be read: the one open now stays
    shell_->context().notify(std::string(sdk::tr("gui.open.failed")) + " " + e.what());
    return;
  }
  // The database open now closes as it does when the program ends: its Shell (the panels and
  // what they hold, a passphrase check that still runs), then its App (the plugins, then the
  // connection). Every setting was stored when it was changed.
  shell_ = std::move(shell);
  app_ = std::move(opened.app);
  existing_data_ = opened.existing_data;
  backed_up_ = false;
  // Before a sign-in the window keeps its language and size (nothing of the database is read).
  if (!app_->needs_sign_in()) apply_settings();
  remember(opened.target);
  if (existing_data_ && shell_->signed_in()) back_up();
  if (shell_->context().last_message().empty())
    shell_->context().notify(sdk::tr_fill("gui.msg.database_opened",
                                          {database_label(RecentDatabases::normal_form(opened.target))}));
}

// The stored language and font size, unless the command line overrides them. Before sign-in the
// settings cannot be read (nothing of the database is, by design): the defaults until then.
void Workspace::apply_settings() {
  const bool readable = !app_->needs_sign_in();
  const std::string stored_lang =
      readable ? host::Settings(app_->db()).get_or("gui.language", "ja") : std::string("ja");
  const int stored_size =
      readable ? host::Settings(app_->db()).get_int("gui.font_size", kDefaultFontSize) : kDefaultFontSize;
  sdk::strings().set_language(!options_.lang.empty() ? options_.lang : stored_lang);
  fonts_.set_size(options_.font_size ? options_.font_size : stored_size);
}

void Workspace::back_up() {
  backed_up_ = true;
  try {
    host::automatic_backup(app_->db());
  } catch (const std::exception& e) {
    shell_->context().notify(std::string(sdk::tr("gui.msg.backup_failed")) + e.what());
  }
}

void Workspace::after_first_frame() {
  // Only once someone is in: a database with accounts is not read before the sign-in.
  if (existing_data_ && shell_->signed_in() && !backed_up_) back_up();
}

// 最近開いたデータベース, without a password; one-shot runs (screenshots) leave it alone.
void Workspace::remember(const std::string& target) {
  if (!options_.remember) return;
  try {
    recent_.add(target);
  } catch (const sdk::Error& e) {
    shell_->context().notify(e.what());
  }
}

}  // namespace wasshoi::gui
