#pragma once
// Command-line options of `wasshoi`.
#include <filesystem>
#include <string>
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::gui {

struct GuiOptions {
  std::filesystem::path db;             // --db; empty: the default database
  std::filesystem::path plugins;        // --plugins; empty: plugins/ next to the program
  std::filesystem::path screenshot;     // --screenshot FILE.png: render, write, exit
  std::string panel;                    // --panel ID: the panel in front
  sdk::OrgId org = 0;                   // --org ID
  std::string user;                     // --user LOGIN: sign in without the screen
  std::string lang;                     // --lang ja|en; empty: the stored setting
  int font_size = 0;                    // --font-size N; 0: the stored setting
  int frames = 0;                       // --frames N: render N frames, then exit
  bool exit_after_first_frame = false;  // benchmark: print "first-frame <ms>" and exit

  // Runs that only look (screenshots, benchmarks) leave the user's settings alone.
  bool one_shot() const { return !screenshot.empty() || frames > 0 || exit_after_first_frame; }
};

// Parses argv. Returns -1 to go on, else the exit code (0 after --help, 2 for a usage error).
int parse_options(int argc, char** argv, GuiOptions& options);

}  // namespace wasshoi::gui
