#include <catch2/catch.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "test_support.hpp"

using namespace wasshoi;

TEST_CASE("catalogs load per language and fall back to English, then to the key") {
  test::TempDir tmp;
  test::write_file(tmp / "x.ja.json", R"({"menu.file": "ファイル", "only.ja": "日本語だけ"})");
  test::write_file(tmp / "x.en.json", R"({"menu.file": "File", "only.en": "English only"})");
  sdk::Catalog c;
  c.load_folder(tmp.path());
  CHECK(std::string(c.tr("menu.file")) == "ファイル");
  CHECK(std::string(c.tr("only.en")) == "English only");
  c.set_language("en");
  CHECK(std::string(c.tr("menu.file")) == "File");
  CHECK(std::string(c.tr("no.such.key")) == "no.such.key");
}

TEST_CASE("a broken catalog is refused naming the file") {
  test::TempDir tmp;
  test::write_file(tmp / "bad.ja.json", "{ not json");
  sdk::Catalog c;
  CHECK_THROWS_WITH(c.load_folder(tmp.path()), Catch::Contains("bad.ja.json"));
}

TEST_CASE("the installed catalogs have the same keys in Japanese and English") {
  sdk::Catalog c;
  c.load_folder(test::bin_dir() / "i18n");
  CHECK(c.size("ja") > 0);
  CHECK(c.size("ja") == c.size("en"));
}
