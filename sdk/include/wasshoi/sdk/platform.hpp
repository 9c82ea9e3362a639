// The operating system, behind one file (docs/windows.md). Every POSIX-only call of the programs
// (the SDK, the host and the plugins) is in sdk/src/platform_posix.cpp; the rest of the code uses
// these functions and the standard library only, so a Windows port adds platform_windows.cpp and
// touches nothing else. tests/platform_check.cmake fails the build's tests when a POSIX header
// appears anywhere else.
//
// Files are passed as small integers ("file numbers"): a POSIX descriptor here; on Windows the C
// runtime's descriptor of a CreateFileW handle (_open_osfhandle), so the callers stay the same.
// Errors come back as std::error_code (message() is the system's text, strerror's on POSIX);
// nothing here throws unless it says so.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace wasshoi::sdk::platform {

// ---- What a name is ---------------------------------------------------------------------------

enum class FileType { Regular, Folder, SymbolicLink, Device, Fifo, Socket, Other };

struct FileInfo {
  FileType type = FileType::Other;
  unsigned permissions = 0;  // the rwx bits (0777); Windows: 0600, or 0400 for a read-only file
  std::uint64_t size = 0;    // bytes
};

// The name itself (a symbolic link is reported as one) or, with follow_links, what it points to.
// An absent name: ec == std::errc::no_such_file_or_directory. (Windows: GetFileAttributesExW;
// FILE_ATTRIBUTE_REPARSE_POINT is the link.)
FileInfo file_info(const std::filesystem::path& path, bool follow_links, std::error_code& ec);

// Whether this process may write to the existing file `path` (its permissions, not its folder's):
// empty when it may. (Windows: the read-only attribute.)
std::error_code check_writable(const std::filesystem::path& path);

// Creates one folder with the permission bits `mode` (the process's umask applies, as for any new
// file; set_permissions() makes it exact). An existing name: std::errc::file_exists.
// (Windows: CreateDirectoryW; the mode is not used, %APPDATA%'s inherited DACL is owner-only.)
std::error_code make_folder(const std::filesystem::path& folder, unsigned mode);

// Sets a name's permission bits to exactly `mode`. (Windows: the read-only attribute only.)
std::error_code set_permissions(const std::filesystem::path& path, unsigned mode);

// The process's umask (the bits taken from a new file's 0666/0777), read without changing it:
// setting it to read it would race with other threads creating files. 022 if unknown.
// (Windows: 0, there is none.)
unsigned current_umask();

// ---- Writing a file safely (the safe writer, sdk/file_writer.hpp) ----------------------------

// Creates a new file from `name_template`, whose last six characters are "XXXXXX" and are replaced
// (in the string) by the name actually made. Guarantees: the file did not exist (never someone
// else's file or a link followed), it is readable and writable by its owner only (0600), it is
// not inherited by child processes, and this process holds an exclusive lock on it until it is
// closed (remove_if_abandoned() leaves it alone meanwhile). Returns its file number, or -1 and ec.
// (Windows: CreateFileW with CREATE_NEW, no sharing, on a name from a random suffix.)
int create_temp_file(std::string& name_template, std::error_code& ec);

// Removes the file `path` if it is a temporary file a dead writer left behind: a regular file of
// this process's user, unchanged for at least `settled_seconds`, that no living process holds
// locked (the lock of create_temp_file() dies with its process). Links are never followed. Returns
// whether it was removed; any doubt leaves it. (Windows: DeleteFileW fails while a writer has it open.)
bool remove_if_abandoned(const std::filesystem::path& path, int settled_seconds);

// Sets the permission bits of an open file. (Windows: nothing to do; see make_folder.)
std::error_code set_permissions(int file, unsigned mode);

// Writes all of `size` bytes, retrying interrupted and partial writes. A write that takes nothing
// (a full disk on some file systems) is std::errc::no_space_on_device. (Windows: WriteFile.)
std::error_code write_all(int file, const void* data, std::size_t size);

// The open file's size in bytes, and what it is. (Windows: GetFileInformationByHandle.)
FileInfo file_info(int file, std::error_code& ec);

// Returns once everything written to the open file is on the disk (fsync), not only in the
// system's cache. (Windows: FlushFileBuffers.)
std::error_code flush_to_disk(int file);

// Closes the file number (also when an error is returned, the number is no longer valid).
std::error_code close_file(int file);

// Renames `from` over `to`, which may exist: atomic (any reader sees the old file or the new one,
// never a mixture or nothing) and, once sync_folder() of the folder returned, durable. Both are in
// the same folder. (Windows: ReplaceFileW, or MoveFileExW with MOVEFILE_REPLACE_EXISTING |
// MOVEFILE_WRITE_THROUGH when `to` does not exist.)
std::error_code replace_file(const std::filesystem::path& from, const std::filesystem::path& to);

// Renames `from` to `to` only if `to` does not exist, atomically: a file that appeared meanwhile
// is never replaced (std::errc::file_exists). Durable as replace_file. (Windows: MoveFileExW with
// MOVEFILE_WRITE_THROUGH and without MOVEFILE_REPLACE_EXISTING.)
std::error_code rename_no_replace(const std::filesystem::path& from, const std::filesystem::path& to);

// Makes the folder's entries (a rename into it) durable: fsync of the folder. A folder that cannot
// be opened, or a file system that cannot sync folders (EINVAL, EROFS), is not an error: the rename
// is then as durable as that file system makes it. (Windows: nothing to do, NTFS journals renames.)
std::error_code sync_folder(const std::filesystem::path& folder);

// ---- Reading a file given from outside (sdk/input.hpp) ----------------------------------------

// Opens `path` for reading without ever waiting (a FIFO without a writer does not block, and a
// terminal does not become the controlling one), and returns its FileInfo taken from the open file
// (so no rename in between can change what is read). A regular file is then read normally.
// Returns the file number, or -1 and ec. (Windows: CreateFileW + GetFileType == FILE_TYPE_DISK.)
int open_for_reading(const std::filesystem::path& path, FileInfo& info, std::error_code& ec);

// Reads up to `size` bytes (retrying interrupted reads); 0 at the end of the file. (Windows: ReadFile.)
std::size_t read_some(int file, void* data, std::size_t size, std::error_code& ec);

// ---- Folders and names of the user ------------------------------------------------------------

// A new, empty folder readable by its owner only (0700), named `prefix` and a random suffix in the
// system's temporary folder (fs::temp_directory_path(), which throws when there is none); empty
// and ec when it cannot be made. (Windows: GetTempPath2W +
// CreateDirectoryW.)
std::filesystem::path make_private_temp_folder(const std::string& prefix, std::error_code& ec);

// The folder under which programs keep the user's data: $XDG_DATA_HOME, else $HOME/.local/share,
// else the current folder. (Windows: SHGetKnownFolderPath(FOLDERID_RoamingAppData), %APPDATA%.)
std::filesystem::path user_data_home();

// The operating system's name of the user running this process ("" if it has none).
// (Windows: GetUserNameW.)
std::string os_user_name();

// This process's number, unique among the processes running now. (Windows: GetCurrentProcessId.)
std::uint64_t process_id();

// The calendar time of `t` in the system's time zone, and in UTC; thread-safe.
// (Windows: localtime_s / gmtime_s.)
std::tm local_time(std::time_t t);
std::tm utc_time(std::time_t t);

// ---- The network ------------------------------------------------------------------------------

// Waits until the socket `socket` can be read (or, `for_writing`, written), at most `timeout_ms`
// milliseconds (negative: as long as it takes); an interrupted wait goes on for the time left.
// 1 when it can, 0 when the time ran out, -1 and ec on an error. (Windows: WSAPoll.)
int wait_for_socket(int socket, bool for_writing, int timeout_ms, std::error_code& ec);

// ---- Other programs ----------------------------------------------------------------------------

// What a program run by run_program() left.
struct ProgramRun {
  int exit_code = -1;  // its exit status; 128 + the signal's number when a signal ended it
  std::string errors;  // what it wrote to its standard error (the last 64 KiB)
};
// Runs `program` (found on PATH) with `arguments`, no shell between, its standard input empty and
// the environment of this process plus `environment` (name, value; a name given replaces it). Its
// standard output goes to `output` piece by piece as it comes (nothing is kept), its standard
// error into the result. Waits for it to end. A program that cannot be started:
// std::errc::no_such_file_or_directory (not on PATH) or the system's reason in ec, exit_code -1.
// An exception from `output` stops the program (SIGKILL, waited for) and goes on to the caller.
// (Windows: CreateProcessW with pipes, the arguments quoted as CommandLineToArgvW reads them.)
ProgramRun run_program(const std::string& program, const std::vector<std::string>& arguments,
                       const std::vector<std::pair<std::string, std::string>>& environment,
                       const std::function<void(const char* data, std::size_t size)>& output,
                       std::error_code& ec);

// ---- The terminal -----------------------------------------------------------------------------

// Whether the standard input is a terminal (a person typing), not a file or a pipe.
// (Windows: _isatty(_fileno(stdin)).)
bool stdin_is_terminal();

// While it lives, what is typed on the terminal of the standard input is not shown (a passphrase);
// the terminal is restored as it was when it is destroyed, also by an exception. Does nothing when
// `enable` is false or the standard input is no terminal. (Windows: GetConsoleMode / SetConsoleMode
// without ENABLE_ECHO_INPUT.)
class StdinEchoOff {
 public:
  explicit StdinEchoOff(bool enable = true);
  ~StdinEchoOff();
  StdinEchoOff(const StdinEchoOff&) = delete;
  StdinEchoOff& operator=(const StdinEchoOff&) = delete;

 private:
  bool active_ = false;
  unsigned char saved_[128] = {};  // the terminal's settings before (termios; a console mode)
};

}  // namespace wasshoi::sdk::platform
