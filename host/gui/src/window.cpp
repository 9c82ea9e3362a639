#include "window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <wasshoi/gui/style.hpp>

#include "screenshot.hpp"

namespace wasshoi::gui {

namespace {

// Frames before a screenshot: windows size themselves on the second frame and glyphs asked
// for on one frame are in the atlas on the next.
constexpr int kScreenshotFrames = 6;
constexpr int kMaxScreenshotFrames = 60;

// GLFW reports through a callback without user data; the message is kept for Window::error()
// (printing it at once would add noise to errors that are not about the window, e.g. a bad --db).
std::string& last_glfw_error() {
  static std::string message;
  return message;
}

void glfw_error(int code, const char* description) {
  last_glfw_error() = "GLFW error " + std::to_string(code) + ": " + description;
}

// Rebuilds the atlas when the font size or the character set changed, and re-uploads it.
void update_fonts(FontSet& fonts) {
  if (!fonts.dirty()) return;
  fonts.build(*ImGui::GetIO().Fonts);
  apply_style(fonts.size());
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void render(GLFWwindow* window) {
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// Idle, the loop sleeps until an event (or half a second) and then draws a few frames: ImGui
// often needs a second frame to show the result of a click. Laptops stay cool. While the shell
// waits for another thread (a passphrase check) it looks again every 50 ms.
void wait_or_poll(int& busy_frames, bool shell_busy) {
  if (shell_busy) {
    glfwWaitEventsTimeout(0.05);
    busy_frames = 2;
    return;
  }
  if (busy_frames > 0) {
    glfwPollEvents();
    --busy_frames;
    return;
  }
  glfwWaitEventsTimeout(0.5);  // the text cursor still blinks
  busy_frames = 2;
}

void first_frame_shown(const WindowOptions& o) {
  if (o.exit_after_first_frame) {
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - o.started);
    std::printf("first-frame %.1f\n", ms.count());
    std::fflush(stdout);
  }
  if (o.after_first_frame) o.after_first_frame();
}

int loop(GLFWwindow* window, Workspace& workspace, FontSet& fonts, const WindowOptions& o) {
  const bool one_shot = !o.screenshot.empty() || o.frames > 0 || o.exit_after_first_frame;
  int busy_frames = 2;
  for (int frame = 1; !glfwWindowShouldClose(window) && !workspace.quit_requested(); ++frame) {
    if (one_shot)
      glfwPollEvents();
    else
      wait_or_poll(busy_frames, workspace.busy());
    update_fonts(fonts);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    workspace.draw_frame();
    render(window);
    const bool settled = frame >= kScreenshotFrames && !fonts.dirty();
    if (!o.screenshot.empty() && (settled || frame >= kMaxScreenshotFrames)) {
      int w = 0, h = 0;
      glfwGetFramebufferSize(window, &w, &h);
      write_screenshot(o.screenshot, w, h);
      return 0;
    }
    glfwSwapBuffers(window);
    if (frame == 1) first_frame_shown(o);
    if (o.exit_after_first_frame) return 0;
    if (o.frames > 0 && frame >= o.frames) return 0;
  }
  return 0;
}

}  // namespace

Window::Window() {
  glfwSetErrorCallback(glfw_error);
  if (!glfwInit()) {
    error_ = last_glfw_error();
    return;
  }
  // GLSL 130 = OpenGL 3.0: what Mesa offers everywhere, including llvmpipe under Xvfb.
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown by run(), once there is something to show
  window_ = glfwCreateWindow(1280, 800, "Wasshoi", nullptr, nullptr);
  if (!window_) {
    error_ = last_glfw_error();
    glfwTerminate();
    return;
  }
  glfwMakeContextCurrent(window_);
}

Window::~Window() {
  if (!window_) return;
  glfwDestroyWindow(window_);
  glfwTerminate();
}

int Window::run(Workspace& workspace, FontSet& fonts, ImFontAtlas& atlas, const char* title,
                const WindowOptions& o) {
  glfwSetWindowTitle(window_, title);
  const bool one_shot = !o.screenshot.empty() || o.frames > 0 || o.exit_after_first_frame;
  glfwSwapInterval(one_shot ? 0 : 1);
  ImGui::CreateContext(&atlas);
  ImGui::GetIO().IniFilename = nullptr;  // never write imgui.ini into the user's working folder
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  apply_style(fonts.size());
  ImGui_ImplOpenGL3_CreateDeviceObjects();  // uploads the atlas
  glfwShowWindow(window_);
  int code = 0;
  try {
    code = loop(window_, workspace, fonts, o);
  } catch (const std::exception& e) {
    std::cerr << "wasshoi: " << e.what() << "\n";
    code = 1;
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  return code;
}

}  // namespace wasshoi::gui
