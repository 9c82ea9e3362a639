#include <catch2/catch.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/fill.hpp>
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

TEST_CASE("tr_fill puts values into the catalog's marks in order, fill_marks by name") {
  test::TempDir tmp;
  test::write_file(tmp / "t.ja.json", R"({"t.two": "{}さんが{}件", "t.one": "{}円"})");
  sdk::strings().load_folder(tmp.path());
  sdk::strings().set_language("ja");
  CHECK(sdk::tr_fill("t.two", {"髙橋", "3"}) == "髙橋さんが3件");
  CHECK(sdk::tr_fill("t.two", {"{}"}) == "{}さんが{}件");         // a value's own marks are not filled
  CHECK(sdk::tr_fill("t.one", {"1,000", "extra"}) == "1,000円");  // values beyond the marks dropped
  CHECK(sdk::fill_marks("{n}・{n}・{m}", {{"n", "𠮷"}, {"m", "{n}"}}) == "𠮷・𠮷・{n}");
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
