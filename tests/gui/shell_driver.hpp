#pragma once
// The real shell driven as an officer drives it, for the GUI tests that walk through a task:
// labels found on screen, clicks, typing, Ctrl+A. It owns the fonts and the headless ImGui; the
// test makes the shell (shell = std::make_unique<gui::Shell>(…)) once its App is open, and resets
// it before the App goes.
#include <memory>
#include <string>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/gui/workspace.hpp>

#include "headless.hpp"

namespace wasshoi::test {

class ShellDriver {
 public:
  // A 1600×1800 screen: tall enough that forms and lists show whole at 20 px.
  ShellDriver();
  ~ShellDriver();
  ShellDriver(const ShellDriver&) = delete;
  ShellDriver& operator=(const ShellDriver&) = delete;

  gui::FontSet fonts{gui::find_japanese_font()};
  std::unique_ptr<HeadlessImGui> imgui;
  std::unique_ptr<gui::Shell> shell;
  // Or, for a test that switches databases, the window's whole content (it makes its Shells).
  std::unique_ptr<gui::Workspace> workspace;
  // The Shell drawn now: the workspace's when there is one.
  gui::Shell& current();

  float em() const { return static_cast<float>(fonts.size()); }
  // One frame of the shell; the text on screen.
  std::string frame();
  // Where `text` is on screen (the occurrence drawn last, the front-most); the test fails, saying
  // what was on screen, when it is not there.
  ImVec2 where(const std::string& text);
  void click_at(ImVec2 at);
  void click(const std::string& label);
  // Typing into the field that has the keyboard.
  void type_text(const std::string& text);
  // Ctrl+A, Enter: keys as ImGui 1.86 takes them (io.KeyMap indices of our own).
  void select_all();
  void press_enter();
  // A form whose labels stand LEFT of their fields (the host's forms, the members plugin's): a
  // click `right` em right of the label's middle, then the text.
  void type_after(const std::string& label, const std::string& text, float right = 8.0f);
  // ImGui's own layout, the label RIGHT of its field: a click `left` em left of the label's start.
  void type_before(const std::string& label, const std::string& text, float left = 1.0f);
  // The same into a field holding text already: what is there is selected and replaced.
  void retype_before(const std::string& label, const std::string& text, float left = 1.0f);
  // Whether `text` is on screen (spaces ignored); when not, what was is kept for the report.
  bool shows(const std::string& text);

 private:
  static constexpr int kKeyA = 65, kKeyEnter = 66;  // free indices of io.KeysDown
  void draw();
};

}  // namespace wasshoi::test
