#pragma once
// The sign-in screen (サインイン), drawn instead of the shell while a database with officer
// accounts is not signed in to. Host core checks the passphrase (App::sign_in, Argon2id: 0.1–0.5 s)
// on a second thread, so the window keeps drawing and says 確認中… meanwhile. A refusal is the one
// message for a wrong login and a wrong passphrase alike.
#include <future>
#include <string>
#include <wasshoi/host/app.hpp>

namespace wasshoi::gui {

class SignInScreen {
 public:
  explicit SignInScreen(host::App& app) : app_(app) {}
  ~SignInScreen();  // waits for a check still running: it uses the App
  SignInScreen(const SignInScreen&) = delete;
  SignInScreen& operator=(const SignInScreen&) = delete;

  // Draws the screen over the whole window. True on the frame the officer got in (the App is
  // signed in from then on).
  bool draw();
  // A passphrase is being checked: the window keeps drawing frames to show the answer promptly.
  bool checking() const { return check_.valid(); }
  // Empty fields, no message: the screen as after サインアウト.
  void reset();
  // What the screen tells the user (a refusal), empty when nothing.
  const std::string& message() const { return message_; }

 private:
  // How a check ended.
  struct Outcome {
    enum { In, Refused, Failed } result = Refused;  // Refused: wrong login or passphrase
    std::string error;                              // Failed: why (database busy …), host core's words
  };
  bool take_outcome();
  void submit();
  void draw_form();

  host::App& app_;
  std::string login_, passphrase_, message_;
  std::future<Outcome> check_;
  bool focus_login_ = true, focus_passphrase_ = false;
};

}  // namespace wasshoi::gui
