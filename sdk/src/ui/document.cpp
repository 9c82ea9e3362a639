// The buttons every document has in the window (sdk/ui_document.hpp): 印刷… with its dialog over
// the printers CUPS offers, and PDFで保存… through the desktop's file dialog.
#include <imgui.h>

#include <algorithm>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/text.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_document.hpp>

namespace wasshoi::sdk::ui {

namespace {

std::optional<std::optional<PrintRequest>> g_print_preset;  // outer: preset or not
int g_last_job = 0;

std::string fill_mark(std::string text, std::string_view mark, const std::string& value) {
  if (std::size_t at = text.find(mark); at != std::string::npos) text.replace(at, mark.size(), value);
  return text;
}

std::string job_title(const std::string& file_name) {
  const std::size_t dot = file_name.rfind('.');
  return dot == std::string::npos || dot == 0 ? file_name : file_name.substr(0, dot);
}

}  // namespace

// The print dialog: a modal window with the printer, the copies and the pages. Printers are
// asked of CUPS when it opens (it may take a moment on a network; not every frame).
struct DocumentActions::PrintDialog {
  std::vector<Printer> printers;
  int chosen = 0;
  int copies = 1;
  bool some_pages = false;
  std::string pages;
  bool pending = false, shown = false;

  void open() {
    printers = sdk::printers();
    chosen = 0;  // the default printer comes first
    copies = 1;
    some_pages = false;
    pages.clear();
    pending = true;
  }

  static std::string printer_label(const Printer& p) {
    return p.description.empty() || p.description == p.name ? p.name : p.description + "（" + p.name + "）";
  }

  // The officer's answer once, on the frame 印刷 is clicked.
  std::optional<PrintRequest> draw() {
    if (!pending && !shown) return std::nullopt;
    if (!begin_modal(tr("sdk.ui.print.title"), "wasshoi_print", pending, shown, 30.0f)) return std::nullopt;
    std::optional<PrintRequest> result;
    if (printers.empty()) {
      TextWrapped(tr("sdk.ui.print.no_printers"));
    } else {
      Text(tr("sdk.ui.print.printer"));
      ImGui::SetNextItemWidth(-1);
      if (BeginCombo("##printer", printer_label(printers[static_cast<std::size_t>(chosen)]))) {
        for (int i = 0; i < static_cast<int>(printers.size()); ++i)
          if (ImGui::Selectable(display_text(printer_label(printers[static_cast<std::size_t>(i)])).c_str(),
                                i == chosen))
            chosen = i;
        ImGui::EndCombo();
      }
      Text(tr("sdk.ui.print.copies"));
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
      ImGui::InputInt("##copies", &copies);
      copies = std::clamp(copies, 1, 99);
      Text(tr("sdk.ui.print.pages"));
      if (ImGui::RadioButton(display_text(tr("sdk.ui.print.all_pages")).c_str(), !some_pages))
        some_pages = false;
      const std::string some = tr("sdk.ui.print.some_pages");
      same_line_if_fits(text_width(some) + ImGui::GetFrameHeight() * 2);
      if (ImGui::RadioButton(display_text(some).c_str(), some_pages)) some_pages = true;
      if (some_pages) {
        ImGui::SetNextItemWidth(-1);
        InputText("##pages", pages);
        TextDisabled(tr("sdk.ui.print.pages_hint"));
      }
    }
    const bool ready = !printers.empty() && (!some_pages || !trim(pages).empty());
    ImGui::BeginDisabled(!ready);
    if (Button(tr("sdk.ui.print.ok"))) {
      result = PrintRequest{printers[static_cast<std::size_t>(chosen)].name, copies,
                            some_pages ? trim(pages) : ""};
      ImGui::CloseCurrentPopup();
      shown = false;
    }
    ImGui::EndDisabled();
    const std::string cancel = tr("sdk.ui.cancel");
    same_line_if_fits(button_width(cancel));
    if (Button(cancel) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
      ImGui::CloseCurrentPopup();
      shown = false;
    }
    ImGui::EndPopup();
    return result;
  }
};

DocumentActions::DocumentActions()
    : save_(std::make_unique<FileChooser>()), print_(std::make_unique<PrintDialog>()) {}
DocumentActions::~DocumentActions() = default;
DocumentActions::DocumentActions(DocumentActions&&) noexcept = default;
DocumentActions& DocumentActions::operator=(DocumentActions&&) noexcept = default;

bool DocumentActions::draw(PanelMessage& message, const std::string& file_name,
                           const std::function<Document()>& make, const WriteOptions& options) {
  ImGui::PushID(this);
  bool done = false;
  std::optional<PrintRequest> print;
  const std::string print_label = tr("sdk.ui.document.print");
  if (Button(print_label)) {
    if (g_print_preset)
      print = *g_print_preset;
    else
      print_->open();
  }
  if (auto asked = print_->draw()) print = asked;
  if (print) {
    const std::string where = fill_mark(fill_mark(tr("sdk.ui.document.printed"), "{printer}", print->printer),
                                        "{copies}", std::to_string(print->copies));
    done = run_action(message, where,
                      [&] { g_last_job = print_document(make(), job_title(file_name), *print, options); });
  }

  const std::string save_label = tr("sdk.ui.document.save_pdf");
  same_line_if_fits(button_width(save_label));
  FileRequest request{
      .mode = FileMode::Save, .title = save_label, .suggested_name = file_name, .filters = {pdf_files()}};
  if (auto path = save_button(save_label, *save_, request)) {
    std::string where = path->string();
    done = run_action(message, std::string(tr("sdk.ui.document.saved")) + where,
                      [&] { make().save_pdf(*path, options); });
  }
  ImGui::PopID();
  return done;
}

void preset_print_answer(std::optional<PrintRequest> answer) {
  g_print_preset = std::move(answer);
}

void clear_preset_print_answer() {
  g_print_preset.reset();
}

int last_print_job() {
  return g_last_job;
}

}  // namespace wasshoi::sdk::ui
