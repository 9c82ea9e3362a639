#pragma once
// The one way Wasshoi writes a file (CSV, PDF, Markdown, iCalendar, JSON, bundles, backups,
// pictures): into a new temporary file beside the target, flushed and fsynced, then renamed over
// the target. A full disk, an I/O error or a crash half-way leaves the earlier file exactly as it
// was and no temporary file; only a regular file (or a new name) is ever replaced.
//
// Errors are sdk::Error ("cannot write FILE: reason"); a target that may not be written at all
// (an empty name, a folder, a device, a FIFO, a link to one of those, an existing file without
// `overwrite`) is an InputError, raised before anything is written.
//
// Test hook: WASSHOI_TEST_FAIL_WRITE_AFTER=<bytes> makes every writer of the process fail with
// "No space left on device" once a file would grow past that many bytes (docs/hardening.md).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace wasshoi::sdk {

struct WriteOptions {
  // Rosters, minutes with attendees, issues with reporters' names, backups: the file is created
  // 0600 and any folder created for it 0700, whatever the umask. Otherwise 0644 and 0755,
  // filtered by the umask. A file that replaces another is never more readable than the one it
  // replaces (the two modes are intersected).
  bool personal_data = false;
  // false: an existing target is refused (checked first, and again atomically at the rename).
  bool overwrite = true;
  // Create missing folders on the way to the target (otherwise a missing folder is an error).
  bool create_folders = false;
};

// Checks that `target` may be written with `options`, writing nothing: InputError naming the
// file otherwise. The writers call it themselves; a command calls it early to refuse before it
// does expensive work.
void check_write_target(const std::filesystem::path& target, const WriteOptions& options = {});

// Writes `bytes` to `target` as a whole (the temporary file, fsync, rename, fsync of the folder).
void write_file(const std::filesystem::path& target, std::string_view bytes,
                const WriteOptions& options = {});

// Creates `folder` (and its parents) if missing: 0700 for personal data, else 0755 less the
// umask. Folders that exist already are left as they are.
void create_folder(const std::filesystem::path& folder, bool personal_data);

// A file written piece by piece. Nothing is visible under the target's name until commit();
// destroyed without commit() (an exception, an early return), the temporary file is removed.
//
//   sdk::FileWriter w(path, {.personal_data = true});
//   w.write(header); w.write(rows);
//   w.commit();
class FileWriter {
 public:
  explicit FileWriter(const std::filesystem::path& target, const WriteOptions& options = {});
  ~FileWriter();
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;

  void write(std::string_view bytes);
  void write(const void* data, std::size_t size);
  // fsync, rename over the target, fsync of the folder. Error naming the target on failure, and
  // the temporary file is removed.
  void commit();
  // Removes the temporary file now (as the destructor does).
  void discard() noexcept;

  // The name given, and the file that will really be replaced (a symbolic link to a regular
  // file is followed: the link stays and the file it names gets the new content).
  const std::filesystem::path& target() const { return target_; }
  // For a writer that must open the file by name itself (SQLite's backup): it writes here, then
  // the owner calls commit(). Bytes written that way count for the test hook at commit().
  const std::filesystem::path& temp_path() const { return temp_; }
  std::uint64_t bytes_written() const { return written_; }
  bool committed() const { return committed_; }

  // Throws the error "cannot write TARGET: `reason`" after discarding the temporary file.
  [[noreturn]] void fail(const std::string& reason);

 private:
  std::filesystem::path target_;    // as given, for messages
  std::filesystem::path resolved_;  // what the rename replaces
  std::filesystem::path temp_;
  WriteOptions options_;
  int fd_ = -1;
  std::uint64_t written_ = 0;
  std::int64_t fail_after_ = -1;  // the test hook; -1: off
  bool committed_ = false;
};

}  // namespace wasshoi::sdk
