// The buttons every document has in the window (sdk/ui_document.hpp).
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_document.hpp>

namespace wasshoi::sdk::ui {

DocumentActions::DocumentActions() = default;
DocumentActions::~DocumentActions() = default;

bool DocumentActions::draw(PanelMessage& message, const std::string& file_name,
                           const std::function<Document()>& make, const WriteOptions& options) {
  const std::string save_label = tr("sdk.ui.document.save_pdf");
  FileRequest request{.mode = FileMode::Save,
                      .title = save_label,
                      .suggested_name = file_name,
                      .filters = {pdf_files()}};
  if (auto path = save_button(save_label, save_, request)) {
    std::string where = path->string();
    return run_action(message, std::string(tr("sdk.ui.document.saved")) + where,
                      [&] { make().save_pdf(*path, options); });
  }
  return false;
}

}  // namespace wasshoi::sdk::ui
