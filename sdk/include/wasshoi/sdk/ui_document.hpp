#pragma once
// The buttons every document has in the window (library wasshoi::sdk_ui): 印刷… and PDFで保存….
// Both make the same PDF from the same sdk::Document: 保存 writes it where the officer chooses in
// the desktop's file dialog (ui_file.hpp); 印刷 sends it to a printer chosen in the print dialog
// (printer, copies, pages), drawn in the window over the printers CUPS offers (sdk/print.hpp says
// why CUPS and not GTK's dialog). The printer gets the PDF save_pdf() writes: print_document().
//
//   struct State { sdk::ui::DocumentActions paper; sdk::ui::PanelMessage message; };
//   s.paper.draw(s.message, ui::document_file_name({"議事録", m.title, m.day}, ".pdf"),
//                [&] { return minutes_document(ctx, m.id); }, {.personal_data = true});
//
// `make` runs only when a button was used (building a document is not free), inside run_action:
// an sdk::Error it throws (a refusal, a damaged picture) becomes the panel's message.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/print.hpp>
#include <wasshoi/sdk/ui_file.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

namespace wasshoi::sdk::ui {

class DocumentActions {
 public:
  DocumentActions();
  ~DocumentActions();
  DocumentActions(DocumentActions&&) noexcept;  // kept in a panel's PerOrg state
  DocumentActions& operator=(DocumentActions&&) noexcept;

  // Draws the buttons on one line (the next when there is no room) and runs what was asked. True
  // on the frame a document was saved or sent to a printer; `message` says where it went.
  // `file_name` also names the print job in the printer's queue.
  bool draw(PanelMessage& message, const std::string& file_name, const std::function<Document()>& make,
            const WriteOptions& options = {});

 private:
  struct PrintDialog;
  std::unique_ptr<FileChooser> save_;
  std::unique_ptr<PrintDialog> print_;
};

// ---- tests and scripted runs ----------------------------------------------------------------------

// The answer the next print dialogs give without showing anything: the printer, copies and pages,
// or nullopt for a cancel. Applies until clear_preset_print_answer().
void preset_print_answer(std::optional<PrintRequest> answer);
void clear_preset_print_answer();
// The CUPS job id of the last document sent from a window (0 before the first).
int last_print_job();

}  // namespace wasshoi::sdk::ui
