#include "core/demo.hpp"

#include <random>

#include "core/facilities.hpp"
#include "core/series.hpp"

namespace wasshoi::booking {

namespace {

constexpr sdk::Date kYearStart{2026, 4, 1};
constexpr sdk::Date kYearEnd{2027, 3, 31};

struct Rooms {
  FacilityId hall, large, japanese, kitchen;
};

Rooms add_rooms(sdk::Database& db, sdk::OrganizationDirectory& orgs, const sdk::DemoOptions& o) {
  Facility large{.owner = o.support, .name = "大会議室", .capacity = 60};
  large.closed_weekdays = 1u << 1;  // 月曜休館
  large.requires_approval = true;
  large.slots = standard_slots(1200, 1600, 1200);
  large.equipment = {
      {"プロジェクター", 1}, {"スクリーン", 1}, {"長机", 20}, {"椅子", 60}, {"ワイヤレスマイク", 2}};
  large.exempt_orgs = {o.kyodotai};
  Facility japanese{.owner = o.support, .name = "和室", .capacity = 20};
  japanese.closed_weekdays = 1u << 1;
  japanese.requires_approval = true;
  japanese.slots = standard_slots(600, 800, 600);
  japanese.equipment = {{"座卓", 8}, {"座布団", 24}};
  Facility kitchen{.owner = o.support, .name = "調理実習室", .capacity = 24};
  kitchen.closed_weekdays = 1u << 1;
  kitchen.closed_on_holidays = true;
  kitchen.requires_approval = true;
  kitchen.slots = standard_slots(900, 1200, 900);
  kitchen.equipment = {{"調理台", 4}, {"ガスコンロ", 8}};
  Facility hall{.owner = o.jichikai.at(0),
                .name = "わっしょい第一集会所",
                .capacity = 40,
                .open_min = 8 * 60,
                .close_min = 22 * 60};
  hall.fee_per_hour = 300;
  hall.equipment = {{"長机", 12}, {"椅子", 40}, {"ストーブ", 2}};
  return {add_facility(db, orgs, hall), add_facility(db, orgs, large), add_facility(db, orgs, japanese),
          add_facility(db, orgs, kitchen)};
}

sdk::DateTime at_hour(const sdk::Date& d, int h, int m = 0) {
  return {d, h, m};
}

void series(sdk::Database& db, sdk::OrganizationDirectory& orgs, FacilityId room, OrgId org, const char* rule,
            sdk::Date first, int h1, int h2, const char* purpose, int people, const char* contact) {
  SeriesRequest r;
  r.first = {room, org, at_hour(first, h1), at_hour(first, h2), purpose, contact, std::nullopt, people};
  r.rule = parse_recurrence(rule);
  r.rule.until = kYearEnd;
  book_series(db, orgs, r, OnProblem::SkipProblems);
}

void add_series(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Rooms& r,
                const sdk::DemoOptions& o) {
  OrgId first = o.jichikai.at(0), second = o.jichikai.at(1), third = o.jichikai.at(2);
  series(db, orgs, r.hall, first, "monthly-nth:2SU", kYearStart, 10, 12, "役員会", 12, "会長 佐藤");
  series(db, orgs, r.hall, first, "monthly-nth:4SA", kYearStart, 19, 21, "班長会", 10, "書記 髙橋");
  series(db, orgs, r.hall, first, "weekly", {2026, 4, 2}, 10, 12, "いきいき百歳体操", 18, "福祉部 﨑山");
  series(db, orgs, r.large, o.kyodotai, "monthly-nth:3SA", kYearStart, 13, 17, "地域協働推進会議", 35,
         "事務局");
  series(db, orgs, r.large, second, "monthly-nth:1SU", kYearStart, 9, 12, "第二自治会 役員会", 14,
         "会長 鈴木");
  series(db, orgs, r.japanese, third, "weekly:2", {2026, 4, 7}, 13, 17, "お茶の会", 12, "婦人部");
  series(db, orgs, r.japanese, first, "weekly", {2026, 4, 3}, 18, 21, "囲碁クラブ", 10, "囲碁クラブ 田中");
  series(db, orgs, r.kitchen, second, "monthly", {2026, 4, 15}, 9, 12, "男の料理教室", 16, "生活部");
}

void add_singles(sdk::Database& db, sdk::OrganizationDirectory& dir, const Rooms& r,
                 const sdk::DemoOptions& o) {
  std::mt19937 rng(o.seed);
  const FacilityId rooms[] = {r.hall, r.large, r.japanese, r.kitchen};
  const char* purposes[] = {"防災訓練 打合せ", "子ども会 行事準備", "まちづくり懇談会", "老人クラブ 例会",
                            "民生委員 連絡会", "文化祭 実行委員会", "消防団 会議",      "ワークショップ"};
  const int starts[] = {9, 13, 18};
  std::vector<OrgId> orgs = o.jichikai;
  orgs.push_back(o.kyodotai);
  for (int i = 0; i < 900; ++i) {
    sdk::Date day = kYearStart.add_days(static_cast<int>(rng() % 365));
    int h = starts[rng() % 3];
    BookingRequest q{rooms[rng() % 4],    orgs[rng() % orgs.size()],
                     at_hour(day, h),     at_hour(day, h == 13 ? 17 : h + 3),
                     purposes[rng() % 8], "",
                     std::nullopt,        static_cast<int>(5 + rng() % 15)};
    try {
      BookingId id = book(db, dir, q);
      if (rng() % 5 != 0) approve(db, id);  // a few stay 仮予約
    } catch (const sdk::InputError&) {
      // closed or taken: the demo simply has no booking there
    }
  }
}

void approve_series(sdk::Database& db, const Rooms& r) {
  // The 公民館 approved the regular series; this month's new ones wait (仮予約).
  sdk::Statement(
      db,
      "UPDATE booking_bookings SET status = 'approved' WHERE status = 'tentative' AND series_id IS NOT NULL "
      "AND NOT (facility_id = ? AND start_min >= ?)")
      .bind_all(r.japanese, sdk::DateTime{{2026, 11, 1}, 0, 0}.epoch_minutes())
      .run();
}

}  // namespace

void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& opts) {
  if (opts.jichikai.size() < 3 || !opts.support) return;
  auto& db = ctx.db();
  sdk::Transaction tx(db, "booking.demo", "fictional rooms and a year of bookings");
  auto& orgs = sdk::organizations(ctx);
  Rooms rooms = add_rooms(db, orgs, opts);
  add_closure(db, rooms.large, {2026, 8, 20}, "空調工事");
  add_closure(db, rooms.large, {2026, 8, 21}, "空調工事");
  add_closure(db, rooms.hall, {2026, 10, 11}, "選挙 投票所");
  add_series(db, orgs, rooms, opts);
  approve_series(db, rooms);
  add_singles(db, orgs, rooms, opts);
  tx.commit();
}

}  // namespace wasshoi::booking
