#pragma once
// The panels' state, kept by the caller as ImGui wants it: plain data, no widget objects. Each
// panel keeps its own in an sdk::ui::PerOrg (ui/panels.cpp): fresh for every organization and
// every sign-in.
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>
#include <wasshoi/sdk/ui_document.hpp>
#include <wasshoi/sdk/ui_file.hpp>
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

// 施設の設定: one room's form, kept as typed (numbers too, so a half-typed "1," is not lost).
struct SlotRow {
  std::string name, start, end, fee;
};
struct EquipmentRow {
  std::string name, quantity = "1";
};
struct SetupState {
  bool loaded = false;
  FacilityId room = 0;  // 0: a new room
  std::string name, capacity, open = "9:00", close = "21:00";
  bool by_slots = true;  // named slots, else free times with a fee per hour
  std::vector<SlotRow> slots;
  std::string fee_per_hour;
  bool closed[7] = {};  // weekly closed days, 0 = Sunday
  bool closed_on_holidays = false, new_year_closed = true, requires_approval = false, owner_pays = false;
  std::vector<EquipmentRow> equipment;
  std::set<OrgId> exempt;
  std::string closure_date, closure_reason;
  sdk::ui::Confirm retire;
  sdk::ui::PanelMessage message;
};

// 予約の確認: the bookings of the organization's rooms (承認待ち first) and its own bookings.
struct RequestsState {
  std::optional<BookingId> cancelling;
  std::optional<SeriesId> cancelling_series;
  sdk::Date series_from;
  sdk::ui::ReasonPrompt cancel, cancel_series;
  // 日時を変える: the booking being moved, its new date and times as typed, and why.
  std::optional<BookingId> moving;
  std::string move_date, move_start, move_end;
  sdk::ui::ReasonPrompt move;
  sdk::ui::UndoOffer undo;
  sdk::ui::PanelMessage message;
};

struct CalendarState {
  bool initialised = false;
  bool month = false;
  OrgId owner = 0;
  FacilityId room = 0;  // 0: every room of the owner
  sdk::Date anchor;
  std::optional<BookingId> selected;
  DialogState dialog;
  sdk::ui::ReasonPrompt cancel;  // 取消: why, for the audit log
  sdk::ui::PanelMessage message;
  bool setup = false;  // the rooms' set-up drawn in place of the calendar
  SetupState setup_state;
  // The month's page for the 集会所 door (one room shown): 印刷… / PDFで保存….
  std::unique_ptr<sdk::ui::DocumentActions> door_page = std::make_unique<sdk::ui::DocumentActions>();
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
  sdk::ui::PanelMessage message;
  sdk::ui::DocumentActions paper;  // 印刷… and PDFで保存… of the report
  std::unique_ptr<sdk::ui::FileChooser> csv = std::make_unique<sdk::ui::FileChooser>();
};

}  // namespace wasshoi::booking::ui
