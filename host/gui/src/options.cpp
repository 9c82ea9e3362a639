#include "options.hpp"

#include <CLI/CLI.hpp>
#include <wasshoi/gui/fonts.hpp>

namespace wasshoi::gui {

int parse_options(int argc, char** argv, GuiOptions& o) {
  // Help texts stay in English like every other command-line message of Wasshoi; the window
  // itself speaks the user's language.
  CLI::App cli{"Wasshoi — desktop suite for 自治会 officers", "wasshoi"};
  cli.add_option("--db", o.db, "database file (default: ~/.local/share/wasshoi/wasshoi.db)");
  cli.add_option("--plugins", o.plugins,
                 "plugins folder (default: the installed plugins, then ~/.local/share/wasshoi/plugins)");
  cli.add_option("--screenshot", o.screenshot,
                 "render a few frames, write the window to this PNG file, exit");
  cli.add_option("--panel", o.panel, "panel to show in front (e.g. host.organizations, host.plugins)");
  cli.add_option("--org", o.org, "organization id to start on");
  cli.add_option("--user", o.user,
                 "officer account to sign in with, without the sign-in screen; the passphrase comes from "
                 "WASSHOI_PASSPHRASE or standard input");
  cli.add_option("--lang", o.lang, "language of the window")->check(CLI::IsMember({"ja", "en"}));
  cli.add_option("--font-size", o.font_size, "font size in pixels")
      ->check(CLI::Range(kMinFontSize, kMaxFontSize));
  cli.add_option("--frames", o.frames, "render this many frames, then exit")->check(CLI::PositiveNumber);
  cli.add_flag("--exit-after-first-frame", o.exit_after_first_frame,
               "print \"first-frame <ms>\" once the first frame is shown, then exit (benchmark)");
  cli.set_version_flag("--version", std::string("wasshoi ") + WASSHOI_VERSION);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? 0 : 2;
  }
  return -1;
}

}  // namespace wasshoi::gui
