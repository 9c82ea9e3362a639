#include "core/demo.hpp"

#include <array>
#include <random>
#include <wasshoi/sdk/member_directory.hpp>

#include "core/attachments.hpp"
#include "core/issues.hpp"
#include "core/supports.hpp"
#include "core/workflow.hpp"

namespace wasshoi::issues {

namespace {

using Rng = std::mt19937;
int uniform(Rng& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

struct Template {
  const char* category;
  const char* title;
  const char* description;
  const char* landmark;
  int hue;
};

// Fictional issues of the kind residents raise (DOMAIN.md, 地域課題の集約).
constexpr std::array<Template, 20> kTemplates = {{
    {"防犯", "通学路の防犯灯が切れている", "夜間は真っ暗で、帰宅する中高生が不安を感じている。",
     "公民館裏の市道", 50},
    {"防犯", "空き地に不審な車両が長時間駐車", "週末の夜に同じ車両が停まっている。", "旧商店跡の空き地", 0},
    {"防災", "避難所までの経路に段差が多い", "車いすや高齢者の避難が難しい。", "第一小学校への坂道", 20},
    {"防災", "防災倉庫の備蓄品の更新", "保存水と非常食が期限切れに近い。", "自治会館横の防災倉庫", 30},
    {"交通安全", "交差点のカーブミラーが曲がっている", "見通しが悪く、出会い頭の事故が心配。",
     "中央通りと旧道の交差点", 10},
    {"交通安全", "横断歩道の白線が消えかけている", "登校時間帯に車が減速しない。", "第一小学校前", 210},
    {"道路・除雪", "市道の舗装に穴が開いている", "雨の日に水たまりができ、自転車が転倒しそうになった。",
     "郵便局前", 30},
    {"道路・除雪", "除雪車が来るのが遅い", "朝の通勤時間に間に合わず、坂道が凍結する。", "北側の坂道", 190},
    {"道路・除雪", "側溝のふたが外れている", "歩行者が足を踏み外す危険がある。", "集会所前", 40},
    {"子育て", "公園の遊具が老朽化している", "ブランコの鎖がさびている。", "ちびっこ広場", 120},
    {"子育て", "子どもの遊び場が少ない", "ボール遊びができる場所がほしい。", "", 100},
    {"高齢者・介護", "一人暮らし高齢者の見守り", "冬場の安否確認の方法を決めたい。", "", 280},
    {"高齢者・介護", "ごみ出しが難しい高齢世帯", "集積所まで遠く、雪の日は出せない。", "", 300},
    {"環境美化", "河川敷に不法投棄", "家電製品が捨てられている。", "磐井川の河川敷", 160},
    {"環境美化", "空き地の雑草が伸び放題", "害虫が発生している。", "", 90},
    {"ごみ", "ごみ集積所のカラス被害", "ネットが小さく、生ごみが散乱する。", "3班の集積所", 0},
    {"ごみ", "資源ごみの分別ルールが分かりにくい", "外国出身の世帯向けの案内がほしい。", "", 60},
    {"空き家", "空き家の屋根が崩れかけている", "強風で瓦が飛ぶおそれがある。", "旧道沿い", 15},
    {"鳥獣被害", "畑にイノシシが出る", "収穫前の作物が荒らされた。", "東側の農道", 25},
    {"鳥獣被害", "クマの目撃情報", "朝夕の散歩が不安。", "山沿いの市道", 35},
}};

Reporter demo_reporter(Rng& rng, const std::vector<sdk::HouseholdRef>& households,
                       sdk::MemberDirectory* members, sdk::Database& db) {
  Reporter r;
  int kind = uniform(rng, 0, 9);
  if (kind < 5 && members && !households.empty()) {
    auto& h = households[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(households.size()) - 1))];
    auto persons = members->household_members(db, h.id);
    if (!persons.empty()) return {ReporterKind::Member, persons.front().id, {}, {}};
  }
  // Fictional non-members; 0191-00-xxxx is no one's number (exchange 00 does not exist).
  static constexpr std::array<const char*, 6> kNames = {"木下 春子", "大槻 恭平", "千葉 里美",
                                                        "菅原 勇",   "及川 由紀", "小野寺 健"};
  if (kind < 8)
    return {ReporterKind::Named, std::nullopt, kNames[static_cast<std::size_t>(uniform(rng, 0, 5))],
            "0191-00-" + std::to_string(uniform(rng, 1000, 9999))};
  return r;  // anonymous
}

void add_supports(Rng& rng, sdk::Database& db, IssueId id, const std::vector<sdk::HouseholdRef>& households) {
  int n = uniform(rng, 0, 14);
  for (int k = 0; k < n; ++k) {
    if (!households.empty() && uniform(rng, 0, 9) < 8)
      add_household_support(
          db, id,
          households[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(households.size()) - 1))].id);
    else
      add_guest_support(db, id, "班外の世帯" + std::to_string(uniform(rng, 1, 20)));
  }
}

void advance(Rng& rng, sdk::Database& db, IssueId id, const Template& t, sdk::Date on) {
  int stage = uniform(rng, 0, 9);
  if (stage < 2) return;  // still 受付
  on = on.add_days(uniform(rng, 3, 20));
  set_status(db, id, sdk::issue_status::kConsidering, "役員会で協議", on);
  if (stage < 4) return;
  on = on.add_days(uniform(rng, 7, 30));
  bool city = std::string_view(t.category) == "道路・除雪" || std::string_view(t.category) == "交通安全" ||
              stage >= 8;
  if (city) {
    set_status(db, id, sdk::issue_status::kToCity, "市の管理のため、まちづくり懇談会で要望する", on);
    set_split(db, id, {0, 20, 80, "見回りは自治会、修繕は市"});
  } else {
    set_status(db, id, sdk::issue_status::kLocal, "班長会で役割分担を決めて対応", on);
    set_split(db, id, {30, 70, 0, "住民の協力で対応"});
  }
  if (stage == 9)
    set_status(db, id, sdk::issue_status::kResolved, city ? "市が修繕した" : "対応済み",
               on.add_days(uniform(rng, 10, 40)));
}

// The first issues of the main 自治会 are the topics its 要望書 take up (the proposals demo links
// each 要望書 to the issue of its topic and moves it on submission and answer): 防犯灯, 除雪,
// 空き家, イノシシ. Raised in the autumn, before those 要望書 were drafted, and left at 検討中 for
// the 要望書 to carry on.
constexpr std::array<std::size_t, 4> kProposalTopics = {0, 7, 17, 18};

void advance_to_considering(Rng& rng, sdk::Database& db, IssueId id, sdk::Date on) {
  if (uniform(rng, 0, 9) < 2) return;  // still 受付
  set_status(db, id, sdk::issue_status::kConsidering, "役員会で協議、市への要望書を準備",
             on.add_days(uniform(rng, 3, 20)));
}

void fill_org(Rng& rng, sdk::Context& ctx, sdk::OrgId org, int count, bool main) {
  auto& db = ctx.db();
  auto members = ctx.services().find<sdk::MemberDirectory>();
  std::vector<sdk::HouseholdRef> households;
  if (members) households = members->search_households(db, org, "", 200, std::nullopt);
  auto& orgs = sdk::organizations(ctx);
  std::vector<std::int64_t> han;
  for (const auto& h : orgs.han(db, org)) han.push_back(h.id);
  for (int k = 0; k < count; ++k) {
    const auto drawn = static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(kTemplates.size()) - 1));
    const bool topic = main && static_cast<std::size_t>(k) < kProposalTopics.size();
    const Template& t = kTemplates[topic ? kProposalTopics[static_cast<std::size_t>(k)] : drawn];
    IssueInput in;
    in.org = org;
    in.title = t.title;
    in.description = t.description;
    in.category = t.category;
    in.landmark = t.landmark;
    in.place = "一関市わっしょい" + std::to_string(uniform(rng, 1, 5)) + "丁目" +
               std::to_string(uniform(rng, 1, 30)) + "番地付近";
    if (uniform(rng, 0, 2) > 0)
      in.lat = 38.92 + uniform(rng, 0, 200) / 10000.0, in.lon = 141.12 + uniform(rng, 0, 200) / 10000.0;
    if (!han.empty())
      in.han_id = han[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(han.size()) - 1))];
    in.reporter = demo_reporter(rng, households, members.get(), db);
    const int day = uniform(rng, 0, 150);
    in.reported_on = sdk::Date{2025, 10, 1}.add_days(topic ? day % 61 : day);
    in.priority = uniform(rng, kPriorityHigh, kPriorityLow);
    in.source = "demo";
    IssueId id = create_issue(db, orgs, in);
    add_supports(rng, db, id, households);
    if (uniform(rng, 0, 2) == 0)
      add_attachment(db, id, "photo-" + std::to_string(k + 1) + ".png", demo_photo(t.hue, k));
    if (topic)
      advance_to_considering(rng, db, id, *in.reported_on);
    else
      advance(rng, db, id, t, *in.reported_on);
  }
}

}  // namespace

void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& opts) {
  Rng rng(opts.seed + 40);
  const int counts[] = {12, 10, 8};
  sdk::Transaction tx(ctx.db(), "issues.demo", "fictional issues");
  for (std::size_t j = 0; j < opts.jichikai.size() && j < 3; ++j)
    fill_org(rng, ctx, opts.jichikai[j], counts[j], j == 0);
  tx.commit();
}

}  // namespace wasshoi::issues
