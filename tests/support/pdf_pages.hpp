#pragma once
// Reading a PDF's pages back as text (pdftotext -layout, poppler-utils), for the checks every
// document must pass: no page of a document with more than one page holds fewer than three lines.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <regex>
#include <string>
#include <vector>

namespace wasshoi::test {

// The text of each page (pdftotext -layout; pages end with a form feed).
inline std::vector<std::string> pdf_page_texts(const std::filesystem::path& pdf) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(("pdftotext -layout '" + pdf.string() + "' -").c_str(), "r"),
                                          pclose);
  if (!p) return {};
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p.get())) out.append(buf, n);
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (std::size_t ff = out.find('\f'); ff != std::string::npos; ff = out.find('\f', start)) {
    pages.push_back(out.substr(start, ff - start));
    start = ff + 1;
  }
  return pages;
}

// The lines of a page with something on them, without the footer line ("… 2 / 3").
inline int content_lines(const std::string& page) {
  int n = 0;
  std::size_t start = 0;
  while (start < page.size()) {
    std::size_t end = page.find('\n', start);
    if (end == std::string::npos) end = page.size();
    const std::string line = page.substr(start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    static const std::regex footer("[0-9]+ ?/ ?[0-9]+\\s*$");
    if (std::regex_search(line, footer)) continue;  // the footer: ends with the page number "n / N"
    ++n;
  }
  return n;
}

// The pages (numbered from 1) of a document with more than one page that hold fewer than three
// lines; empty when there are none.
inline std::vector<int> short_pages(const std::filesystem::path& pdf) {
  const std::vector<std::string> pages = pdf_page_texts(pdf);
  std::vector<int> out;
  if (pages.size() < 2) return out;
  for (std::size_t i = 0; i < pages.size(); ++i)
    if (content_lines(pages[i]) < 3) out.push_back(static_cast<int>(i) + 1);
  return out;
}

}  // namespace wasshoi::test
