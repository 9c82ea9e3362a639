#pragma once
// サーバーのデータベースを開く: the modal form for a PostgreSQL server — サーバー, ポート,
// データベース名, ユーザー名, パスワード (masked), 暗号化 (sslmode: 証明書を確かめる, verify-full,
// unless the server is this computer) and, when the certificate is checked, 認証局の証明書 (the
// office's CA, through the desktop's file dialog). 接続 gives the URI; the owner opens it on a
// second thread and tells the form how it went: a failure is said in the form, which stays open.
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include <wasshoi/sdk/server_uri.hpp>
#include <wasshoi/sdk/ui_file.hpp>

namespace wasshoi::gui {

// A modal window as sdk::ui::begin_modal opens one (centred, `width_em` wide, `pending` opens it,
// `shown` says whether it is), but as high as what it shows on every frame (a message, a field
// that appears), up to the screen's height.
bool begin_fitting_modal(const std::string& title, const char* id, bool& pending, bool& shown,
                         float width_em);

class ServerForm {
 public:
  ~ServerForm();

  // Opens the form with the fields as they were last (the password always empty).
  void open();
  // Opens it filled in from `uri` (a recent server, kept without its password).
  void open_with(const std::string& uri);
  bool is_open() const { return pending_ || shown_; }
  // Whether it was opened before in this run (its fields hold what was typed then).
  bool used() const { return used_; }

  // Draws the form while it is open; `connecting`: an opening runs (fields greyed, 接続中…).
  // Returns the URI on the frame 接続 is pressed (or Enter in the password field): with the
  // password typed, if any, which the form then forgets.
  std::optional<std::string> draw(bool connecting);
  // True once after やめる (or Esc) closed the form.
  bool take_cancelled() { return std::exchange(cancelled_, false); }
  // How the last 接続 went: `message` in the form (red), `detail` (libpq's words) under it;
  // `ask_password` puts the keyboard in the password field.
  void failed(std::string message, std::string detail, bool ask_password);
  // The database is open: the form closes (on its next draw).
  void close();

 private:
  // True when Enter was pressed in the password field.
  bool draw_fields(bool connecting);
  void draw_encryption(float column);
  std::string uri_without_password() const;
  bool local() const { return sdk::is_local_server(host_); }

  std::string host_, port_, database_, user_, password_, ca_file_;
  std::string sslmode_;  // empty: not chosen, follows the host (verify-full unless local)
  std::vector<std::pair<std::string, std::string>> others_;  // a recent URI's other parameters
  std::pair<std::string, std::string> others_for_;           // … of that host and database
  std::string message_, detail_;
  bool pending_ = false, shown_ = false, closing_ = false, cancelled_ = false, used_ = false;
  bool focus_host_ = false, focus_password_ = false;
  sdk::ui::FileChooser ca_chooser_;
};

}  // namespace wasshoi::gui
