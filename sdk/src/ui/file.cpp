// Files through the desktop's own dialog (sdk/ui_file.hpp): GTK 3's GtkFileChooserNative, run
// beside the ImGui window and pumped on every frame; a typed-path window when GTK cannot start;
// a preset answer for tests and scripted runs.
#include <gtk/gtk.h>
#include <imgui.h>

#include <cstdlib>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/text.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_file.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

namespace wasshoi::sdk::ui {

namespace fs = std::filesystem;

namespace {

// The answer every dialog gives while a test has preset one (outer optional: preset or not).
std::optional<std::optional<fs::path>> g_preset;
std::optional<FileRequest> g_last_request;
fs::path g_last_folder;  // where the officer last chose a file in this run

// The preset answer from the test hook, else from WASSHOI_FILE_ANSWER (set: the answer; set
// and empty: cancelled); nothing when neither is set.
std::optional<std::optional<fs::path>> preset_now() {
  if (g_preset) return g_preset;
  if (const char* env = std::getenv("WASSHOI_FILE_ANSWER")) {
    if (*env == '\0') return std::optional<fs::path>{};
    return std::optional<fs::path>{fs::path(env)};
  }
  return std::nullopt;
}

// GTK starts once, when the first dialog opens, and never touches the process's locale (the
// program's number and date formatting stay as they are).
bool gtk_ready() {
  static const bool ready = [] {
    gtk_disable_setlocale();
    return gtk_init_check(nullptr, nullptr) != FALSE;
  }();
  return ready;
}

void pump_gtk() {
  while (gtk_events_pending()) gtk_main_iteration_do(FALSE);
}

fs::path start_folder(const FileRequest& request) {
  std::error_code ec;
  if (!request.folder.empty() && fs::is_directory(request.folder, ec)) return request.folder;
  if (!g_last_folder.empty() && fs::is_directory(g_last_folder, ec)) return g_last_folder;
  return documents_folder();
}

void remember_folder(const fs::path& chosen) {
  if (chosen.has_parent_path()) g_last_folder = chosen.parent_path();
}

FileFilter filter(const char* key, std::initializer_list<const char*> extensions) {
  FileFilter f{tr(key), {}};
  for (const char* ext : extensions) {
    std::string upper(ext);
    for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');  // extensions are lower-case ASCII
    f.patterns.push_back(std::string("*.") + ext);
    f.patterns.push_back("*." + upper);
  }
  return f;
}

}  // namespace

FileFilter pdf_files() {
  return filter("sdk.ui.file.pdf", {"pdf"});
}
FileFilter csv_files() {
  return filter("sdk.ui.file.csv", {"csv", "txt"});
}
FileFilter image_files() {
  return filter("sdk.ui.file.image", {"png", "jpg", "jpeg"});
}
FileFilter calendar_files() {
  return filter("sdk.ui.file.calendar", {"ics"});
}
FileFilter json_files() {
  return filter("sdk.ui.file.json", {"json"});
}

fs::path documents_folder() {
  std::error_code ec;
  // GLib reads user-dirs.dirs (XDG_DOCUMENTS_DIR, localized: ~/ドキュメント); GTK need not run.
  if (const gchar* docs = g_get_user_special_dir(G_USER_DIRECTORY_DOCUMENTS)) {
    const fs::path p(docs);
    if (fs::is_directory(p, ec)) return p;
  }
  const fs::path home(g_get_home_dir());
  for (const char* name : {"Documents", "ドキュメント"})
    if (fs::is_directory(home / name, ec)) return home / name;
  return home;
}

struct FileChooser::Impl {
  FileRequest request;
  bool open = false;
  // The answer, once there is one: set by the dialog's response (or the preset, or the typed
  // window) and handed out by the next poll().
  std::optional<std::optional<fs::path>> answer;
  GtkFileChooserNative* dialog = nullptr;
  // The typed-path window when GTK could not start.
  bool typed_window = false;
  std::string typed;

  void close_dialog() {
    if (!dialog) return;
    gtk_native_dialog_hide(GTK_NATIVE_DIALOG(dialog));
    g_object_unref(dialog);
    dialog = nullptr;
    pump_gtk();
  }

  static void on_response(GtkNativeDialog* native, gint response, gpointer data) {
    auto* self = static_cast<Impl*>(data);
    std::optional<fs::path> chosen;
    if (response == GTK_RESPONSE_ACCEPT) {
      if (gchar* name = gtk_file_chooser_get_filename(GTK_FILE_CHOOSER(native))) {
        chosen = fs::path(name);
        g_free(name);
      }
    }
    self->answer = chosen;
  }

  void show_gtk() {
    const bool save = request.mode == FileMode::Save;
    const std::string accept = tr(save ? "sdk.ui.file.save" : "sdk.ui.file.open");
    const std::string cancel = tr("sdk.ui.cancel");
    dialog = gtk_file_chooser_native_new(request.title.c_str(), nullptr,
                                         save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         accept.c_str(), cancel.c_str());
    GtkFileChooser* chooser = GTK_FILE_CHOOSER(dialog);
    gtk_file_chooser_set_local_only(chooser, TRUE);
    gtk_file_chooser_set_current_folder(chooser, start_folder(request).c_str());
    if (save) {
      gtk_file_chooser_set_do_overwrite_confirmation(chooser, TRUE);
      if (!request.suggested_name.empty())
        gtk_file_chooser_set_current_name(chooser, request.suggested_name.c_str());
    }
    for (const FileFilter& f : request.filters) {
      GtkFileFilter* gf = gtk_file_filter_new();
      gtk_file_filter_set_name(gf, f.name.c_str());
      for (const std::string& p : f.patterns) gtk_file_filter_add_pattern(gf, p.c_str());
      gtk_file_chooser_add_filter(chooser, gf);  // the chooser takes the floating reference
    }
    if (!save && !request.filters.empty()) {
      GtkFileFilter* all = gtk_file_filter_new();
      gtk_file_filter_set_name(all, tr("sdk.ui.file.all"));
      gtk_file_filter_add_pattern(all, "*");
      gtk_file_chooser_add_filter(chooser, all);
    }
    gtk_native_dialog_set_modal(GTK_NATIVE_DIALOG(dialog), TRUE);
    g_signal_connect(dialog, "response", G_CALLBACK(&Impl::on_response), this);
    gtk_native_dialog_show(GTK_NATIVE_DIALOG(dialog));
    pump_gtk();
  }

  // The window where the path is typed when there is no desktop dialog.
  void draw_typed_window() {
    const std::string name = display_text(request.title) + "###wasshoi_file_typed";
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32.0f, 0), ImGuiCond_Appearing);
    const ImGuiViewport* view = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(view->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin(name.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
      TextWrapped(tr("sdk.ui.file.typed"));
      ImGui::SetNextItemWidth(-1);
      InputText("##path", typed);
      const std::string path = trim(typed);
      ImGui::BeginDisabled(path.empty());
      if (Button(tr(request.mode == FileMode::Save ? "sdk.ui.file.save" : "sdk.ui.file.open")))
        answer = std::optional<fs::path>{fs::path(path)};
      ImGui::EndDisabled();
      const std::string cancel = tr("sdk.ui.cancel");
      same_line_if_fits(button_width(cancel));
      if (Button(cancel)) answer = std::optional<fs::path>{};
    }
    ImGui::End();
  }
};

FileChooser::FileChooser() : impl_(new Impl) {}

FileChooser::~FileChooser() {
  if (!impl_) return;
  impl_->close_dialog();
  delete impl_;
}

// The dialog's response handler holds the Impl, which stays where it is: a move hands it over.
FileChooser::FileChooser(FileChooser&& other) noexcept : impl_(other.impl_) {
  other.impl_ = new Impl;
}

FileChooser& FileChooser::operator=(FileChooser&& other) noexcept {
  if (this != &other) std::swap(impl_, other.impl_);
  return *this;
}

void FileChooser::open(FileRequest request) {
  impl_->close_dialog();
  impl_->answer.reset();
  impl_->typed_window = false;
  impl_->request = std::move(request);
  impl_->open = true;
  g_last_request = impl_->request;
  if (auto preset = preset_now()) {
    impl_->answer = *preset;
    return;
  }
  if (gtk_ready()) {
    impl_->show_gtk();
    return;
  }
  impl_->typed_window = true;
  impl_->typed = (start_folder(impl_->request) / impl_->request.suggested_name).string();
}

std::optional<fs::path> FileChooser::poll() {
  if (!impl_->open) return std::nullopt;
  if (impl_->dialog) pump_gtk();
  if (impl_->typed_window && !impl_->answer) impl_->draw_typed_window();
  if (!impl_->answer) return std::nullopt;
  std::optional<fs::path> chosen = *impl_->answer;
  impl_->answer.reset();
  impl_->open = false;
  impl_->typed_window = false;
  impl_->close_dialog();
  if (chosen) remember_folder(*chosen);
  return chosen;
}

bool FileChooser::is_open() const {
  return impl_->open;
}

const FileRequest& FileChooser::request() const {
  return impl_->request;
}

bool file_field(const char* id, FileChooser& chooser, const FileRequest& request, std::string& path) {
  ImGui::PushID(id);
  const std::string button = tr("sdk.ui.file.choose");
  if (Button(button)) {
    FileRequest r = request;
    r.mode = FileMode::Open;
    if (!path.empty() && r.folder.empty()) r.folder = fs::path(path).parent_path();
    chooser.open(std::move(r));
  }
  const std::string shown =
      path.empty() ? std::string(tr("sdk.ui.file.none")) : fs::path(path).filename().string();
  same_line_if_fits(text_width(shown));
  ImGui::AlignTextToFramePadding();
  if (path.empty())
    TextDisabled(shown);
  else
    Text(shown);
  if (!path.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", display_text(path).c_str());
  ImGui::PopID();
  if (auto chosen = chooser.poll()) {
    path = chosen->string();
    return true;
  }
  return false;
}

std::optional<fs::path> save_button(std::string_view label, FileChooser& chooser,
                                    const FileRequest& request) {
  if (Button(label)) {
    FileRequest r = request;
    r.mode = FileMode::Save;
    chooser.open(std::move(r));
  }
  return chooser.poll();
}

std::string document_file_name(std::initializer_list<std::string_view> parts, std::string_view extension) {
  std::string name;
  for (std::string_view part : parts) {
    const std::string t = trim(part);
    if (t.empty()) continue;
    if (!name.empty()) name += '_';
    name += t;
  }
  std::string safe;
  for (std::size_t i = 0; i < name.size();) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (name.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000, the full-width space
      safe += '_';
      i += 3;
      continue;
    }
    if (c < 0x20 || c == 0x7F ||
        std::string_view("/\\:*?\"<>| ").find(static_cast<char>(c)) != std::string_view::npos)
      safe += '_';
    else
      safe += static_cast<char>(c);
    ++i;
  }
  // Cut at a character boundary (never inside a UTF-8 sequence).
  constexpr std::size_t kMax = 100;
  if (safe.size() > kMax) {
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(safe[cut]) & 0xC0) == 0x80) --cut;
    safe.resize(cut);
  }
  if (safe.empty()) safe = "wasshoi";
  return safe + std::string(extension);
}

void preset_answer(std::optional<fs::path> answer) {
  g_preset = std::move(answer);
}

void clear_preset_answer() {
  g_preset.reset();
}

std::optional<FileRequest> last_request() {
  return g_last_request;
}

}  // namespace wasshoi::sdk::ui
