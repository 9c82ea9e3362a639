// sdk::FileWriter on real files: what it refuses, what survives a failed write, the modes it
// creates and that no temporary file is ever left behind.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdlib>
#include <optional>
#include <set>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/file_writer.hpp>

#include "test_support.hpp"
#include "writer_checks.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

using wasshoi::test::FailWritesAfter;
using wasshoi::test::is_char_device;
using wasshoi::test::mode_of;

// Sets the umask for one scope.
class Umask {
 public:
  explicit Umask(mode_t m) : old_(::umask(m)) {}
  ~Umask() { ::umask(old_); }
  Umask(const Umask&) = delete;
  Umask& operator=(const Umask&) = delete;

 private:
  mode_t old_;
};

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

}  // namespace

TEST_CASE("the file writer writes a new name and replaces a regular file, leaving no temporary file",
          "[file_writer]") {
  test::TempDir tmp;
  Umask u(022);
  sdk::write_file(tmp / "a.csv", "一,二\n");
  CHECK(test::read_file(tmp / "a.csv") == "一,二\n");
  CHECK(mode_of(tmp / "a.csv") == 0644);
  sdk::write_file(tmp / "a.csv", "三\n");
  CHECK(test::read_file(tmp / "a.csv") == "三\n");
  CHECK(names_in(tmp.path()) == std::set<std::string>{"a.csv"});
  sdk::write_file(tmp / "empty.txt", "");
  CHECK(fs::file_size(tmp / "empty.txt") == 0);
}

TEST_CASE("the streaming writer shows nothing under the name until commit, and removes its file otherwise",
          "[file_writer]") {
  test::TempDir tmp;
  test::write_file(tmp / "r.csv", "earlier");
  {
    sdk::FileWriter w(tmp / "r.csv");
    w.write("new ");
    w.write(std::string(100000, 'x'));
    CHECK(w.bytes_written() == 100004);
    CHECK(fs::exists(w.temp_path()));
    CHECK(w.temp_path().parent_path() == tmp.path());
    CHECK(test::read_file(tmp / "r.csv") == "earlier");
  }  // not committed
  CHECK(test::read_file(tmp / "r.csv") == "earlier");
  CHECK(names_in(tmp.path()) == std::set<std::string>{"r.csv"});
  {
    sdk::FileWriter w(tmp / "r.csv");
    w.write("new");
    w.commit();
    CHECK(w.committed());
  }
  CHECK(test::read_file(tmp / "r.csv") == "new");
  CHECK(names_in(tmp.path()) == std::set<std::string>{"r.csv"});
}

TEST_CASE("the file writer refuses devices, folders, FIFOs, links to them and an empty name, writing nothing",
          "[file_writer]") {
  test::TempDir tmp;
  REQUIRE(::mkfifo((tmp / "fifo").c_str(), 0600) == 0);
  fs::create_directory(tmp / "folder");
  fs::create_symlink("/dev/null", tmp / "to-null");
  fs::create_symlink(tmp / "folder", tmp / "to-folder");
  fs::create_symlink(tmp / "nowhere", tmp / "dangling");
  const auto before = names_in(tmp.path());

  struct Case {
    fs::path target;
    const char* reason;
  };
  for (const Case& c :
       {Case{"/dev/full", "it is a device, not a regular file"},
        Case{"/dev/null", "it is a device, not a regular file"},
        Case{tmp / "folder", "it is a folder, not a regular file"}, Case{tmp / "folder/", "names a folder"},
        Case{tmp / "fifo", "FIFO"}, Case{tmp / "to-null", "symbolic link to a device"},
        Case{tmp / "to-folder", "symbolic link to a folder"},
        Case{tmp / "dangling", "symbolic link to nothing"}, Case{"", "the file name is empty"},
        Case{tmp / "missing" / "x.csv", "does not exist"}}) {
    INFO(c.target.string());
    CHECK_THROWS_AS(sdk::write_file(c.target, "data"), sdk::InputError);
    CHECK_THROWS_WITH(sdk::write_file(c.target, "data"),
                      Contains("cannot write " + c.target.string()) && Contains(c.reason));
    CHECK_THROWS_AS(sdk::check_write_target(c.target), sdk::InputError);
    CHECK_THROWS_AS(sdk::FileWriter(c.target), sdk::InputError);
  }
  CHECK(is_char_device("/dev/full"));
  CHECK(is_char_device("/dev/null"));
  CHECK(names_in(tmp.path()) == before);
  CHECK(fs::is_empty(tmp / "folder"));
  CHECK(fs::is_fifo(tmp / "fifo"));
  CHECK_FALSE(fs::exists(tmp / "nowhere"));
}

TEST_CASE("a full disk keeps the earlier file byte for byte and leaves no temporary file", "[file_writer]") {
  test::TempDir tmp;
  std::string earlier = "No.,氏名\r\n1,髙橋\r\n";
  earlier += std::string(5000, '\0') + "end";
  test::write_file(tmp / "r.csv", earlier);
  for (std::size_t after : {std::size_t{0}, std::size_t{1}, std::size_t{4096}, std::size_t{9999}}) {
    INFO(after);
    FailWritesAfter hook(after);
    CHECK_THROWS_WITH(
        sdk::write_file(tmp / "r.csv", std::string(10000, 'y')),
        Contains("cannot write " + (tmp / "r.csv").string()) && Contains("No space left on device"));
    {
      sdk::FileWriter w(tmp / "r.csv");
      CHECK_THROWS_AS(
          [&] {
            for (int i = 0; i < 100; ++i) w.write(std::string(100, 'z'));
            w.commit();
          }(),
          sdk::Error);
      CHECK_FALSE(w.committed());
    }
    CHECK(test::read_file(tmp / "r.csv") == earlier);
    CHECK(names_in(tmp.path()) == std::set<std::string>{"r.csv"});
  }
  {
    FailWritesAfter hook(10000);  // exactly enough
    sdk::write_file(tmp / "r.csv", std::string(10000, 'y'));
  }
  CHECK(test::read_file(tmp / "r.csv") == std::string(10000, 'y'));
}

TEST_CASE("personal data is created 0600 whatever the umask, other files 0644 less the umask",
          "[file_writer]") {
  test::TempDir tmp;
  {
    Umask u(0);
    sdk::write_file(tmp / "roster.csv", "氏名\n", {.personal_data = true});
    sdk::write_file(tmp / "agenda.csv", "件名\n");
    CHECK(mode_of(tmp / "roster.csv") == 0600);
    CHECK(mode_of(tmp / "agenda.csv") == 0644);
  }
  {
    Umask u(027);
    sdk::write_file(tmp / "calendar.ics", "BEGIN:VCALENDAR\n");
    CHECK(mode_of(tmp / "calendar.ics") == 0640);
  }
  {
    // Replacing a file never makes it more readable than it was.
    Umask u(022);
    fs::permissions(tmp / "agenda.csv", fs::perms::owner_read | fs::perms::owner_write,
                    fs::perm_options::replace);
    sdk::write_file(tmp / "agenda.csv", "件名2\n");
    CHECK(mode_of(tmp / "agenda.csv") == 0600);
    // Personal data over a 0644 file: 0600.
    sdk::write_file(tmp / "calendar.ics", "氏名\n", {.personal_data = true});
    CHECK(mode_of(tmp / "calendar.ics") == 0600);
  }
}

TEST_CASE("folders made for personal data are 0700, and a missing folder is made only when asked",
          "[file_writer]") {
  test::TempDir tmp;
  Umask u(0);
  CHECK_THROWS_WITH(sdk::write_file(tmp / "a" / "b" / "r.csv", "x", {.personal_data = true}),
                    Contains("the folder " + (tmp / "a" / "b").string() + " does not exist"));
  CHECK_FALSE(fs::exists(tmp / "a"));
  sdk::write_file(tmp / "a" / "b" / "r.csv", "x", {.personal_data = true, .create_folders = true});
  CHECK(mode_of(tmp / "a") == 0700);
  CHECK(mode_of(tmp / "a" / "b") == 0700);
  CHECK(mode_of(tmp / "a" / "b" / "r.csv") == 0600);
  sdk::create_folder(tmp / "c" / "d", false);
  CHECK(mode_of(tmp / "c" / "d") == 0755);
  test::write_file(tmp / "file", "");
  CHECK_THROWS_WITH(sdk::create_folder(tmp / "file" / "x", true), Contains("cannot create the folder"));
}

TEST_CASE("without overwrite an existing file is refused and kept, a new name is written", "[file_writer]") {
  test::TempDir tmp;
  test::write_file(tmp / "b.db", "earlier");
  CHECK_THROWS_AS(sdk::write_file(tmp / "b.db", "new", {.overwrite = false}), sdk::InputError);
  CHECK_THROWS_WITH(sdk::write_file(tmp / "b.db", "new", {.overwrite = false}), Contains("exists already"));
  CHECK(test::read_file(tmp / "b.db") == "earlier");
  sdk::write_file(tmp / "c.db", "new", {.overwrite = false});
  CHECK(test::read_file(tmp / "c.db") == "new");

  // A file that appears while the writer writes is not replaced either.
  sdk::FileWriter w(tmp / "d.db", {.overwrite = false});
  w.write("mine");
  test::write_file(tmp / "d.db", "theirs");
  CHECK_THROWS_WITH(w.commit(), Contains("exists already"));
  CHECK(test::read_file(tmp / "d.db") == "theirs");
  CHECK(names_in(tmp.path()) == std::set<std::string>{"b.db", "c.db", "d.db"});
}

TEST_CASE("a file its owner made read-only is not replaced (root may write anyway)", "[file_writer]") {
  test::TempDir tmp;
  test::write_file(tmp / "r.csv", "earlier");
  fs::permissions(tmp / "r.csv", fs::perms::owner_read, fs::perm_options::replace);
  if (::access((tmp / "r.csv").c_str(), W_OK) == 0) {
    sdk::write_file(tmp / "r.csv", "new");  // root: as any program would, it writes; the mode stays
    CHECK(mode_of(tmp / "r.csv") == 0400);
    CHECK(test::read_file(tmp / "r.csv") == "new");
  } else {
    CHECK_THROWS_WITH(sdk::write_file(tmp / "r.csv", "new"), Contains("Permission denied"));
    CHECK(test::read_file(tmp / "r.csv") == "earlier");
  }
  CHECK(names_in(tmp.path()) == std::set<std::string>{"r.csv"});
}

TEST_CASE("a symbolic link to a regular file is followed: the link stays, the file it names is replaced",
          "[file_writer]") {
  test::TempDir tmp;
  fs::create_directory(tmp / "real");
  test::write_file(tmp / "real" / "r.csv", "earlier");
  fs::create_symlink(tmp / "real" / "r.csv", tmp / "link.csv");
  sdk::write_file(tmp / "link.csv", "new");
  CHECK(fs::is_symlink(tmp / "link.csv"));
  CHECK(test::read_file(tmp / "real" / "r.csv") == "new");
  CHECK(names_in(tmp / "real") == std::set<std::string>{"r.csv"});
  CHECK(names_in(tmp.path()) == std::set<std::string>{"link.csv", "real"});
  // Without overwrite the link counts as an existing file.
  CHECK_THROWS_WITH(sdk::write_file(tmp / "link.csv", "x", {.overwrite = false}), Contains("exists already"));
  CHECK(test::read_file(tmp / "real" / "r.csv") == "new");
}

TEST_CASE("save_pdf and save_markdown write through the file writer", "[file_writer]") {
  test::TempDir tmp;
  sdk::Document doc("議事録");
  doc.title("第1回役員会 議事録").paragraph(std::string(2000, 'a'));
  doc.save_pdf(tmp / "m.pdf", {.personal_data = true});
  doc.save_markdown(tmp / "m.md", {.personal_data = true});
  CHECK(mode_of(tmp / "m.pdf") == 0600);
  CHECK(mode_of(tmp / "m.md") == 0600);
  const std::string pdf = test::read_file(tmp / "m.pdf"), md = test::read_file(tmp / "m.md");
  CHECK(pdf.starts_with("%PDF-"));
  CHECK(md == doc.to_markdown());
  {
    FailWritesAfter hook(10);
    sdk::Document other("別");
    other.paragraph("別の内容");
    CHECK_THROWS_WITH(other.save_pdf(tmp / "m.pdf"), Contains("cannot write " + (tmp / "m.pdf").string()) &&
                                                         Contains("No space left on device"));
    CHECK_THROWS_WITH(other.save_markdown(tmp / "m.md"), Contains("cannot write " + (tmp / "m.md").string()));
  }
  CHECK(test::read_file(tmp / "m.pdf") == pdf);
  CHECK(test::read_file(tmp / "m.md") == md);
  CHECK_THROWS_WITH(doc.save_pdf("/dev/full"), Contains("cannot write /dev/full: it is a device"));
  CHECK(is_char_device("/dev/full"));
  CHECK(names_in(tmp.path()) == std::set<std::string>{"m.md", "m.pdf"});
}

TEST_CASE("a backup is written 0600 through the file writer, and a failed one leaves nothing",
          "[file_writer]") {
  test::TempDir tmp;
  Umask u(0);
  sdk::Database db = sdk::Database::open(tmp / "w.db");
  db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (zeroblob(100000));");
  fs::create_directory(tmp / "out");
  {
    FailWritesAfter hook(4096);
    CHECK_THROWS_WITH(
        db.backup_to(tmp / "out" / "b.db"),
        Contains("cannot write " + (tmp / "out" / "b.db").string()) && Contains("No space left"));
  }
  CHECK(fs::is_empty(tmp / "out"));
  db.backup_to(tmp / "out" / "b.db");
  CHECK(mode_of(tmp / "out" / "b.db") == 0600);
  CHECK(names_in(tmp / "out") == std::set<std::string>{"b.db"});
  sdk::Database copy = sdk::Database::open(tmp / "out" / "b.db", sdk::Database::Mode::ReadOnly);
  CHECK(*sdk::query_int(copy, "SELECT length(x) FROM t") == 100000);
  CHECK_THROWS_WITH(db.backup_to("/dev/full"), Contains("it is a device"));
  CHECK_THROWS_WITH(db.backup_to(""), Contains("the file name is empty"));
}

namespace {
// Sets a file's modification time `seconds` into the past.
void age(const fs::path& file, int seconds) {
  struct timespec times[2] = {{::time(nullptr) - seconds, 0}, {::time(nullptr) - seconds, 0}};
  REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
}
}  // namespace

TEST_CASE(
    "a temporary file left by a writer killed mid-write is removed by the next write, a live one is kept",
    "[file_writer]") {
  test::TempDir tmp;
  test::write_file(tmp / "r.csv", "earlier");
  // A writer killed mid-write (SIGKILL: no destructor runs) leaves its temporary file.
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto* w = new sdk::FileWriter(tmp / "r.csv");  // never destroyed
    w->write("half of a roster");
    ::raise(SIGKILL);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  std::set<std::string> left = names_in(tmp.path());
  left.erase("r.csv");
  REQUIRE(left.size() == 1);
  const fs::path leftover = tmp / *left.begin();
  // Younger than a few seconds it may be a writer between creating and locking its file: kept.
  sdk::write_file(tmp / "r.csv", "newer");
  CHECK(fs::exists(leftover));
  age(leftover, 60);
  // A writer of the same file, alive in this process (its file as old, but locked): kept.
  sdk::FileWriter live(tmp / "r.csv");
  live.write("still writing");
  age(live.temp_path(), 60);
  sdk::write_file(tmp / "r.csv", "new");
  CHECK(test::read_file(tmp / "r.csv") == "new");
  CHECK_FALSE(fs::exists(leftover));
  CHECK(fs::exists(live.temp_path()));
  live.commit();
  CHECK(names_in(tmp.path()) == std::set<std::string>{"r.csv"});
  CHECK(test::read_file(tmp / "r.csv") == "still writing");
}
