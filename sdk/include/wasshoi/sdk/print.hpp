#pragma once
// Sending a document to a printer through CUPS (libcups), the print service of Linux and macOS.
// The window's 印刷… (ui_document.hpp) asks for the printer, copies and pages in its own dialog,
// then calls print_document(); tests call the same function with a real CUPS queue.
//
// Why libcups and not GTK's print dialog: the dialog is drawn in the window (the app's language
// and type size, the same layout checks as every panel, no second toolkit's main loop), and the
// one call that lists printers is the one that sends to them, so what the officer picks is what
// gets the job. CUPS already does the rest: copies, page ranges, the printer's own defaults
// (lpoptions) and queueing while the printer is off.
#include <filesystem>
#include <string>
#include <vector>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/file_writer.hpp>

namespace wasshoi::sdk {

struct Printer {
  std::string name;         // the CUPS queue ("wasshoi-pdf", "Brother_HL-L2375DW")
  std::string description;  // what the printer calls itself, when it says (printer-info)
  bool is_default = false;
};

// The printers CUPS offers (the default first); empty when CUPS is not running or has none.
std::vector<Printer> printers();

struct PrintRequest {
  std::string printer;  // a Printer::name
  int copies = 1;       // 1 … 99
  std::string pages;    // empty: every page; else "1-3,5" (page numbers from 1)
};

// "1-3, 5" → "1-3,5" (as CUPS takes it); InputError in the UI's language when it is not a list
// of pages and ranges, or names a page beyond `page_count` (0: not checked).
std::string normalize_page_ranges(const std::string& pages, int page_count = 0);

// Sends the PDF file at `pdf` to request.printer; the job's CUPS id. `title` names the job in
// the printer's queue. Error in the UI's language when the printer is unknown or CUPS refuses.
int print_pdf(const std::filesystem::path& pdf, const std::string& title, const PrintRequest& request);

// Writes the document's PDF exactly as save_pdf() would (to a private temporary file, removed
// afterwards) and sends that file with print_pdf(). The path the button and the tests share.
int print_document(const Document& document, const std::string& title, const PrintRequest& request,
                   const WriteOptions& options = {});

}  // namespace wasshoi::sdk
