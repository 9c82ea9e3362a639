#pragma once
// The buttons every document has in the window (library wasshoi::sdk_ui): 印刷… and PDFで保存….
// Both make the same PDF from the same sdk::Document: 保存 writes it where the officer chooses in
// the desktop's file dialog (ui_file.hpp); 印刷 sends it to a printer chosen in the print dialog.
//
//   struct State { sdk::ui::DocumentActions paper; sdk::ui::PanelMessage message; };
//   s.paper.draw(s.message, ui::document_file_name({"議事録", m.title, m.day}, ".pdf"),
//                [&] { return minutes_document(ctx, m.id); }, {.personal_data = true});
//
// `make` runs only when a button was used (building a document is not free), inside run_action:
// an sdk::Error it throws (a refusal, a damaged picture) becomes the panel's message.
#include <functional>
#include <memory>
#include <string>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/ui_file.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

namespace wasshoi::sdk::ui {

class DocumentActions {
 public:
  DocumentActions();
  ~DocumentActions();
  DocumentActions(const DocumentActions&) = delete;
  DocumentActions& operator=(const DocumentActions&) = delete;

  // Draws the buttons on one line (the next when there is no room) and runs what was asked. True
  // on the frame a document was saved or sent to a printer; `message` says where it went.
  bool draw(PanelMessage& message, const std::string& file_name, const std::function<Document()>& make,
            const WriteOptions& options = {});

 private:
  FileChooser save_;
};

}  // namespace wasshoi::sdk::ui
