#include <fontconfig/fontconfig.h>
#include <imgui_internal.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <wasshoi/gui/fonts.hpp>

namespace wasshoi::gui {

namespace fs = std::filesystem;

namespace {

// What the first frame needs besides the text the program adds: ASCII, CJK punctuation, kana,
// half- and full-width forms.
constexpr ImWchar kEssentialRanges[] = {0x0020, 0x007E, 0x3000, 0x30FF, 0xFF00, 0xFFEF, 0xFFFD, 0xFFFD, 0};
// Symbols officers' documents use that GetGlyphRangesJapanese() leaves out: Latin-1, ※ ‥ … ―
// ‘ ’ “ ” ℃ № ℡ Ⅰ–Ⅻ arrows ①–⑳ box drawing ■□▲△○●◎ ★☆, small katakana extensions.
constexpr ImWchar kSymbolRanges[] = {0x00A0, 0x00FF, 0x2000, 0x206F, 0x2100, 0x218F, 0x2190,
                                     0x21FF, 0x2460, 0x24FF, 0x2500, 0x257F, 0x25A0, 0x25FF,
                                     0x2605, 0x2606, 0x31F0, 0x31FF, 0};

void add_ranges(const ImWchar* ranges, const std::function<void(unsigned int)>& add) {
  for (const ImWchar* r = ranges; r[0]; r += 2)
    for (unsigned int c = r[0]; c <= r[1]; ++c) add(c);
}

bool supports_japanese(FcPattern* font) {
  FcLangSet* langs = nullptr;
  return FcPatternGetLangSet(font, FC_LANG, 0, &langs) == FcResultMatch &&
         FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>("ja")) == FcLangEqual;
}

// fontconfig always returns its best match; it only counts when it covers Japanese and, when a
// family was asked for, is that family.
std::optional<FontFile> match(FcConfig* config, const char* family) {
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>("ja"));
  if (family) FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
  FcConfigSubstitute(config, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* font = FcFontMatch(config, pattern, &result);
  FcPatternDestroy(pattern);
  if (!font) return std::nullopt;
  std::optional<FontFile> found;
  FcChar8* file = nullptr;
  FcChar8* got_family = nullptr;
  int index = 0;
  FcPatternGetInteger(font, FC_INDEX, 0, &index);
  FcPatternGetString(font, FC_FAMILY, 0, &got_family);
  if (FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch && supports_japanese(font)) {
    std::string name = got_family ? reinterpret_cast<const char*>(got_family) : "";
    if (!family || name == family) found = FontFile{reinterpret_cast<const char*>(file), index, name};
  }
  FcPatternDestroy(font);
  return found;
}

std::vector<unsigned char> read_bytes(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return {};
  std::vector<unsigned char> bytes(size);
  std::ifstream in(path, std::ios::binary);
  if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) return {};
  return bytes;
}

}  // namespace

std::optional<FontFile> find_japanese_font() {
  if (!FcInit()) return std::nullopt;
  FcConfig* config = FcConfigGetCurrent();
  for (const char* family : {"IPAexGothic", "Noto Sans CJK JP", static_cast<const char*>(nullptr)})
    if (auto found = match(config, family)) return found;
  return std::nullopt;
}

FontSet::FontSet(std::optional<FontFile> file, GlyphSet initial) {
  used_.Clear();
  use_font(std::move(file));
  used_.AddRanges(kEssentialRanges);
  if (initial == GlyphSet::Japanese) add_japanese_set();
}

void FontSet::add_japanese_set() {
  auto add = [this](unsigned int c) {
    if (add_char(c)) dirty_ = true;
  };
  ImFontAtlas ranges_source;  // GetGlyphRangesJapanese() only unpacks a static table
  add_ranges(ranges_source.GetGlyphRangesJapanese(), add);
  add_ranges(kSymbolRanges, add);
}

void FontSet::use_font(std::optional<FontFile> file) {
  file_ = std::move(file);
  data_.clear();
  if (file_) data_ = read_bytes(file_->path);
  if (data_.empty()) file_.reset();
  dirty_ = true;
}

void FontSet::set_size(int px) {
  px = std::clamp(px, kMinFontSize, kMaxFontSize);
  if (px != size_) dirty_ = true;
  size_ = px;
}

bool FontSet::add_char(unsigned int c) {
  if (c > IM_UNICODE_CODEPOINT_MAX || used_.GetBit(c)) return false;
  used_.SetBit(c);
  return true;
}

void FontSet::add_text(std::string_view utf8) {
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) {
    unsigned int c = 0;
    p += ImTextCharFromUtf8(&c, p, end);
    if (add_char(c)) dirty_ = true;
  }
}

void FontSet::add_code_points(std::u32string_view code_points) {
  for (char32_t c : code_points)
    if (add_char(static_cast<unsigned int>(c))) dirty_ = true;
}

void FontSet::add_catalog_text(const fs::path& folder) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() != ".json") continue;
    auto bytes = read_bytes(entry.path());
    add_text(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  }
}

std::size_t FontSet::character_count() const {
  std::size_t n = 0;
  for (unsigned int c = 0; c <= IM_UNICODE_CODEPOINT_MAX; ++c) n += used_.GetBit(c) ? 1 : 0;
  return n;
}

void FontSet::build(ImFontAtlas& atlas) {
  atlas.Clear();
  // No power-of-two height: the Japanese atlas is large and tall textures cost upload time.
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  ImFontConfig config;
  config.SizePixels = static_cast<float>(size_);
  if (!file_) {
    atlas.AddFontDefault(&config);
  } else {
    ranges_.clear();
    used_.BuildRanges(&ranges_);
    config.FontDataOwnedByAtlas = false;  // data_ is reused for every rebuild
    config.FontNo = file_->index;
    // CJK strokes stay crisp at 1x horizontal oversampling, and it makes the ~3,500-glyph
    // atlas about three times quicker to build (start-up time).
    config.OversampleH = 1;
    config.PixelSnapH = true;
    atlas.AddFontFromMemoryTTF(data_.data(), static_cast<int>(data_.size()), config.SizePixels, &config,
                               ranges_.Data);
  }
  atlas.Build();
  dirty_ = false;
}

}  // namespace wasshoi::gui
