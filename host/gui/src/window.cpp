#include "window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <cstdio>
#include <iostream>
#include <thread>
#include <wasshoi/gui/style.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "screenshot.hpp"

namespace wasshoi::gui {

namespace {

// Frames before a screenshot: windows size themselves on the second frame and glyphs asked
// for on one frame are in the atlas on the next.
constexpr int kScreenshotFrames = 6;
constexpr int kMaxScreenshotFrames = 60;

void glfw_error(int code, const char* description) {
  std::cerr << "wasshoi: GLFW error " << code << ": " << description << "\n";
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
// often needs a second frame to show the result of a click. Laptops stay cool.
void wait_or_poll(int& busy_frames) {
  if (busy_frames > 0) {
    glfwPollEvents();
    --busy_frames;
    return;
  }
  glfwWaitEventsTimeout(0.5);
  busy_frames = 3;
}

void first_frame_shown(const WindowOptions& o) {
  if (o.exit_after_first_frame) {
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - o.started);
    std::printf("first-frame %.1f\n", ms.count());
    std::fflush(stdout);
  }
  if (o.after_first_frame) o.after_first_frame();
}

int loop(GLFWwindow* window, Shell& shell, FontSet& fonts, const WindowOptions& o) {
  const bool one_shot = !o.screenshot.empty() || o.frames > 0 || o.exit_after_first_frame;
  int busy_frames = 3;
  for (int frame = 1; !glfwWindowShouldClose(window) && !shell.quit_requested(); ++frame) {
    if (one_shot)
      glfwPollEvents();
    else
      wait_or_poll(busy_frames);
    update_fonts(fonts);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    shell.draw_frame();
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

int run_window(Shell& shell, FontSet& fonts, const WindowOptions& o) {
  // Finding the font, reading it and rasterizing the atlas take a good part of what the X
  // server and OpenGL take to give us a window: do both at once. Nothing else touches `fonts`
  // or `atlas` until the builder has joined (ImGui's context only keeps the pointer).
  ImFontAtlas atlas;
  std::jthread font_builder([&] {
    fonts.use_font(find_japanese_font());
    fonts.build(atlas);
  });
  glfwSetErrorCallback(glfw_error);
  if (!glfwInit()) {
    std::cerr << "wasshoi: cannot open a window (is there a display? try xvfb-run -a wasshoi …)\n";
    return 1;
  }
  // GLSL 130 = OpenGL 3.0: what Mesa offers everywhere, including llvmpipe under Xvfb.
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window = glfwCreateWindow(o.width, o.height, sdk::tr("gui.window_title"), nullptr, nullptr);
  if (!window) {
    std::cerr << "wasshoi: cannot create an OpenGL 3.0 window\n";
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  const bool one_shot = !o.screenshot.empty() || o.frames > 0 || o.exit_after_first_frame;
  glfwSwapInterval(one_shot ? 0 : 1);
  ImGui::CreateContext(&atlas);
  ImGui::GetIO().IniFilename = nullptr;  // never write imgui.ini into the user's working folder
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  font_builder.join();
  apply_style(fonts.size());
  ImGui_ImplOpenGL3_CreateDeviceObjects();  // uploads the atlas
  int code = 0;
  try {
    code = loop(window, shell, fonts, o);
  } catch (const std::exception& e) {
    std::cerr << "wasshoi: " << e.what() << "\n";
    code = 1;
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return code;
}

}  // namespace wasshoi::gui
