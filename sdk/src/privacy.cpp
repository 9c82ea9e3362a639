#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/privacy.hpp>

namespace wasshoi::sdk {

Recipient parse_recipient(const std::string& text, const std::string& option) {
  if (text == "officers") return Recipient::Officers;
  if (text == "outside") return Recipient::Outside;
  throw InputError(option + ": '" + text +
                   "' is not a recipient; use officers (this 自治会's own officers) or outside "
                   "(地域協働体, the city, 民生委員 and anyone else)");
}

std::string personal_data_notice(const std::vector<std::string>& what) {
  if (what.empty()) return {};
  std::string list;
  for (const auto& w : what) list += (list.empty() ? "" : "・") + w;
  return "personal data in this file (" + list +
         "): 個人情報を含むファイルです。人に渡す前に中身を確かめ、用が済んだら削除してください。";
}

}  // namespace wasshoi::sdk
