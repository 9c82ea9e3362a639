#pragma once
// The draw functions of the minutes panels (registered in ui/panels.cpp), one file each.
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::minutes::ui {

void draw_meetings_panel(sdk::Context& ctx);    // 会議一覧・カレンダー
void draw_attendance_panel(sdk::Context& ctx);  // 出席簿と定足数
void draw_reception_panel(sdk::Context& ctx);   // 総会の受付: the 班 checklist
void draw_agenda_panel(sdk::Context& ctx);      // 議案・議決・承認
void draw_actions_panel(sdk::Context& ctx);     // 宿題（アクションアイテム）ボード
void draw_settings_panel(sdk::Context& ctx);    // 会議の設定: 定足数, meeting kinds
void draw_gikansho_panel(sdk::Context& ctx);    // 総会の議案書

}  // namespace wasshoi::minutes::ui
