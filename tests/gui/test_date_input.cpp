// The SDK date field (sdk/ui_date.hpp) in a headless ImGui, typed into and clicked as an officer
// would: every way of writing a date gives the same Date, the calendar picks one, a text that is
// not a date is marked and not taken.
#include <catch2/catch.hpp>
#include <wasshoi/sdk/holidays.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui_date.hpp>

#include "headless.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace ui = wasshoi::sdk::ui;

namespace {

struct DateField {
  gui::FontSet fonts{gui::find_japanese_font()};
  test::HeadlessImGui imgui{fonts};
  std::string text;
  ui::DateInputResult last;
  bool changed = false;  // on any frame since the last reset
  bool focus = false;
  std::string label = "開催日";  // a new field (new id) for each typing: ImGui keeps an active field's text
  int fields = 0;

  DateField() {
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
  }
  // The window with the field, between NewFrame and Render.
  void draw() {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(900, 600));
    ImGui::Begin("test");
    if (focus) ImGui::SetKeyboardFocusHere(), focus = false;
    last = ui::DateInput(label.c_str(), text);
    changed |= last.changed;
    ImGui::End();
  }
  std::string frame() {
    return imgui.frame([&] { draw(); });
  }
  // Clicks into the empty field and types `typed` as a user would.
  std::string type(const std::string& typed) {
    label = "開催日##" + std::to_string(++fields);
    text.clear();
    changed = false;
    focus = true;
    frame();
    frame();
    ImGui::GetIO().AddInputCharactersUTF8(typed.c_str());
    frame();
    return frame();
  }
  void click(const std::string& label) {
    const auto at = imgui.find(label);
    REQUIRE(at);
    imgui.click(*at, [&] { draw(); });
  }
};

bool shows(std::string screen, std::string part) {
  std::erase(screen, ' ');
  std::erase(part, ' ');
  return screen.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a date typed in 西暦 or 和暦, as officers write it, is the same date, shown in both forms") {
  DateField f;
  const sdk::Date may10{2026, 5, 10};
  for (const std::string typed : {"2026-05-10", "2026/5/10", "2026年5月10日", "R8.5.10", "令和8年5月10日",
                                  "令和8.5.10", "２０２６／５／１０"}) {
    INFO(typed);
    const std::string screen = f.type(typed);
    CHECK(f.text == typed);  // the field keeps what was typed
    CHECK(f.changed);
    CHECK(f.last.valid);
    REQUIRE(f.last.date);
    CHECK(*f.last.date == may10);
    CHECK(shows(screen, "令和8年5月10日（2026年）"));
    CHECK_FALSE(shows(screen, sdk::tr("sdk.ui.date.not_a_date")));
  }
  CHECK(ui::date_both_forms({2019, 5, 1}) == "令和元年5月1日（2019年）");
  CHECK(ui::date_both_forms({2019, 4, 30}) == "平成31年4月30日（2019年）");
}

TEST_CASE("a text that is not a date is marked and gives no date, an empty field is no date and no error") {
  DateField f;
  for (const std::string typed : {"2026-13-01", "令和8年2月30日", "5月10日ごろ", "明日"}) {
    INFO(typed);
    const std::string screen = f.type(typed);
    CHECK(f.text == typed);  // kept, to be corrected
    CHECK_FALSE(f.last.valid);
    CHECK_FALSE(f.last.date);
    CHECK_FALSE(f.last.has_date());
    CHECK(shows(screen, sdk::tr("sdk.ui.date.not_a_date")));
  }
  f.label = "開催日##empty";
  f.text.clear();
  const std::string screen = f.frame();
  CHECK(f.last.valid);
  CHECK_FALSE(f.last.date);
  CHECK_FALSE(shows(screen, sdk::tr("sdk.ui.date.not_a_date")));
}

TEST_CASE("the calendar opens on the field's month, moves by months and writes the day clicked") {
  DateField f;
  f.text = "令和8年5月10日";
  f.frame();
  f.frame();
  f.click(sdk::tr("sdk.ui.date.calendar"));
  std::string screen = f.frame();
  INFO(screen);
  REQUIRE(shows(screen, "2026年5月（令和8年）"));
  CHECK(shows(screen, "日月火水木金土"));
  // May 2026 starts on a Friday: five empty cells, then 1 … 31.
  CHECK(shows(screen, "12345678910"));
  CHECK(shows(screen, "293031"));
  CHECK_FALSE(f.changed);

  // ▶ (the arrow right of the month) shows June; its 15th goes into the field.
  const auto title = f.imgui.find("2026年5月（令和8年）");
  const auto start = f.imgui.find_start("2026年5月（令和8年）");
  REQUIRE(title);
  REQUIRE(start);
  const float end = 2 * title->x - start->x;
  f.imgui.click(ImVec2(end + ImGui::GetStyle().ItemSpacing.x + ImGui::GetFrameHeight() / 2, title->y),
                [&] { f.draw(); });
  screen = f.frame();
  REQUIRE(shows(screen, "2026年6月（令和8年）"));
  f.click("15");
  screen = f.frame();
  CHECK(f.changed);
  CHECK(f.text == "2026-06-15");
  REQUIRE(f.last.date);
  CHECK(*f.last.date == sdk::Date{2026, 6, 15});
  CHECK(shows(screen, "令和8年6月15日（2026年）"));
  CHECK_FALSE(shows(screen, "2026年6月（令和8年）"));  // the calendar closed
}

TEST_CASE("the calendar knows the national holidays it colours") {
  // The SDK's holidays (moved from the booking plugin, which still uses them).
  CHECK(sdk::holiday_name({2026, 5, 5}) == "こどもの日");
  CHECK(sdk::holiday_name({2026, 5, 6}) == "振替休日");
  CHECK_FALSE(sdk::holiday_name({2026, 5, 7}));
}
