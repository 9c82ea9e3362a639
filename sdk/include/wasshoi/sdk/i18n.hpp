#pragma once
// ja/en string catalogs. Strings live in JSON files (assets/i18n/<owner>.<lang>.json, installed
// to bin/i18n/), one flat object of "key": "text". Japanese is the default language.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace wasshoi::sdk {

class Catalog {
 public:
  // Loads every *.ja.json / *.en.json in `folder`. Bad JSON throws InputError naming the file.
  void load_folder(const std::filesystem::path& folder);
  void add(const std::string& lang, const std::string& key, std::string text);
  void set_language(std::string lang) { language_ = std::move(lang); }
  const std::string& language() const { return language_; }
  // The text in the current language, else English, else the key itself. The pointer stays
  // valid until the catalog is loaded again (ImGui can hold it for the frame).
  const char* tr(std::string_view key) const;
  bool has(const std::string& lang, std::string_view key) const;
  std::size_t size(const std::string& lang) const;

 private:
  std::string language_ = "ja";
  std::map<std::string, std::map<std::string, std::string, std::less<>>> strings_;
};

// The process-wide catalog the host loads at start.
Catalog& strings();
inline const char* tr(std::string_view key) {
  return strings().tr(key);
}
// Folder of the running program (bin/), from which plugins/ and i18n/ are found.
std::filesystem::path program_dir();

}  // namespace wasshoi::sdk
