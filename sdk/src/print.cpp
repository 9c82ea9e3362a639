// Sending documents to printers through libcups (sdk/print.hpp).
#include <cups/cups.h>

#include <algorithm>
#include <cstdlib>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/platform.hpp>
#include <wasshoi/sdk/print.hpp>

namespace wasshoi::sdk {

namespace fs = std::filesystem;

namespace {

// A catalog text with its {marks} filled in.
std::string say(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> marks) {
  std::string text = tr(key);
  for (const auto& [mark, value] : marks) {
    const std::string m = "{" + std::string(mark) + "}";
    for (std::size_t at = text.find(m); at != std::string::npos; at = text.find(m, at + value.size()))
      text.replace(at, m.size(), value);
  }
  return text;
}

// Full-width digits and the dashes and commas a Japanese keyboard types, as ASCII.
std::string ascii_ranges(const std::string& in) {
  static const std::pair<std::string_view, char> kWide[] = {
      {"０", '0'}, {"１", '1'}, {"２", '2'}, {"３", '3'}, {"４", '4'}, {"５", '5'},
      {"６", '6'}, {"７", '7'}, {"８", '8'}, {"９", '9'}, {"－", '-'}, {"ー", '-'},
      {"〜", '-'}, {"～", '-'}, {"、", ','}, {"，", ','}, {"　", ' '}};
  std::string out;
  for (std::size_t i = 0; i < in.size();) {
    bool wide = false;
    for (const auto& [from, to] : kWide)
      if (in.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        wide = true;
        break;
      }
    if (!wide) out += in[i++];
  }
  return out;
}

// A private folder for the PDF on its way to CUPS; removed with everything in it.
struct TempFolder {
  fs::path path;
  TempFolder() {
    std::error_code ec;
    path = platform::make_private_temp_folder("wasshoi-print-", ec);
    if (ec) throw Error("cannot create a temporary folder for printing");
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
};

}  // namespace

std::vector<Printer> printers() {
  cups_dest_t* dests = nullptr;
  const int n = cupsGetDests2(CUPS_HTTP_DEFAULT, &dests);
  std::vector<Printer> out;
  for (int i = 0; i < n; ++i) {
    if (dests[i].instance) continue;  // lpoptions instances ("queue/duplex") are the same printer
    Printer p{dests[i].name, {}, dests[i].is_default != 0};
    if (const char* info = cupsGetOption("printer-info", dests[i].num_options, dests[i].options))
      p.description = info;
    out.push_back(std::move(p));
  }
  cupsFreeDests(n, dests);
  std::stable_partition(out.begin(), out.end(), [](const Printer& p) { return p.is_default; });
  return out;
}

std::string normalize_page_ranges(const std::string& pages, int page_count) {
  const std::string text = ascii_ranges(pages);
  std::string out;
  std::size_t i = 0;
  auto bad = [&] { return InputError(say("sdk.print.bad_pages", {{"pages", pages}})); };
  auto skip_spaces = [&] {
    while (i < text.size() && text[i] == ' ') ++i;
  };
  auto number = [&]() -> long {
    skip_spaces();
    std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 6) ++i;
    if (i == start || (i < text.size() && text[i] >= '0' && text[i] <= '9')) throw bad();
    const long n = std::strtol(text.substr(start, i - start).c_str(), nullptr, 10);
    if (n < 1) throw bad();
    if (page_count > 0 && n > page_count)
      throw InputError(
          say("sdk.print.page_beyond", {{"page", std::to_string(n)}, {"count", std::to_string(page_count)}}));
    skip_spaces();
    return n;
  };
  skip_spaces();
  if (i == text.size()) throw bad();
  while (i < text.size()) {
    const long first = number();
    long last = first;
    if (i < text.size() && text[i] == '-') {
      ++i;
      last = number();
      if (last < first) throw bad();
    }
    if (!out.empty()) out += ',';
    out += std::to_string(first);
    if (last != first) out += "-" + std::to_string(last);
    if (i == text.size()) break;
    if (text[i] != ',') throw bad();
    ++i;
  }
  return out;
}

int print_pdf(const fs::path& pdf, const std::string& title, const PrintRequest& request) {
  if (request.copies < 1 || request.copies > 99) throw InputError(tr("sdk.print.bad_copies"));
  cups_dest_t* dest = cupsGetNamedDest(CUPS_HTTP_DEFAULT, request.printer.c_str(), nullptr);
  if (!dest) throw InputError(say("sdk.print.no_printer", {{"printer", request.printer}}));
  cupsFreeDests(1, dest);
  int num_options = 0;
  cups_option_t* options = nullptr;
  num_options = cupsAddOption("document-format", "application/pdf", num_options, &options);
  num_options = cupsAddIntegerOption("copies", request.copies, num_options, &options);
  if (request.copies > 1) num_options = cupsAddOption("collate", "true", num_options, &options);
  if (!request.pages.empty())
    num_options =
        cupsAddOption("page-ranges", normalize_page_ranges(request.pages).c_str(), num_options, &options);
  const int job = cupsPrintFile2(CUPS_HTTP_DEFAULT, request.printer.c_str(), pdf.c_str(), title.c_str(),
                                 num_options, options);
  cupsFreeOptions(num_options, options);
  if (job <= 0)
    throw Error(say("sdk.print.failed", {{"printer", request.printer}, {"reason", cupsLastErrorString()}}));
  return job;
}

int print_document(const Document& document, const std::string& title, const PrintRequest& request,
                   const WriteOptions& options) {
  // Checked before the PDF is made: a typo in the pages costs nothing.
  PrintRequest checked = request;
  if (!checked.pages.empty()) checked.pages = normalize_page_ranges(checked.pages, document.page_count());
  TempFolder folder;
  const fs::path pdf = folder.path / "document.pdf";
  WriteOptions private_copy = options;
  private_copy.personal_data = true;  // only this user reads it while it waits for CUPS
  document.save_pdf(pdf, private_copy);
  return print_pdf(pdf, title, checked);
}

}  // namespace wasshoi::sdk
