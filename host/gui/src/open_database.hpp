#pragma once
// ファイル → データベースファイルを開く… / サーバーのデータベースを開く… / 最近開いたデータベース:
// choosing another database for the window. The choice is opened on a second thread through the
// same code as --db (ShellOptions::open_database: host::App, the migrations of host core and
// the plugins), while the window keeps drawing the database open now; only once the other one is
// open does the owner (gui::Workspace) close this one and switch. A failure leaves everything as
// it was and is said in Japanese: in the server form (which stays open) or in a small window.
#include <future>
#include <optional>
#include <string>
#include <wasshoi/gui/gui_context.hpp>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "server_form.hpp"

namespace wasshoi::gui {

class DatabaseOpener {
 public:
  DatabaseOpener(host::App& app, GuiContext& ctx, const ShellOptions& options);
  ~DatabaseOpener();  // waits for an opening still running, then closes what it opened
  DatabaseOpener(const DatabaseOpener&) = delete;
  DatabaseOpener& operator=(const DatabaseOpener&) = delete;

  // Whether the window can switch databases at all (an owner gave ShellOptions::open_database).
  bool offered() const { return static_cast<bool>(open_); }
  // The ファイル menu's three items; `recent_open`: the submenu opened without the mouse
  // (--panel host.file_menu, for screenshots).
  void draw_menu_items(bool recent_open);
  // Every frame: the file dialog, the server form, how an opening went.
  void draw();
  // サーバーのデータベースを開く… (--panel host.open_server).
  void show_server_form();
  // Something of it is on screen or running (the welcome waits meanwhile).
  bool showing() const {
    return server_.is_open() || chooser_.is_open() || opening_.valid() || file_pending_ || file_shown_;
  }
  // Opens the desktop's file dialog for a database file (ファイル → データベースファイルを開く…).
  void choose_file();
  // An opening runs: the window keeps drawing to show its outcome promptly.
  bool busy() const { return opening_.valid(); }
  std::optional<OpenedDatabase> take_opened() { return std::exchange(opened_, std::nullopt); }

 private:
  enum class Kind { File, Server };
  void start(const std::string& target, Kind kind);
  void finish();
  void failed(const std::string& target, const std::exception& e);
  void open_recent(const std::string& entry);
  void draw_file_window();
  std::string current_target() const;

  host::App& app_;
  GuiContext& ctx_;
  std::function<OpenedDatabase(const std::string&)> open_;
  const RecentDatabases* recent_;
  sdk::ui::FileChooser chooser_;
  ServerForm server_;

  std::future<OpenedDatabase> opening_;
  Kind kind_ = Kind::File;
  std::string opening_target_;  // as shown: without a password
  bool abandoned_ = false;      // the form was closed meanwhile: what opens is closed again
  std::optional<OpenedDatabase> opened_;

  // The small window of a file being opened, and of why it could not be.
  std::string file_message_;
  bool file_pending_ = false, file_shown_ = false;
};

}  // namespace wasshoi::gui
