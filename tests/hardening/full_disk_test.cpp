// Every exporter of wasshoi-cli on a full disk: real processes on a database made with
// `wasshoi-cli demo`. Each command writes its file once, then runs again while the disk is "full"
// (the writer's test hook WASSHOI_TEST_FAIL_WRITE_AFTER, docs/hardening.md): exit 1, an error
// naming the file, the earlier file byte for byte, no temporary file. One test fills a real tmpfs
// where mounting is permitted. And special files: `--out /dev/full` and `--out ''`.
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.hpp"
#include "writer_checks.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

using wasshoi::test::FailWritesAfter;
using wasshoi::test::is_char_device;
using wasshoi::test::mode_of;

// The working folder of the programs started in this scope.
class InFolder {
 public:
  explicit InFolder(const fs::path& dir) : old_(fs::current_path()) { fs::current_path(dir); }
  ~InFolder() { fs::current_path(old_); }
  InFolder(const InFolder&) = delete;
  InFolder& operator=(const InFolder&) = delete;

 private:
  fs::path old_;
};

// Every name under `dir`, folders walked, relative to it.
std::set<std::string> names_under(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    out.insert(fs::relative(e.path(), dir).string());
  return out;
}

// Every file under `dir` with its bytes.
std::map<std::string, std::string> contents_under(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = test::read_file(e.path());
  return out;
}

// A database filled by `wasshoi-cli demo`, and the ids the exporters need.
struct Demo {
  test::TempDir tmp;
  std::string db = (tmp / "w.db").string();
  std::string org, meeting, proposal;

  Demo() {
    auto r = test::run_cli({"--db", db, "demo", "--households", "30", "--json"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    org = std::to_string(json::parse(r.out)["id"].get<std::int64_t>());
    meeting = first_id({"minutes", "list"});
    proposal = first_id({"proposals", "list"});
  }
  test::RunResult run(std::vector<std::string> args) const {
    args.insert(args.end(), {"--db", db, "--org", org});
    return test::run_cli(args);
  }
  std::string first_id(std::vector<std::string> args) const {
    args.push_back("--json");
    auto r = run(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    json list = json::parse(r.out);
    REQUIRE(!list.empty());
    return std::to_string(list[0]["id"].get<std::int64_t>());
  }
};

// One exporter: its arguments with "{out}" where the output file goes.
struct Exporter {
  std::vector<std::string> args;
  std::string file;       // the name it writes in an empty folder
  bool personal = false;  // written 0600
  bool replaces =
      true;  // false: the command never replaces a file (db backup): the second run writes a new name
};

std::vector<std::string> with_out(const std::vector<std::string>& args, const fs::path& out) {
  std::vector<std::string> a;
  for (const auto& s : args) a.push_back(s == "{out}" ? out.string() : s);
  return a;
}

// Writes once, then fails twice (at the first byte and half-way) and checks what is left.
void check_full_disk(const Demo& demo, const Exporter& e) {
  test::TempDir dir;
  const fs::path out = dir / e.file;
  ::umask(022);  // the programs inherit it: ordinary files are 0644
  auto first = demo.run(with_out(e.args, out));
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  REQUIRE(fs::is_regular_file(out));
  CHECK(mode_of(out) == (e.personal ? 0600 : 0644));
  const auto before = contents_under(dir.path());
  const auto names = names_under(dir.path());
  const auto size = fs::file_size(out);
  REQUIRE(size > 0);

  const fs::path target = e.replaces ? out : dir / ("again-" + e.file);
  for (std::uintmax_t after : {std::uintmax_t{0}, size / 2}) {
    INFO("the disk is full after " << after << " bytes");
    FailWritesAfter full(after);
    auto r = demo.run(with_out(e.args, target));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("cannot write ") && Contains("No space left on device"));
    CHECK_THAT(r.err, Contains(target.string()) || Contains(dir.path().string()));
    CHECK(contents_under(dir.path()) == before);  // the earlier file(s), byte for byte
    CHECK(names_under(dir.path()) == names);      // no temporary file, nothing new
  }
}

const Demo& demo() {
  static Demo d;
  return d;
}

}  // namespace

// ---- every exporter on a full disk ------------------------------------------------------------

TEST_CASE("full disk: members export keeps the earlier roster") {
  check_full_disk(demo(), {{"members", "export", "--overwrite", "--out", "{out}"}, "r.csv", true});
}

TEST_CASE("full disk: booking usage --csv keeps the earlier report") {
  check_full_disk(
      demo(),
      {{"booking", "usage", "--from", "2026-04-01", "--to", "2027-03-31", "--csv", "{out}"}, "u.csv"});
}

TEST_CASE("full disk: booking usage --pdf keeps the earlier report") {
  check_full_disk(
      demo(),
      {{"booking", "usage", "--from", "2026-04-01", "--to", "2027-03-31", "--pdf", "{out}"}, "u.pdf"});
}

TEST_CASE("full disk: booking export-ics keeps the earlier calendar") {
  check_full_disk(demo(), {{"booking", "export-ics", "--out", "{out}"}, "b.ics"});
}

TEST_CASE("full disk: issues agenda keeps the earlier PDF") {
  check_full_disk(demo(), {{"issues", "agenda", "--out", "{out}"}, "a.pdf"});
}

TEST_CASE("full disk: issues agenda keeps the earlier CSV") {
  check_full_disk(demo(), {{"issues", "agenda", "--out", "{out}"}, "a.csv"});
}

TEST_CASE("full disk: issues bundle export keeps the earlier bundle") {
  check_full_disk(
      demo(), {{"issues", "bundle", "export", "--with-reporter-names", "--out", "{out}"}, "b.json", true});
}

TEST_CASE("full disk: issues export --format open311 keeps the earlier JSON and photos") {
  check_full_disk(demo(), {{"issues", "export", "--format", "open311", "--media-base-url",
                            "https://example.org/m", "--out", "{out}"},
                           "o.json"});
}

TEST_CASE("full disk: minutes export --format pdf keeps the earlier minutes") {
  check_full_disk(
      demo(), {{"minutes", "export", demo().meeting, "--format", "pdf", "--out", "{out}"}, "m.pdf", true});
}

TEST_CASE("full disk: minutes export --format md keeps the earlier minutes") {
  check_full_disk(demo(),
                  {{"minutes", "export", demo().meeting, "--format", "md", "--out", "{out}"}, "m.md", true});
}

TEST_CASE("full disk: minutes export --format ics keeps the earlier calendar") {
  check_full_disk(demo(),
                  {{"minutes", "export", demo().meeting, "--format", "ics", "--out", "{out}"}, "m.ics"});
}

TEST_CASE("full disk: minutes calendar keeps the earlier calendar") {
  check_full_disk(demo(), {{"minutes", "calendar", "--out", "{out}"}, "c.ics"});
}

TEST_CASE("full disk: proposals export keeps the earlier PDF") {
  check_full_disk(demo(), {{"proposals", "export", demo().proposal, "--out", "{out}"}, "p.pdf"});
}

TEST_CASE("full disk: proposals export keeps the earlier Markdown") {
  check_full_disk(demo(), {{"proposals", "export", demo().proposal, "--out", "{out}"}, "p.md"});
}

TEST_CASE("full disk: proposals summary keeps the earlier PDF") {
  check_full_disk(demo(), {{"proposals", "summary", "--year", "2026", "--out", "{out}"}, "s.pdf"});
}

TEST_CASE("full disk: proposals summary keeps the earlier CSV") {
  check_full_disk(demo(), {{"proposals", "summary", "--year", "2026", "--out", "{out}"}, "s.csv"});
}

TEST_CASE("full disk: proposals ledger keeps the earlier PDF") {
  check_full_disk(demo(), {{"proposals", "ledger", "--year", "2026", "--out", "{out}"}, "l.pdf"});
}

TEST_CASE("full disk: db backup leaves no half backup and the earlier one as it was") {
  check_full_disk(demo(), {{"db", "backup", "--out", "{out}"}, "b.db", true, false});
}

// ---- special files and an empty name --------------------------------------------------------

TEST_CASE(
    "full disk: members export and minutes export refuse /dev/full and an empty name, writing nothing") {
  const Demo& d = demo();
  test::TempDir cwd;
  InFolder in(cwd.path());  // where a file named '' or '.part' would land
  const std::vector<std::vector<std::string>> commands = {
      {"members", "export", "--overwrite", "--out"},
      {"members", "export", "--out"},
      {"minutes", "export", d.meeting, "--format", "pdf", "--out"},
      {"minutes", "export", d.meeting, "--format", "md", "--out"},
      {"minutes", "export", d.meeting, "--format", "ics", "--out"},
  };
  for (auto args : commands) {
    for (const std::string out : {"/dev/full", ""}) {
      args.push_back(out);
      auto r = d.run(args);
      INFO(args[0] << ' ' << args[1] << " --out '" << out << "'\n" << r.err);
      CHECK(r.exit_code == 1);
      if (out.empty())
        CHECK_THAT(r.err, Contains("cannot write '': the file name is empty"));
      else
        CHECK_THAT(r.err, Contains("cannot write /dev/full: it is a device, not a regular file"));
      CHECK(is_char_device("/dev/full"));
      CHECK(fs::is_empty(cwd.path()));
      args.pop_back();
    }
  }
}

// ---- a real full file system -----------------------------------------------------------------

TEST_CASE(
    "full disk: a real full tmpfs keeps the earlier roster and takes no new PDF (needs mount permission)") {
  const Demo& d = demo();
  test::TempDir tmp;
  const fs::path disk = tmp / "disk";
  fs::create_directory(disk);
  if (::mount("tmpfs", disk.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755") != 0) {
    WARN("skipped: cannot mount a tmpfs here (" << std::strerror(errno)
                                                << "); CI runs this test as root, where it can");
    return;
  }
  struct Unmount {
    fs::path dir;
    ~Unmount() { ::umount2(dir.c_str(), MNT_DETACH); }
  } unmount{disk};

  const fs::path roster = disk / "r.csv";
  auto first = d.run({"members", "export", "--out", roster.string()});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const std::string earlier = test::read_file(roster);
  REQUIRE(!earlier.empty());
  {
    // Fill what is left.
    std::ofstream filler(disk / "filler", std::ios::binary);
    const std::string block(4096, 'f');
    while (filler.write(block.data(), static_cast<std::streamsize>(block.size())) && filler.flush()) {
    }
  }
  const auto names = names_under(disk);

  auto r = d.run({"members", "export", "--overwrite", "--out", roster.string()});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("cannot write " + roster.string()));
  CHECK(test::read_file(roster) == earlier);
  CHECK(names_under(disk) == names);

  const fs::path pdf = disk / "p.pdf";
  r = d.run({"proposals", "export", d.proposal, "--out", pdf.string()});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("cannot write " + pdf.string()));
  CHECK_FALSE(fs::exists(pdf));
  CHECK(names_under(disk) == names);
}
