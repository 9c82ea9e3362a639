#include "open_database.hpp"

#include <imgui.h>

#include <chrono>
#include <wasshoi/gui/recent_databases.hpp>
#include <wasshoi/sdk/fill.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/platform.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

namespace wasshoi::gui {

namespace fs = std::filesystem;
namespace ui = sdk::ui;
using sdk::tr;
using sdk::tr_fill;

namespace {

// The server's name as the messages say it: このパソコン for the local socket.
std::string server_name(const std::string& host) {
  return host.empty() || host.starts_with('/') ? std::string(tr("gui.recent.this_computer")) : host;
}

// What went wrong with a server, in the officer's words (the form shows libpq's own below).
std::string connection_message(const sdk::ConnectionError& e, const std::string& target) {
  const sdk::ServerAddress a = sdk::parse_server_uri(target);
  const std::string user = a.user.empty() ? sdk::platform::os_user_name() : a.user;
  const std::string host = server_name(a.host);
  using P = sdk::ConnectionError::Problem;
  switch (e.problem()) {
    case P::PasswordNeeded:
      return tr_fill("gui.open.password_needed", {user});
    case P::WrongPassword:
      return tr_fill("gui.open.wrong_password", {user});
    case P::NoDatabase:
      return tr_fill("gui.open.no_database", {host, a.database.empty() ? user : a.database});
    case P::NotAllowed:
      return tr_fill("gui.open.not_allowed", {user, host});
    case P::UnknownHost:
      return tr_fill("gui.open.unknown_host", {host});
    case P::Unreachable:
      return tr_fill("gui.open.unreachable", {host});
    case P::Encryption:
      return tr("gui.open.encryption");
    case P::Other:
      break;
  }
  return tr("gui.open.server_failed");
}

}  // namespace

DatabaseOpener::DatabaseOpener(host::App& app, GuiContext& ctx, const ShellOptions& options)
    : app_(app), ctx_(ctx), open_(options.open_database), recent_(options.recent) {}

DatabaseOpener::~DatabaseOpener() {
  if (opening_.valid()) opening_.wait();  // its App (if it opened) goes with the future
}

std::string DatabaseOpener::current_target() const {
  const fs::path& db = app_.options().db_path;
  return RecentDatabases::normal_form((db.empty() ? host::default_db_path() : db).string());
}

void DatabaseOpener::choose_file() {
  if (!offered() || opening_.valid()) return;
  // Where the database open now is (a file): its neighbours are the likely ones.
  const std::string current = current_target();
  chooser_.open({.mode = ui::FileMode::Open,
                 .title = tr("gui.open.file_title"),
                 .filters = {{tr("gui.open.db_files"), {"*.db", "*.DB", "*.sqlite", "*.sqlite3"}}},
                 .folder = sdk::is_server_target(current) ? fs::path() : fs::path(current).parent_path()});
}

void DatabaseOpener::show_server_form() {
  if (!offered() || opening_.valid()) return;
  // The first time in a run: the server opened last, if any (officers mostly reopen the same one).
  if (!server_.used() && recent_)
    for (const std::string& entry : recent_->entries())
      if (sdk::is_server_target(entry)) {
        server_.open_with(entry);
        return;
      }
  server_.open();
}

void DatabaseOpener::draw_menu_items(bool recent_open) {
  const bool idle = !opening_.valid();
  if (ImGui::MenuItem(tr("gui.menu.open_file"), nullptr, false, idle)) choose_file();
  if (ImGui::MenuItem(tr("gui.menu.open_server"), nullptr, false, idle)) show_server_form();
  if (!recent_) return;
  if (recent_open) ImGui::OpenPopup(tr("gui.menu.recent"));
  if (!ImGui::BeginMenu(tr("gui.menu.recent"), idle && !recent_->entries().empty())) return;
  const std::string current = current_target();
  int n = 0;
  for (const std::string& entry : recent_->entries()) {
    const bool here = entry == current;
    // The one open now is ticked and not offered again.
    if (ui::MenuItem(database_label(entry) + "##recent" + std::to_string(n++), here, !here))
      open_recent(entry);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("%s", ui::display_text(entry).c_str());
  }
  ImGui::EndMenu();
}

void DatabaseOpener::open_recent(const std::string& entry) {
  if (!sdk::is_server_target(entry)) {
    start(entry, Kind::File);
    return;
  }
  // The form, filled in, while the server is tried without a password first: PGPASSFILE or
  // WASSHOI_PASSPHRASE may have it; only when the server asks is the officer asked.
  server_.open_with(entry);
  start(entry, Kind::Server);
}

void DatabaseOpener::start(const std::string& target, Kind kind) {
  if (!offered() || opening_.valid()) return;
  kind_ = kind;
  abandoned_ = false;
  opening_target_ = sdk::server_uri_without_password(target);
  opening_ = std::async(std::launch::async, [open = open_, target] { return open(target); });
  if (kind == Kind::File) {
    file_message_.clear();
    file_pending_ = true;
  }
}

void DatabaseOpener::finish() {
  using namespace std::chrono_literals;
  if (!opening_.valid() || opening_.wait_for(0s) != std::future_status::ready) return;
  try {
    OpenedDatabase opened = opening_.get();
    if (abandoned_) return;  // the officer gave up waiting: closed again here
    if (kind_ == Kind::Server) server_.close();
    if (kind_ == Kind::File) file_message_.clear();
    opened_ = std::move(opened);
  } catch (const std::exception& e) {
    if (!abandoned_) failed(opening_target_, e);
  }
}

void DatabaseOpener::failed(const std::string& target, const std::exception& e) {
  std::string message, detail = e.what();
  if (const auto* c = dynamic_cast<const sdk::ConnectionError*>(&e)) {
    message = connection_message(*c, target);
    detail = c->detail();
  } else if (sdk::is_server_target(target)) {
    message = tr("gui.open.server_failed");
  } else {
    std::error_code ec;
    const bool missing = !fs::exists(target, ec);
    message = tr_fill(missing ? "gui.open.no_file" : "gui.open.file_failed", {target});
    if (missing) detail.clear();
  }
  ctx_.notify(message);
  if (kind_ == Kind::Server) {
    using P = sdk::ConnectionError::Problem;
    const auto* c = dynamic_cast<const sdk::ConnectionError*>(&e);
    const bool ask = c && (c->problem() == P::PasswordNeeded || c->problem() == P::WrongPassword);
    if (!server_.is_open()) server_.open_with(target);
    server_.failed(message, ask && c->problem() == P::PasswordNeeded ? std::string() : detail, ask);
    return;
  }
  file_message_ = detail.empty() ? message : message + "\n" + detail;
}

void DatabaseOpener::draw() {
  if (!offered()) return;
  finish();
  if (auto chosen = chooser_.poll()) start(chosen->string(), Kind::File);
  if (auto uri = server_.draw(opening_.valid() && kind_ == Kind::Server)) start(*uri, Kind::Server);
  if (server_.take_cancelled() && opening_.valid() && kind_ == Kind::Server) abandoned_ = true;
  draw_file_window();
}

// While a file opens (migrating an older one can take a moment), and why it could not be.
void DatabaseOpener::draw_file_window() {
  if (!begin_fitting_modal(tr("gui.open.file_window"), "open_file", file_pending_, file_shown_, 30.0f))
    return;
  const bool opening = opening_.valid() && kind_ == Kind::File;
  if (opening) {
    ui::TextWrapped(tr_fill("gui.open.opening", {database_label(opening_target_)}));
  } else if (!file_message_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::error_colour());
    ui::TextWrapped(file_message_);
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr("gui.open.still_open"));
  }
  ImGui::Spacing();
  // Closed with the button after a failure; on success at once (the window switches).
  if ((!opening && file_message_.empty()) || (!opening && ui::Button(tr("gui.about.close")))) {
    file_shown_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace wasshoi::gui
