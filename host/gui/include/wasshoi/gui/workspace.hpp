#pragma once
// The window's content over time: one database open at a time — its host::App and the Shell
// drawn over it — and the switch to another one chosen in the ファイル menu (データベースファイルを
// 開く…, サーバーのデータベースを開く…, 最近開いたデータベース). The other database is opened while
// this one stays open (on a second thread, through open_database(), the code --db goes through);
// only once it is open does this one close, as it closes when the program ends, and a new Shell
// take its place: the sign-in screen when the database has officer accounts, else its
// organizations. A failed opening changes nothing here. Knows nothing of GLFW or OpenGL, so the
// tests drive it headless.
#include <filesystem>
#include <memory>
#include <string>
#include <wasshoi/gui/fonts.hpp>
#include <wasshoi/gui/recent_databases.hpp>
#include <wasshoi/gui/shell.hpp>

namespace wasshoi::gui {

// Opens `target` as `wasshoi --db` does: a host::App with the plugins of `plugins` (empty: the
// installed ones and the user's), the database (a file, or a postgresql:// server), host core's
// and every plugin's migrations; with `login` (--user) signed in. `create`: a missing file is
// made (the --db of a start, the default database); else it is refused, naming the file. Throws
// what host::App throws: sdk::InputError for a bad file, sdk::ConnectionError for a server.
OpenedDatabase open_database(const std::string& target, const std::filesystem::path& plugins, bool create,
                             const std::string& login = {}, const std::string& passphrase = {});

struct WorkspaceOptions {
  std::filesystem::path plugins;  // --plugins; empty: the installed plugins and the user's
  sdk::OrgId start_org = 0;       // --org, for the database opened at start only
  bool remember = true;           // store settings and the recent list (not in one-shot runs)
  std::string lang;               // --lang; empty: the database's stored setting
  int font_size = 0;              // --font-size; 0: the database's stored setting
  std::filesystem::path recent_file = recent_databases_file();
};

class Workspace {
 public:
  // `first`: the database of the start (--db), open already.
  Workspace(OpenedDatabase first, FontSet& fonts, WorkspaceOptions options = {});
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // One frame of the Shell; when the ファイル menu has opened another database, the switch to
  // it, after the frame.
  void draw_frame();
  bool quit_requested() const { return shell_->quit_requested(); }
  bool busy() const { return shell_->busy(); }
  Shell& shell() { return *shell_; }
  host::App& app() { return *app_; }
  const RecentDatabases& recent() const { return recent_; }

  // Once the window shows its first frame: the automatic backup of a database that had data,
  // when someone is in (else on sign-in). Never twice for one database.
  void after_first_frame();

 private:
  std::unique_ptr<Shell> make_shell(host::App& app, sdk::OrgId start_org);
  void switch_to(OpenedDatabase opened);
  void apply_settings();
  void back_up();
  void remember(const std::string& target);

  FontSet& fonts_;
  WorkspaceOptions options_;
  RecentDatabases recent_;
  std::unique_ptr<host::App> app_;  // declared before the Shell: it goes after it
  std::unique_ptr<Shell> shell_;
  bool existing_data_ = false;  // the database had content before it was opened (back it up)
  bool backed_up_ = false;
};

}  // namespace wasshoi::gui
