// Another database opened from the window's ファイル menu (データベースファイルを開く…, サーバーの
// データベースを開く…, 最近開いたデータベース), clicked and typed as an officer does, the whole window
// (gui::Workspace) drawn headless: the roster of the other file shown, the file before closed
// cleanly, a failure said while the database open stays in use, the recent list (0600, in
// $XDG_DATA_HOME, never a password), a database with accounts opening on the sign-in screen.
// With WASSHOI_TEST_DB set to a PostgreSQL server (docs/engines.md) the server form connects to a
// database made for the test, with and without the password scripts/start-postgres.sh's role
// must give. Real plugins from bin/plugins, real SQLite files, real libpq.
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <random>
#include <thread>
#include <wasshoi/gui/recent_databases.hpp>
#include <wasshoi/gui/workspace.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/server_uri.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "scratch_db.hpp"
#include "shell_driver.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

// A 自治会 with one 班 and the households given, made as an import would (wasshoi-cli).
void make_roster(const fs::path& db, const std::string& name, std::initializer_list<const char*> households) {
  sdk::OrgId org = 0;
  {
    host::App app{host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"}};
    app.open_database();
    org = app.add_organization(host::OrgKind::Jichikai, name, std::nullopt);
    app.orgs().add_han(org, "1班");
  }
  for (const char* household : households) {
    auto r = test::run_cli({"--db", db.string(), "--org", std::to_string(org), "members", "household", "add",
                            "--name", household, "--han", "1"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
}

// Two 自治会' files, made once (plugins migrate, households through the CLI) and copied per test.
struct Files {
  test::TempDir dir;
  fs::path first = dir / "daiichi.db", second = dir / "daini.db";
  Files() {
    make_roster(first, "山目第一自治会", {"青木　一郎", "井上　二郎"});
    make_roster(second, "山目第二自治会", {"山本　花子"});
  }
};

const Files& files() {
  static const Files f;
  return f;
}

bool same_text(std::string screen, std::string text) {
  for (std::string* x : {&screen, &text}) {
    std::erase(*x, ' ');
    for (auto at = x->find("\u3000"); at != std::string::npos; at = x->find("\u3000", at)) x->erase(at, 3);
  }
  return screen.find(text) != std::string::npos;
}

// The window on a copy of the first file, with a Wasshoi folder of its own ($XDG_DATA_HOME).
struct Window : test::ShellDriver {
  test::TempDir dir;
  fs::path first = dir / "daiichi.db", second = dir / "daini.db";
  fs::path data_home = dir / "data";
  fs::path recent_file = data_home / "wasshoi" / "recent-databases";

  Window() {
    fs::copy_file(files().first, first);
    fs::copy_file(files().second, second);
    setenv("XDG_DATA_HOME", data_home.c_str(), 1);
    unsetenv("WASSHOI_PASSPHRASE");
    unsetenv("PGPASSFILE");
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    workspace = std::make_unique<gui::Workspace>(
        gui::open_database(first.string(), test::bin_dir() / "plugins", true), fonts,
        gui::WorkspaceOptions{.plugins = test::bin_dir() / "plugins"});
    roster();
  }
  ~Window() {
    workspace.reset();
    sdk::ui::clear_preset_answer();
  }

  // The roster in front, drawn until its table has its size.
  std::string roster() {
    REQUIRE(current().show_panel("members.roster"));
    for (int i = 0; i < 4; ++i) frame();
    return frame();
  }
  // Frames until the database chosen has opened (or failed), as the window draws them meanwhile.
  std::string wait() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (workspace->busy() && std::chrono::steady_clock::now() < deadline) {
      frame();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE_FALSE(workspace->busy());
    frame();
    return frame();
  }
  void menu(const std::string& item) {
    click("ファイル");
    click(item);
  }
  // ファイル → データベースファイルを開く…, the desktop's dialog answering `file`.
  std::string open_file(const fs::path& file) {
    sdk::ui::preset_answer(file);
    menu("データベースファイルを開く…");
    sdk::ui::clear_preset_answer();  // answered: no later dialog gets it by mistake
    return wait();
  }
  // ファイル → 最近開いたデータベース → the entry whose label holds `text`.
  std::string open_recent(const std::string& text) {
    click("ファイル");
    click("最近開いたデータベース");
    click(text);
    return wait();
  }
  // The server form's first field again (two rows above データベース名: the labels サーバー and
  // ポート may be in a message by then), emptied and typed anew.
  void retype_host(const std::string& text) {
    ImVec2 at = where("データベース名");
    at.x += em() * 8.0f;
    at.y -= 2 * (ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y);
    click_at(at);
    select_all();
    type_text(text);
  }
  std::string recent_text() { return test::read_file(recent_file); }
  fs::perms recent_mode() { return fs::status(recent_file).permissions() & fs::perms::mask; }
};

}  // namespace

TEST_CASE(
    "a second SQLite file opened from the ファイル menu replaces the roster, and the first is closed "
    "cleanly") {
  Window w;
  std::string screen = w.roster();
  INFO(screen);
  REQUIRE(same_text(screen, "青木　一郎"));
  gui::Shell* before = &w.current();

  w.open_file(w.second);
  // The desktop's dialog started where the database open was.
  REQUIRE(sdk::ui::last_request());
  CHECK(sdk::ui::last_request()->folder == w.dir.path());
  CHECK(&w.current() != before);
  CHECK(w.workspace->app().db().path() == w.second);
  screen = w.roster();
  INFO(screen);
  CHECK(same_text(screen, "山本　花子"));
  CHECK_FALSE(same_text(screen, "青木　一郎"));
  CHECK(same_text(screen, "山目第二自治会"));
  CHECK(same_text(screen, "daini.db"));  // the status bar
  // The first file's connection is gone: SQLite removes its write-ahead log when the last one closes.
  CHECK_FALSE(fs::exists(w.first.string() + "-wal"));
  // Both are remembered, newest first, in the user's Wasshoi folder, for the user alone.
  CHECK(w.recent_text() == w.second.string() + "\n" + w.first.string() + "\n");
  CHECK(w.recent_mode() == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK((fs::status(w.data_home / "wasshoi").permissions() & fs::perms::mask) == fs::perms::owner_all);
}

TEST_CASE("choosing a recent file reopens it, and the file open now is ticked and not offered") {
  Window w;
  w.open_file(w.second);
  REQUIRE(same_text(w.roster(), "山本　花子"));
  w.click("ファイル");
  w.click("最近開いたデータベース");
  w.click("daini.db");  // the one open: nothing happens
  CHECK_FALSE(w.workspace->busy());
  CHECK(w.workspace->app().db().path() == w.second);
  w.click("データ：");  // a click beside the menu (on the status bar) closes it
  w.open_recent("daiichi.db");
  CHECK(w.workspace->app().db().path() == w.first);
  const std::string screen = w.roster();
  INFO(screen);
  CHECK(same_text(screen, "青木　一郎"));
  CHECK_FALSE(same_text(screen, "山本　花子"));
  CHECK(w.recent_text() == w.first.string() + "\n" + w.second.string() + "\n");
}

TEST_CASE("a file that is missing or not a database leaves the database open in use and says why") {
  Window w;
  gui::Shell* before = &w.current();
  const std::string recent_before = w.recent_text();

  std::string screen = w.open_file(w.dir / "moved-away.db");
  INFO(screen);
  CHECK(same_text(screen, "moved-away.db がありません"));
  CHECK(same_text(screen, "いま開いているデータベースはそのまま使えます。"));
  CHECK_FALSE(fs::exists(w.dir / "moved-away.db"));  // not made, empty, in its place
  CHECK(&w.current() == before);
  w.click("閉じる");

  test::write_file(w.dir / "notes.db", "会長への引き継ぎメモ\n");
  screen = w.open_file(w.dir / "notes.db");
  INFO(screen);
  CHECK(same_text(screen, "notes.db をデータベースとして開けませんでした。"));
  CHECK(same_text(screen, "not a Wasshoi database"));  // the SDK's words under it
  w.click("閉じる");
  CHECK(test::read_file(w.dir / "notes.db") == "会長への引き継ぎメモ\n");

  // The first database is still the one in use, and it still reads and writes.
  CHECK(&w.current() == before);
  screen = w.roster();
  INFO(screen);
  CHECK(same_text(screen, "青木　一郎"));
  CHECK_NOTHROW(w.workspace->app().orgs().add_han(1, "2班"));
  CHECK(w.recent_text() == recent_before);
}

TEST_CASE(
    "a server that cannot be reached is said in the form, which stays open, and the file stays in use") {
  Window w;
  gui::Shell* before = &w.current();
  w.menu("サーバーのデータベースを開く…");
  // Port 1 of this computer: nothing listens there.
  w.type_after("サーバー", "127.0.0.1");
  w.type_after("ポート", "1");
  w.type_after("データベース名", "wasshoi");
  w.type_after("ユーザー名", "kaikei");
  w.type_after("パスワード", "s3cret-kaikei");
  w.click("接続");
  std::string screen = w.wait();
  INFO(screen);
  CHECK(same_text(screen, "サーバー127.0.0.1に接続できません。"));
  CHECK_FALSE(same_text(screen, "Connection refused"));  // libpq's own words, folded under 詳しく
  w.click("詳しく");
  CHECK(same_text(w.frame(), "Connection refused"));
  CHECK(same_text(screen, "データベース名"));  // the form is still there
  CHECK(&w.current() == before);
  CHECK(w.recent_text().find("127.0.0.1") == std::string::npos);

  // Another computer's name that does not exist: said so; its default is the checked encryption.
  w.retype_host("no-such-host.invalid");
  screen = w.frame();
  CHECK(same_text(screen, "証明書を確かめて暗号化（verify-full）"));
  CHECK(same_text(screen, "認証局の証明書"));
  w.click("接続");
  screen = w.wait();
  INFO(screen);
  CHECK(same_text(screen, "サーバー「no-such-host.invalid」が見つかりません。"));

  w.click("やめる");
  screen = w.roster();
  INFO(screen);
  CHECK(same_text(screen, "青木　一郎"));
  CHECK_FALSE(same_text(screen, "データベース名"));
  CHECK(&w.current() == before);
  CHECK(w.recent_text().find("s3cret") == std::string::npos);
}

TEST_CASE("a database with officer accounts opened from the menu opens on the sign-in screen") {
  Window w;
  {
    host::App app{host::AppOptions{.db_path = w.second, .plugin_dir = test::bin_dir() / "plugins"}};
    app.open_database();
    host::Accounts(app.db()).add(sdk::Access::everything(), "yamada", "山田 花子", test::kPassphrase,
                                 sdk::Role::Chair, 1, std::nullopt);
  }
  const std::string screen = w.open_file(w.second);
  INFO(screen);
  CHECK_FALSE(w.current().signed_in());
  CHECK(same_text(screen, "パスフレーズ"));
  CHECK_FALSE(same_text(screen, "山本　花子"));
  CHECK_FALSE(same_text(screen, "山目第二自治会"));
  CHECK_FALSE(same_text(screen, "青木　一郎"));  // nothing of the database before either
}

TEST_CASE(
    "the recent list keeps a server without its password, and reads none back from a hand-edited file") {
  test::TempDir dir;
  gui::RecentDatabases recent(dir / "wasshoi" / "recent-databases");
  recent.add("postgresql://kaikei:s3cret@office.example/wasshoi?sslmode=verify-full&password=other");
  recent.add((dir / "a.db").string());
  CHECK(recent.entries() ==
        std::vector<std::string>{(dir / "a.db").string(),
                                 "postgresql://kaikei@office.example/wasshoi?sslmode=verify-full"});
  const std::string text = test::read_file(recent.file());
  CHECK(text.find("s3cret") == std::string::npos);
  CHECK(text.find("other") == std::string::npos);
  CHECK((fs::status(recent.file()).permissions() & fs::perms::mask) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  // Eight at most; a database opened again moves to the top instead of appearing twice.
  for (int i = 0; i < 10; ++i) recent.add((dir / ("n" + std::to_string(i) + ".db")).string());
  recent.add((dir / "n3.db").string());
  CHECK(recent.entries().size() == gui::RecentDatabases::kMax);
  CHECK(recent.entries().front() == (dir / "n3.db").string());
  CHECK(std::count(recent.entries().begin(), recent.entries().end(), (dir / "n3.db").string()) == 1);
  // A password typed into the file by hand is not read back.
  test::write_file(recent.file(), "postgresql://u:hand@h/db\n\n/tmp/x.db\n");
  gui::RecentDatabases reread(recent.file());
  reread.load();
  CHECK(reread.entries() == std::vector<std::string>{"postgresql://u@h/db", "/tmp/x.db"});
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  CHECK(gui::database_label("postgresql://kaikei@office.example/wasshoi") ==
        "wasshoi（サーバー kaikei@office.example）");
  CHECK(gui::database_label("/home/x/daiichi.db") == "daiichi.db（/home/x）");
}

// ---- on a PostgreSQL server (WASSHOI_TEST_DB) -----------------------------------------------------

namespace {

// A database of its own on the server under test, owned by the role that must give its password
// when the server has it (scripts/start-postgres.sh), with one 自治会 in it; dropped at the end.
struct ServerDatabase {
  std::string name, owner, password;
  sdk::ServerAddress address;  // as the form is filled in: socket folder or host, port, name, owner

  ServerDatabase() {
    std::random_device seed;
    name = "wasshoi_gui_" + std::to_string(seed() % 1000000000);
    sdk::ServerAddress admin_address = sdk::parse_server_uri(test::test_server_uri());
    sdk::Database admin = sdk::Database::open(test::test_server_uri());
    const bool has_role =
        sdk::query_int(
            admin, std::string("SELECT count(*) FROM pg_roles WHERE rolname = '") + test::kPasswordRole + "'")
            .value_or(0) == 1;
    owner = has_role ? test::kPasswordRole : admin_address.user;
    password = has_role ? test::kPasswordRolePassword : "";
    admin.exec("CREATE DATABASE " + name + " OWNER " + owner);
    address = admin_address;
    address.database = name;
    address.user = owner;
    address.parameters.clear();
    // Wasshoi's tables and the 自治会, made by its owner as `server init` does.
    const std::string uri = sdk::server_uri(address);
    host::App app{
        host::AppOptions{.db_path = password.empty() ? uri : sdk::server_uri_with_password(uri, password),
                         .plugin_dir = test::bin_dir() / "plugins"}};
    app.open_database();
    app.add_organization(host::OrgKind::Jichikai, "山目サーバー自治会", std::nullopt);
  }
  ~ServerDatabase() {
    try {
      sdk::Database admin = sdk::Database::open(test::test_server_uri());
      admin.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (...) {
    }
  }
  bool asks_password() const { return !password.empty(); }
};

bool skip_without_server() {
  if (test::testing_postgres()) return false;
  WARN("PostgreSQL only: set WASSHOI_TEST_DB to a server URI (scripts/start-postgres.sh prints one)");
  return true;
}

}  // namespace

TEST_CASE("on PostgreSQL the server form opens the server's database, remembered without its password") {
  if (skip_without_server()) return;
  ServerDatabase server;
  Window w;
  w.menu("サーバーのデータベースを開く…");
  w.type_after("サーバー", server.address.host);
  w.type_after("データベース名", server.name);
  w.type_after("ユーザー名", server.owner);
  if (server.asks_password()) {
    // A wrong password first: said, the form open, the file still in use.
    w.type_after("パスワード", "not-the-password");
    w.click("接続");
    std::string screen = w.wait();
    INFO(screen);
    CHECK(
        same_text(screen, "パスワードが違います（ユーザー「" + server.owner + "」）。入れ直してください。"));
    CHECK(w.workspace->app().db().path() == w.first);
    // The form emptied the password field and gave it the keyboard.
    w.type_text(server.password);
  } else {
    WARN("the server has no role " << test::kPasswordRole << " that must give a password; a password the "
                                   << "server does not ask for is given instead");
    w.type_after("パスワード", "typed-but-not-asked");
  }
  w.click("接続");
  std::string screen = w.wait();
  INFO(screen);
  REQUIRE(w.workspace->app().db().engine() == sdk::Engine::PostgreSQL);
  CHECK(same_text(screen, "山目サーバー自治会"));
  CHECK_FALSE(same_text(screen, "データベース名"));  // the form closed
  // The status bar names the server without any password, masked or not.
  CHECK(same_text(screen, "データ：postgresql://" + server.owner + "@"));
  CHECK_FALSE(same_text(screen, "password="));
  CHECK_FALSE(same_text(screen, "***"));
  const std::string recent = w.recent_text();
  INFO(recent);
  CHECK(recent.starts_with("postgresql://" + server.owner + "@"));
  CHECK(recent.find(server.name) != std::string::npos);
  CHECK(recent.find("password=") == std::string::npos);
  CHECK(recent.find(server.asks_password() ? server.password : "typed-but-not-asked") == std::string::npos);
  CHECK(w.recent_mode() == (fs::perms::owner_read | fs::perms::owner_write));

  // Back to the file, then the server again from the recent list: tried without a password first.
  w.open_recent("daiichi.db");
  REQUIRE(w.workspace->app().db().engine() == sdk::Engine::SQLite);
  screen = w.open_recent(server.name);
  INFO(screen);
  if (server.asks_password()) {
    // The server asks: the form, filled in, says so and waits for the password.
    CHECK(w.workspace->app().db().engine() == sdk::Engine::SQLite);
    CHECK(same_text(screen, "サーバーがユーザー「" + server.owner + "」のパスワードを求めています。"));
    w.type_text(server.password);
    w.click("接続");
    screen = w.wait();
  }
  CHECK(w.workspace->app().db().engine() == sdk::Engine::PostgreSQL);
  CHECK(same_text(w.frame(), "山目サーバー自治会"));

  if (!server.asks_password()) return;
  // A password file (PGPASSFILE) that has it: the recent server opens without asking.
  w.open_recent("daiichi.db");
  const fs::path pgpass = w.dir / "pgpass";
  test::write_file(pgpass, std::string("*:*:*:") + server.owner + ":" + server.password + "\n");
  fs::permissions(pgpass, fs::perms::owner_read | fs::perms::owner_write);
  setenv("PGPASSFILE", pgpass.c_str(), 1);
  screen = w.open_recent(server.name);
  unsetenv("PGPASSFILE");
  INFO(screen);
  CHECK(w.workspace->app().db().engine() == sdk::Engine::PostgreSQL);
  CHECK_FALSE(same_text(screen, "パスワードを求めています"));
}

TEST_CASE("on PostgreSQL a database the server does not have is said in the form") {
  if (skip_without_server()) return;
  const sdk::ServerAddress server = sdk::parse_server_uri(test::test_server_uri());
  Window w;
  w.menu("サーバーのデータベースを開く…");
  w.type_after("サーバー", server.host);
  w.type_after("データベース名", "no_such_database_here");
  w.type_after("ユーザー名", server.user);
  w.click("接続");
  const std::string screen = w.wait();
  INFO(screen);
  CHECK(same_text(screen, "にデータベース「no_such_database_here」がありません。"));
  CHECK(w.workspace->app().db().path() == w.first);
}
