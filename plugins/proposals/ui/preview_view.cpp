// The print preview: the 要望書's blocks drawn as the page shows them (date and signer on the
// right, 記 centred, the sections' tables as tables, pictures as framed placeholders), from the
// very Document the PDF is written from.
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "ui/state.hpp"

namespace wasshoi::proposals::ui {

using sdk::tr;

namespace {

// Short lines right-aligned or centred like on paper; long ones wrap from the left.
void aligned(const std::string& text, sdk::Align align) {
  float avail = ImGui::GetContentRegionAvail().x;
  float w = ImGui::CalcTextSize(sdk::ui::display_text(text).c_str()).x;
  if (align != sdk::Align::Left && w < avail)
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) * (align == sdk::Align::Center ? 0.5f : 1.0f));
  sdk::ui::TextWrapped(text);
}

struct BlockDrawer {
  int table = 0;

  void operator()(const sdk::Document::Text& t) {
    using K = sdk::Document::Text;
    if (t.kind == K::Title) ImGui::Spacing();
    if (t.kind == K::Heading) ImGui::Spacing();
    aligned(t.text, t.kind == K::Title ? sdk::Align::Center : t.align);
    if (t.kind == K::Heading || t.kind == K::Title) ImGui::Separator();
  }
  void operator()(const sdk::Document::Fields& f) {
    if (!ImGui::BeginTable(("fields" + std::to_string(table++)).c_str(), 2)) return;
    ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, em(6));
    ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& [k, v] : f.rows) {
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", sdk::ui::display_text(k).c_str());
      ImGui::TableNextColumn();
      sdk::ui::TextWrapped(v);
    }
    ImGui::EndTable();
  }
  void operator()(const sdk::Document::Table& t) {
    auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
    if (t.columns.empty() || !ImGui::BeginTable(("table" + std::to_string(table++)).c_str(),
                                                static_cast<int>(t.columns.size()), flags))
      return;
    for (const auto& c : t.columns)
      ImGui::TableSetupColumn(c.header.c_str(), ImGuiTableColumnFlags_WidthStretch,
                              static_cast<float>(c.width));
    ImGui::TableHeadersRow();
    for (const auto& row : t.rows)
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        ImGui::TableNextColumn();
        sdk::ui::TextWrapped(c < row.size() ? row[c] : "");
      }
    ImGui::EndTable();
  }
  void operator()(const sdk::Document::Signatures& s) {
    for (const auto& l : s.labels) sdk::ui::Text(l + "：＿＿＿＿＿＿＿＿　印");
  }
  void operator()(const sdk::Document::Space& s) { ImGui::Dummy(ImVec2(0, static_cast<float>(s.mm) * 1.5f)); }
  void operator()(const sdk::Document::PageBreak&) {
    ImGui::Spacing();
    aligned(tr("proposals.page_break"), sdk::Align::Center);
    ImGui::Separator();
  }
  void operator()(const sdk::Document::Cover& c) {
    aligned(c.title, sdk::Align::Center);
    for (const auto& l : c.lines) aligned(l, sdk::Align::Center);
    ImGui::Separator();
  }
  void operator()(const sdk::Document::Contents& c) { aligned(c.title, sdk::Align::Center); }
  // Charts and check boxes (sdk::Document since plugin API 6) are in no proposal's document; a
  // preview would show them as text.
  void operator()(const sdk::Document::Chart& c) {
    sdk::ui::Text(c.caption);
    for (const auto& b : c.bars) sdk::ui::Text(b.label + "　" + b.value_text);
  }
  void operator()(const sdk::Document::CheckBoxes& c) {
    for (const auto& l : c.labels) sdk::ui::Text("□ " + l);
  }
  void operator()(const sdk::Document::Image& img) {
    ImGui::BeginChild(("image" + std::to_string(table++)).c_str(), ImVec2(-1, em(4)), true);
    aligned("［" + std::string(tr("proposals.picture")) + "　" + img.name + "　" +
                std::to_string(img.size.width) + "×" + std::to_string(img.size.height) + "］",
            sdk::Align::Center);
    aligned(img.caption, sdk::Align::Center);
    ImGui::EndChild();
  }
};

}  // namespace

void draw_document_preview(const sdk::Document& doc) {
  BlockDrawer draw;
  for (const auto& block : doc.blocks()) std::visit(draw, block);
}

}  // namespace wasshoi::proposals::ui
