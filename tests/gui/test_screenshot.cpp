// The real window: `wasshoi --screenshot` under Xvfb writes a PNG that is not blank; bad input
// stops before any window with a clear message.
#include <stb_image.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app.hpp>

#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

const char* kXvfbRun = "/usr/bin/xvfb-run";

// A 自治会 in a 地域協働体 with 班 named with 髙 﨑 and 𠮷 (beyond U+FFFF).
void create_sample(const fs::path& db) {
  host::App app{host::AppOptions{.db_path = db}};
  app.open_database();
  auto orgs = app.orgs();
  auto kyodotai = orgs.add(host::OrgKind::Kyodotai, "山目地区まちづくり協議会");
  auto jichikai = orgs.add(host::OrgKind::Jichikai, "山目第一自治会", kyodotai);
  for (const char* han : {"髙橋班", "﨑山班", "𠮷田班"}) orgs.add_han(jichikai, han);
}

// The same with two officers: the 会長 `yamada` and the 髙橋班 班長 `suzuki`.
void create_sample_with_accounts(const fs::path& db) {
  create_sample(db);
  host::App app{host::AppOptions{.db_path = db}};
  app.open_database();
  const auto jichikai = app.orgs().list().at(1).id;
  const auto han = app.orgs().han(jichikai).at(0).id;
  host::Accounts accounts(app.db());
  accounts.add(sdk::Access::everything(), "yamada", "山田 花子", test::kPassphrase, sdk::Role::Chair,
               jichikai, std::nullopt);
  accounts.add(sdk::Access::everything(), "suzuki", "鈴木 一郎", test::kPassphrase, sdk::Role::HanLeader,
               jichikai, han);
}

// WASSHOI_PASSPHRASE for the programs this test starts, for the scope of one test.
struct PassphraseEnv {
  explicit PassphraseEnv(const char* value) { setenv("WASSHOI_PASSPHRASE", value, 1); }
  ~PassphraseEnv() { unsetenv("WASSHOI_PASSPHRASE"); }
};

struct Picture {
  int width = 0, height = 0;
  std::size_t colours = 0;
  double dark_share = 0;  // pixels dark enough to be text
};

Picture inspect_png(const fs::path& file) {
  Picture p;
  int channels = 0;
  unsigned char* data = stbi_load(file.c_str(), &p.width, &p.height, &channels, 3);
  REQUIRE(data != nullptr);
  std::set<std::uint32_t> colours;
  std::size_t dark = 0, n = static_cast<std::size_t>(p.width) * p.height;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char* px = data + i * 3;
    colours.insert(px[0] << 16 | px[1] << 8 | px[2]);
    if (px[0] * 299 + px[1] * 587 + px[2] * 114 < 80 * 1000) ++dark;
  }
  stbi_image_free(data);
  p.colours = colours.size();
  p.dark_share = static_cast<double>(dark) / static_cast<double>(n);
  return p;
}

}  // namespace

TEST_CASE("wasshoi --screenshot writes the window as a PNG that is not blank") {
  REQUIRE(fs::exists(kXvfbRun));  // package xvfb
  test::TempDir dir;
  create_sample(dir / "w.db");
  const fs::path png = dir / "shot.png";
  auto r = test::run_program(kXvfbRun,
                             {"-a", (test::bin_dir() / "wasshoi").string(), "--db", (dir / "w.db").string(),
                              "--screenshot", png.string(), "--panel", "host.organizations"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(fs::exists(png));
  Picture p = inspect_png(png);
  CHECK(p.width == 1280);
  CHECK(p.height == 800);
  CHECK(p.colours > 50);        // text is anti-aliased: many shades
  CHECK(p.dark_share > 0.003);  // and there is text
}

TEST_CASE("a --db in a folder that does not exist is refused: message, exit 1, nothing written") {
  test::TempDir dir;
  const fs::path db = dir / "missing" / "w.db";
  auto r = test::run_program("wasshoi", {"--db", db.string(), "--screenshot", (dir / "x.png").string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("missing"));
  CHECK_FALSE(fs::exists(dir / "missing"));
  CHECK_FALSE(fs::exists(dir / "x.png"));
}

TEST_CASE("an unknown --panel is refused, listing the panels there are") {
  test::TempDir dir;
  create_sample(dir / "w.db");
  auto r = test::run_program("wasshoi", {"--db", (dir / "w.db").string(), "--panel", "no.such",
                                         "--screenshot", (dir / "x.png").string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("no.such") && Catch::Contains("host.organizations"));
  CHECK_FALSE(fs::exists(dir / "x.png"));
}

TEST_CASE("wasshoi --user with a wrong passphrase exits 1 with host core's message and writes nothing") {
  test::TempDir dir;
  const fs::path db = dir / "w.db";
  create_sample_with_accounts(db);
  const std::string before = test::read_file(db);
  PassphraseEnv env("not the passphrase");
  auto r = test::run_program(
      "wasshoi", {"--db", db.string(), "--user", "suzuki", "--screenshot", (dir / "x.png").string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("wrong login or passphrase"));
  CHECK_FALSE(fs::exists(dir / "x.png"));
  CHECK_FALSE(fs::exists(dir / "backups"));
  CHECK(test::read_file(db) == before);
}

TEST_CASE("without --user a database with accounts shows the sign-in screen and is not backed up yet") {
  REQUIRE(fs::exists(kXvfbRun));
  test::TempDir dir;
  const fs::path db = dir / "w.db";
  create_sample_with_accounts(db);
  const fs::path png = dir / "sign-in.png";
  auto r = test::run_program(kXvfbRun, {"-a", (test::bin_dir() / "wasshoi").string(), "--db", db.string(),
                                        "--screenshot", png.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Picture p = inspect_png(png);
  CHECK(p.colours > 50);
  CHECK(p.dark_share > 0.0005);              // a short form: little text
  CHECK_FALSE(fs::exists(dir / "backups"));  // the automatic backup waits for a sign-in
}

TEST_CASE("wasshoi --user with the right passphrase opens the window and makes the automatic backup") {
  REQUIRE(fs::exists(kXvfbRun));
  test::TempDir dir;
  const fs::path db = dir / "w.db";
  create_sample_with_accounts(db);
  PassphraseEnv env(test::kPassphrase);
  const fs::path png = dir / "in.png";
  auto r = test::run_program(kXvfbRun, {"-a", (test::bin_dir() / "wasshoi").string(), "--db", db.string(),
                                        "--user", "suzuki", "--screenshot", png.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(png));
  CHECK(fs::exists(dir / "backups"));
}
