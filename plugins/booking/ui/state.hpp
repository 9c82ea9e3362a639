#pragma once
// The panels' state, kept by the caller as ImGui wants it: plain data, no widget objects. Each
// panel keeps its own in an sdk::ui::PerOrg (ui/panels.cpp): fresh for every organization and
// every sign-in.
#include <optional>
#include <string>
#include <wasshoi/sdk/ui_panel.hpp>

#include "core/finder.hpp"
#include "core/series.hpp"
#include "core/usage.hpp"

namespace wasshoi::booking::ui {

struct DialogState {
  bool open_requested = false;
  FacilityId room = 0;
  std::string date, start = "10:00", end = "12:00", purpose, contact;
  int slot = -1;  // index into the room's slots; -1: free times
  int people = 10;
  int repeat = 0;  // 0 none, 1 毎週, 2 隔週, 3 毎月(日付), 4 毎月第n曜日
  int nth = 2, count = 12;
  std::optional<SeriesPlan> plan;  // the per-date check, shown before booking a series
  sdk::ui::PanelMessage message;   // the last error or result
};

struct CalendarState {
  bool initialised = false;
  bool month = false;
  OrgId owner = 0;
  FacilityId room = 0;  // 0: every room of the owner
  sdk::Date anchor;
  std::optional<BookingId> selected;
  DialogState dialog;
};

struct FinderState {
  int people = 30;
  std::string from, to;
  bool weekdays[7] = {true, false, false, false, false, false, true};
  int slot = 1;  // 0 午前 1 午後 2 夜間 3 any
  std::vector<FreeSlot> results;
  bool searched = false;
  sdk::ui::PanelMessage message;
};

struct UsageState {
  std::string from, to;
  OrgId owner = 0;
  std::optional<UsageReport> report;
  std::string out_dir;
  sdk::ui::PanelMessage message;
};

}  // namespace wasshoi::booking::ui
