#pragma once
// Files through the desktop's own dialog (library wasshoi::sdk_ui). A panel never asks the
// officer to type a path: it has a button that opens the platform's file chooser — on Linux
// GTK 3's GtkFileChooserNative, which goes through the desktop portal where there is one (a
// sandboxed or non-GTK desktop) and is GTK's own dialog elsewhere; Windows' dialog later behind
// the same calls. The dialog starts in the user's documents folder (then in the folder last
// chosen), and a save proposes a file name made from the document.
//
// The dialog does not stop the window: it runs beside it, and the panel polls it every frame.
//
//   struct State { sdk::ui::FileChooser pdf; };
//   if (ui::Button(tr("minutes.save_pdf")))
//     s.pdf.open({.mode = FileMode::Save, .title = tr("minutes.save_pdf"),
//                 .suggested_name = "議事録_2026-05-18.pdf", .filters = {pdf_files()}});
//   if (auto path = s.pdf.poll()) run_action(s.message, …, [&] { export_pdf(ctx, id, *path); });
//
// Without a display for a dialog (GTK cannot start) the chooser falls back to a small window of
// its own where the path is typed, so the officer is never stuck.
//
// Tests and scripted runs do not open a dialog: preset_answer() (in-process) or the environment
// variable WASSHOI_FILE_ANSWER (a path, or empty for "cancelled") gives the answer the next
// dialogs return, and the request each of them would have shown is kept (last_request()).
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wasshoi::sdk::ui {

enum class FileMode {
  Open,  // an existing file (roster CSV, photo)
  Save,  // a new or replaced file (PDF, CSV, iCalendar)
};

// A line of the dialog's file-type list: 「PDF 文書」 with *.pdf.
struct FileFilter {
  std::string name;
  std::vector<std::string> patterns;  // "*.pdf", "*.PDF" …
};

struct FileRequest {
  FileMode mode = FileMode::Open;
  std::string title;           // the dialog's title: what the file is for
  std::string suggested_name;  // Save: the proposed file name (no folder)
  std::vector<FileFilter> filters;
  // Where the dialog starts; empty: the folder last chosen in this run, else documents_folder().
  std::filesystem::path folder;
};

// Filters officers' files need, named in the catalog's language.
FileFilter pdf_files();
FileFilter csv_files();
FileFilter image_files();     // PNG and JPEG
FileFilter calendar_files();  // iCalendar (.ics)
FileFilter json_files();

// The user's documents folder (XDG_DOCUMENTS_DIR, ~/Documents or ~/ドキュメント), else the home
// folder; never the current directory of the program.
std::filesystem::path documents_folder();

class FileChooser {
 public:
  FileChooser();
  ~FileChooser();
  FileChooser(const FileChooser&) = delete;
  FileChooser& operator=(const FileChooser&) = delete;
  // Movable (panel states are made fresh and moved into place); a moved-from chooser is closed.
  FileChooser(FileChooser&& other) noexcept;
  FileChooser& operator=(FileChooser&& other) noexcept;

  // Opens the dialog (closing one this chooser still had open). A Save request without a
  // filter's extension in suggested_name gets none added: the officer's name is kept.
  void open(FileRequest request);
  // Call every frame while drawing the panel. The chosen path once, on the frame the officer
  // chose it (a Save to an existing file has already been confirmed in the dialog); nullopt
  // while the dialog is open, after a cancel, and when nothing was asked.
  std::optional<std::filesystem::path> poll();
  bool is_open() const;
  // The request last opened (for a label beside the button, and for tests).
  const FileRequest& request() const;

 private:
  struct Impl;
  Impl* impl_;
};

// ---- the two ways panels use it ---------------------------------------------------------------

// A file to read (a roster, a photo): the chosen file's name — or 「まだ選んでいません」 — and a
// 「ファイルを選ぶ…」 button that opens the chooser with `request` (mode Open). True on the frame a
// file was chosen; `path` is then its full path. `id` keeps two fields of a panel apart.
bool file_field(const char* id, FileChooser& chooser, const FileRequest& request, std::string& path);

// A button that saves a document: `label` (「PDFで保存…」) opens the chooser with `request` (mode
// Save); the chosen path comes back once, on the frame it was chosen — write the file then.
std::optional<std::filesystem::path> save_button(std::string_view label, FileChooser& chooser,
                                                 const FileRequest& request);

// A file name for a document from its parts, safe on every desktop: 「議事録_第3回役員会_2026-05-18.pdf」.
// Characters no file system takes (/ \ : * ? " < > |) and control characters become 「_」; spaces
// (full-width too) become 「_」; the name is cut (at a character) to 100 bytes before `extension`.
std::string document_file_name(std::initializer_list<std::string_view> parts, std::string_view extension);

// ---- tests and scripted runs ----------------------------------------------------------------------

// The answer the next dialogs give without showing anything: a path, or nullopt for a cancel.
// Applies until clear_preset_answer().
void preset_answer(std::optional<std::filesystem::path> answer);
void clear_preset_answer();
// The request the last dialog was opened with (preset or not); nullopt before the first.
std::optional<FileRequest> last_request();

}  // namespace wasshoi::sdk::ui
