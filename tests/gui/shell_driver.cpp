#include "shell_driver.hpp"

#include <catch2/catch.hpp>

namespace wasshoi::test {

ShellDriver::ShellDriver() : imgui(std::make_unique<HeadlessImGui>(fonts)) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1600, 1800);
  io.KeyMap[ImGuiKey_A] = kKeyA;
  io.KeyMap[ImGuiKey_Enter] = kKeyEnter;
}

ShellDriver::~ShellDriver() {
  workspace.reset();
  shell.reset();
  imgui.reset();
}

gui::Shell& ShellDriver::current() {
  return workspace ? workspace->shell() : *shell;
}

void ShellDriver::draw() {
  if (workspace)
    workspace->draw_frame();
  else
    shell->draw_frame();
}

std::string ShellDriver::frame() {
  return imgui->frame([&] { draw(); });
}

ImVec2 ShellDriver::where(const std::string& text) {
  frame();
  auto at = imgui->find(text);
  INFO("looking for " << text << " on screen: " << frame());
  REQUIRE(at);
  return *at;
}

void ShellDriver::click_at(ImVec2 at) {
  imgui->click(at, [&] { draw(); });
  frame();
  frame();
}

void ShellDriver::click(const std::string& label) {
  click_at(where(label));
}

void ShellDriver::type_text(const std::string& text) {
  ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
  frame();
  frame();
}

void ShellDriver::select_all() {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  io.KeysDown[kKeyA] = true;
  frame();
  io.KeysDown[kKeyA] = false;
  io.KeyCtrl = false;
  frame();
}

void ShellDriver::press_enter() {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[kKeyEnter] = true;
  frame();
  io.KeysDown[kKeyEnter] = false;
  frame();
  frame();
}

void ShellDriver::type_after(const std::string& label, const std::string& text, float right) {
  ImVec2 at = where(label);
  at.x += em() * right;
  click_at(at);
  type_text(text);
}

void ShellDriver::type_before(const std::string& label, const std::string& text, float left) {
  frame();
  auto at = imgui->find_start(label);
  INFO("looking for " << label << " on screen: " << frame());
  REQUIRE(at);
  click_at(ImVec2(at->x - em() * left, at->y));
  type_text(text);
}

void ShellDriver::retype_before(const std::string& label, const std::string& text, float left) {
  frame();
  auto at = imgui->find_start(label);
  INFO("looking for " << label << " on screen: " << frame());
  REQUIRE(at);
  click_at(ImVec2(at->x - em() * left, at->y));
  select_all();
  type_text(text);
}

bool ShellDriver::shows(const std::string& text) {
  const std::string screen = frame();
  const bool found = imgui->find(text).has_value();
  if (!found) UNSCOPED_INFO("looking for " << text << " on screen: " << screen);
  return found;
}

}  // namespace wasshoi::test
