#include <boost/dll/runtime_symbol_info.hpp>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/fill.hpp>
#include <wasshoi/sdk/i18n.hpp>

namespace wasshoi::sdk {

std::string tr_fill(std::string_view key, std::initializer_list<std::string> values) {
  std::string text = tr(key);
  std::size_t at = 0;
  for (const auto& v : values) {
    if ((at = text.find("{}", at)) == std::string::npos) break;
    text.replace(at, 2, v);
    at += v.size();
  }
  return text;
}

std::string fill_marks(std::string text,
                       std::initializer_list<std::pair<std::string_view, std::string>> values) {
  for (const auto& [name, value] : values) {
    const std::string mark = "{" + std::string(name) + "}";
    for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + value.size()))
      text.replace(at, mark.size(), value);
  }
  return text;
}

void Catalog::load_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) return;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const auto name = entry.path().filename().string();
    std::string lang;
    if (name.ends_with(".ja.json"))
      lang = "ja";
    else if (name.ends_with(".en.json"))
      lang = "en";
    else
      continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(buf.str());
    } catch (const nlohmann::json::exception& e) {
      throw InputError("string catalog " + entry.path().string() + " is not valid JSON: " + e.what());
    }
    if (!j.is_object())
      throw InputError("string catalog " + entry.path().string() + " must be one JSON object");
    for (auto& [key, value] : j.items()) {
      if (!value.is_string())
        throw InputError("string catalog " + entry.path().string() + ": \"" + key + "\" is not a string");
      add(lang, key, value.get<std::string>());
    }
  }
}

void Catalog::add(const std::string& lang, const std::string& key, std::string text) {
  strings_[lang][key] = std::move(text);
}

const char* Catalog::tr(std::string_view key) const {
  for (const std::string& lang : {language_, std::string("en"), std::string("ja")}) {
    auto l = strings_.find(lang);
    if (l == strings_.end()) continue;
    auto it = l->second.find(key);
    if (it != l->second.end()) return it->second.c_str();
  }
  // Unknown key: show the key itself, kept in a process-wide side table so the pointer stays valid
  // whichever thread asked (the GUI loads on a second thread), guarded by a mutex.
  static std::mutex guard;
  static std::map<std::string, std::string, std::less<>> missing;
  std::lock_guard<std::mutex> lock(guard);
  auto it = missing.find(key);
  if (it == missing.end()) it = missing.emplace(std::string(key), std::string(key)).first;
  return it->second.c_str();
}

bool Catalog::has(const std::string& lang, std::string_view key) const {
  auto l = strings_.find(lang);
  return l != strings_.end() && l->second.find(key) != l->second.end();
}

std::size_t Catalog::size(const std::string& lang) const {
  auto l = strings_.find(lang);
  return l == strings_.end() ? 0 : l->second.size();
}

Catalog& strings() {
  static Catalog catalog;
  return catalog;
}

std::filesystem::path program_dir() {
  return boost::dll::program_location().parent_path().string();
}

}  // namespace wasshoi::sdk
