// Plugins for the GUI tests, built from this one file with a different TEST_PLUGIN_ID each:
//   test_names       a well-behaved panel showing names with 髙 﨑 𠮷 through sdk::ui
//   test_thrower     a panel that throws deep inside a tooltip, a popup, a child window, a table and pushed
//                    styles and ids
//   test_unbalanced  a panel that returns with an ImGui Push/Begin it never closed
//   test_busy        a panel whose database write finds another program holding the lock
#include <imgui.h>

#include <stdexcept>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>
#include <wasshoi/sdk/ui.hpp>

namespace {

using wasshoi::sdk::Context;

void draw_names(Context&) {
  wasshoi::sdk::ui::Text("髙橋 一郎");
  wasshoi::sdk::ui::Text("﨑山 花子");
  wasshoi::sdk::ui::Text("𠮷田 次郎");
}

void draw_thrower(Context&) {
  ImGui::TextUnformatted("before the failure");
  ImGui::BeginTooltip();
  ImGui::OpenPopup("popup");
  if (!ImGui::BeginPopup("popup")) throw std::runtime_error("the popup did not open");
  ImGui::BeginChild("inner", ImVec2(300, 120), true);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0, 0, 1));
  ImGui::PushID("deep");
  if (ImGui::BeginTable("table", 2)) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("cell");
    throw std::runtime_error("boom in a table");
  }
}

void draw_unbalanced(Context&) {
  ImGui::PushID("forgotten");
  ImGui::BeginGroup();
  ImGui::TextUnformatted("no PopID, no EndGroup");
}

void draw_busy(Context&) {
  ImGui::PushID("writing");
  ImGui::TextUnformatted("saving…");
  throw wasshoi::sdk::BusyError("database is locked", 5);
}

void draw_refusal(Context&) {
  ImGui::PushID("saving");
  ImGui::TextUnformatted("保存…");
  throw wasshoi::sdk::InputError("not permitted: this household is not in your 班");
}

class TestPlugin : public wasshoi::sdk::Plugin {
 public:
  wasshoi::sdk::PluginInfo info() const override {
    return {TEST_PLUGIN_ID, "テスト " TEST_PLUGIN_ID, "Test " TEST_PLUGIN_ID, "0.1.0", {}, "GUI test plugin"};
  }
  void register_contributions(wasshoi::sdk::Registry& registry) override {
    const std::string id = TEST_PLUGIN_ID;
    if (id == "test_names") registry.add_panel({"test_names.list", "test_names.title", draw_names});
    if (id == "test_thrower") registry.add_panel({"test_thrower.boom", "test_thrower.title", draw_thrower});
    if (id == "test_busy") registry.add_panel({"test_busy.refuse", "test_busy.title", draw_refusal});
    if (id == "test_busy") registry.add_panel({"test_busy.save", "test_busy.title", draw_busy});
    if (id == "test_unbalanced")
      registry.add_panel({"test_unbalanced.open", "test_unbalanced.title", draw_unbalanced});
  }
};

}  // namespace

WASSHOI_PLUGIN(TestPlugin)
