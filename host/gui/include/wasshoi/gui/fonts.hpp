#pragma once
// The GUI font: a Japanese face found through fontconfig, rasterized at the user's size for the
// Japanese set plus every character the program has to show (catalog strings, names in the
// database, characters panels ask for). ImGui only draws glyphs baked into its atlas, so the set
// grows while the program runs and the atlas is rebuilt between frames.
#include <imgui.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wasshoi::gui {

struct FontFile {
  std::filesystem::path path;
  int index = 0;  // face inside a collection (.ttc), e.g. Noto Sans CJK
  std::string family;
};

// IPAexGothic, else Noto Sans CJK JP, else whatever fontconfig offers for lang=ja;
// nullopt when no installed font covers Japanese.
std::optional<FontFile> find_japanese_font();

inline constexpr int kMinFontSize = 14;
inline constexpr int kMaxFontSize = 28;
inline constexpr int kDefaultFontSize = 20;

// What the atlas holds from the start, before the text the program adds.
enum class GlyphSet {
  Japanese,    // Latin, kana, symbols and the ~3,000 common kanji of GetGlyphRangesJapanese()
  Essentials,  // ASCII, kana and full-width forms only: a small atlas for a quick first frame; call
               // add_japanese_set() once the window shows (the kanji to show are added as text)
};

class FontSet {
 public:
  // Without a font file (nullopt), ImGui's built-in Latin-only font is used.
  explicit FontSet(std::optional<FontFile> file, GlyphSet initial = GlyphSet::Japanese);
  // The file can also be chosen later, before the first build (the GUI looks it up on the
  // thread that builds the first atlas).
  explicit FontSet(GlyphSet initial) : FontSet(std::nullopt, initial) {}
  // Reads the font file once, for every later build.
  void use_font(std::optional<FontFile> file);

  const std::optional<FontFile>& file() const { return file_; }
  int size() const { return size_; }
  // Clamped to 14–28 px.
  void set_size(int px);
  // Adds the characters of `utf8`; the atlas needs a rebuild when any is new.
  void add_text(std::string_view utf8);
  void add_code_points(std::u32string_view code_points);
  // Every *.json catalog in `folder`: the strings the host and plugins draw.
  void add_catalog_text(const std::filesystem::path& folder);
  // The common kanji an officer may type at any moment (GetGlyphRangesJapanese()) and the
  // symbols documents use (※ ① ■ ℃ …).
  void add_japanese_set();

  bool dirty() const { return dirty_; }
  // Rebuilds `atlas` on the CPU; the caller uploads the texture again (GL) if it has one.
  void build(ImFontAtlas& atlas);
  // Characters requested so far (for diagnostics and tests).
  std::size_t character_count() const;

 private:
  bool add_char(unsigned int c);
  std::optional<FontFile> file_;
  std::vector<unsigned char> data_;
  int size_ = kDefaultFontSize;
  ImFontGlyphRangesBuilder used_;
  ImVector<ImWchar> ranges_;  // must outlive the atlas build
  bool dirty_ = true;
};

}  // namespace wasshoi::gui
