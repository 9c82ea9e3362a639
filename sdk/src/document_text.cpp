// Runs of document text that must not be broken across lines (sdk::keep_together, and what is
// found by its shape: dates, times, amounts, phone numbers), for the renderer's Pango attributes.
#include <regex>
#include <wasshoi/sdk/document.hpp>

#include "document_render.hpp"

namespace wasshoi::sdk {

namespace {
const std::string kOpen = "\xEE\x80\x80";   // U+E000, private use: where a kept run begins
const std::string kClose = "\xEE\x80\x81";  // U+E001: where it ends
}  // namespace

std::string keep_together(std::string_view text) {
  return kOpen + std::string(text) + kClose;
}

namespace detail {

namespace {

// Shapes of what officers read as one thing. Digits half- or full-width; std::regex works on the
// UTF-8 bytes, so multi-byte characters appear as alternatives, never inside [ ].
const std::regex& kept_shapes() {
  static const std::string d = "(?:[0-9]|０|１|２|３|４|５|６|７|８|９)";
  static const std::string era = "(?:令和|平成|昭和|大正|明治)";
  static const std::string wd = "(?:（(?:月|火|水|木|金|土|日)）|\\((?:月|火|水|木|金|土|日)\\))";
  static const std::string year = "(?:" + era + "(?:元|" + d + "{1,2})|" + d + "{4})年";
  static const std::string date = "(?:" + year + "(?:度|" + d + "{1,2}月(?:" + d + "{1,2}日)?)?|" + d +
                                  "{1,2}月" + d + "{1,2}日)" + wd + "?(?:（(?:" + year + "|" + era +
                                  "(?:元|" + d + "{1,2})年度?)）)?";
  static const std::string iso = d + "{4}[-/]" + d + "{1,2}(?:[-/]" + d + "{1,2})?";
  static const std::string hm = d + "{1,2}:" + d + "{2}";
  static const std::string time =
      hm + "(?:(?:〜|～|-|–)" + hm + ")?|(?:午前|午後)?" + d + "{1,2}時(?:" + d + "{1,2}分|半)?";
  static const std::string amount = "(?:¥|￥)?" + d + "{1,3}(?:,|，)" + d + "{3}(?:(?:,|，)" + d +
                                    "{3})*(?:円|件|人|世帯)?|" + d + "+(?:円|件|人|世帯|部|枚|名)";
  static const std::string phone = d + "{2,4}-" + d + "{2,4}-" + d + "{3,4}";
  static const std::regex re("(?:" + date + ")|(?:" + iso + ")|(?:" + phone + ")|(?:" + time +
                                 ")|(?:" + amount + ")|第" + d + "{1,3}(?:回|号|条|班)",
                             std::regex::optimize);
  return re;
}

}  // namespace

std::string strip_kept_marks(const std::string& text, std::vector<ByteRange>* marked) {
  if (text.find("\xEE\x80") == std::string::npos) return text;
  std::string out;
  std::size_t open_at = std::string::npos;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, kOpen.size(), kOpen) == 0) {
      open_at = out.size();
      i += kOpen.size();
    } else if (text.compare(i, kClose.size(), kClose) == 0) {
      if (open_at != std::string::npos && marked && out.size() > open_at)
        marked->push_back({static_cast<int>(open_at), static_cast<int>(out.size())});
      open_at = std::string::npos;
      i += kClose.size();
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::vector<ByteRange> kept_runs(const std::string& text) {
  std::vector<ByteRange> runs;
  if (text.size() > 20000) return runs;  // a long free text: no run is worth the search
  for (std::sregex_iterator it(text.begin(), text.end(), kept_shapes()), end; it != end; ++it)
    if (it->length() > 1)
      runs.push_back({static_cast<int>(it->position()), static_cast<int>(it->position() + it->length())});
  return runs;
}

int code_points(const std::string& text) {
  int n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace detail

}  // namespace wasshoi::sdk

namespace wasshoi::sdk::detail {

std::vector<double> fit_columns(const std::vector<double>& proportional, const std::vector<double>& least,
                                const std::vector<double>& natural, double total) {
  const std::size_t n = proportional.size();
  double least_sum = 0;
  for (double l : least) least_sum += l;
  std::vector<double> w = proportional;
  if (least_sum > total) {  // not everything fits on one line: each column its share of the least
    for (std::size_t c = 0; c < n; ++c) w[c] = least[c] * total / least_sum;
    return w;
  }
  double need = 0;
  for (std::size_t c = 0; c < n; ++c)
    if (w[c] < least[c]) need += least[c] - w[c], w[c] = least[c];
  // Taken first from room a column does not use (wider than its longest line), then from what it
  // would wrap with, each in proportion to what it can give.
  for (int stage = 0; stage < 2 && need > 1e-6; ++stage) {
    std::vector<double> give(n, 0);
    double can = 0;
    for (std::size_t c = 0; c < n; ++c) {
      const double floor = stage == 0 ? std::max(least[c], natural[c]) : least[c];
      give[c] = std::max(0.0, w[c] - floor);
      can += give[c];
    }
    if (can <= 0) continue;
    const double take = std::min(need, can);
    for (std::size_t c = 0; c < n; ++c) w[c] -= give[c] * take / can;
    need -= take;
  }
  return w;
}

}  // namespace wasshoi::sdk::detail
