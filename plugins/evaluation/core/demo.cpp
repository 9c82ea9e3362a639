#include "core/demo.hpp"

#include <iterator>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/projects.hpp"
#include "core/surveys.hpp"

namespace wasshoi::evaluation {

namespace {

// A small deterministic generator (the demo's seed): the same 60 sheets every time.
struct Lcg {
  std::uint32_t state;
  int next(int n) {
    state = state * 1664525u + 1013904223u;
    return static_cast<int>((state >> 8) % static_cast<std::uint32_t>(n));
  }
};

const char* const kOpinions[] = {
    "避難所までの道が暗く、夜の避難が不安です。",
    "炊き出しのおにぎりがおいしかったです。",
    "子どもと一緒に参加できてよかった。",
    "高齢者の移動を手伝う人が足りないと感じました。",
    "安否確認の札の使い方をもっと知らせてほしい。",
    "次は土曜日に開いてほしい。",
    "消火器を初めて使えて心強かった。",
    "集合場所の案内表示が小さかった。",
    "ペットを連れた避難の方法も知りたい。",
};

}  // namespace

void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& o) {
  auto& db = ctx.db();
  auto& orgs = sdk::organizations(ctx);
  if (o.kyodotai == 0 || o.city == 0) return;
  const auto npos = orgs.children(db, o.kyodotai, sdk::OrgKind::Npo);
  const auto depts = orgs.find(db, "防災課", sdk::OrgKind::City, o.city);
  if (npos.empty() || depts.empty()) return;
  const sdk::OrgId npo = npos.front().id, bosai = depts.front().id;

  ProjectInput in;
  in.title = "令和8年度 わっしょい地区合同防災訓練";
  in.form = "実行委員会";
  in.purpose = "地区の住民が避難所の開設、安否確認、炊き出しを体験し、災害時の助け合いに備える。";
  in.start = sdk::Date{2026, 9, 6};
  in.end = sdk::Date{2026, 9, 6};
  in.cost = 186'000;
  in.cost_note = "市 自主防災組織活動補助 120,000円、協議会 66,000円（資機材・炊き出し材料）";
  in.partners = {npo, bosai};
  const Id p = add_project(db, orgs, o.kyodotai, in);
  add_goal(db, p, {0, "訓練への参加者を増やす", "参加者数", "人", 200.0, 163.0});
  add_goal(db, p, {0, "安否確認を全班で行う", "安否確認を行った班の数", "班", 17.0, 15.0});
  add_goal(db, p, {0, "若い世代の参加", "40代以下の参加者", "人", 50.0, 21.0});
  set_improvements(db, p,
                   "次年度は小中学校と共催し、若い世代の参加を増やす。安否確認の札を全戸に配り、"
                   "班長会で使い方を説明する。");

  save_ratings(db, orgs, p, o.kyodotai,
               {{"goals", 4, "参加者は昨年より増えたが、目標の200人には届かなかった。", "", ""},
                {"cost", 4, "補助金と協議会の負担で、資機材を地区で持てた。", "", ""},
                {"dialogue", 5, "実行委員会を毎月開き、NPO・防災課と話し合えた。", "", ""},
                {"citizens", 3, "", "", ""},
                {"ingenuity", 4, "NPOの見守りの経験を安否確認に生かした。", "", ""},
                {"fiscal", 3, "", "", ""}});
  save_ratings(db, orgs, p, bosai,
               {{"goals", 2, "40代以下の参加が目標の半分に届かなかった。",
                 "平日の勤め人に届く周知が無かった。", "学校・PTA を通じた周知と、土曜日の開催を検討する。"},
                {"cost", 4, "", "", ""},
                {"dialogue", 4, "", "", ""},
                {"citizens", 3, "高齢者の参加が多い地区の特性が出た。", "", ""},
                {"ingenuity", 5, "炊き出しと見守りを組み合わせた工夫があった。", "", ""},
                {"fiscal", 4, "市の職員の出動を減らせた。", "", ""}});

  const Id s = add_survey(db, p, "合同防災訓練 参加者アンケート");
  add_question(db, s, "attribute", "年代", {"10代以下", "20〜30代", "40〜50代", "60代以上"});
  add_question(db, s, "attribute", "お住まいの地区", {"第一自治会", "第二自治会", "髙﨑町内会"});
  add_question(db, s, "scale", "訓練に満足しましたか", {});
  add_question(db, s, "multiple", "よかった点", {"避難所の開設", "安否確認", "炊き出し", "消火器の訓練"});
  add_question(db, s, "single", "来年も参加したいですか", {"はい", "いいえ", "わからない"});
  add_question(db, s, "number", "これまでに防災訓練に参加した回数", {});
  add_question(db, s, "text", "ご意見・ご感想", {});
  Lcg rnd{o.seed};
  for (int i = 0; i < 60; ++i) {
    const int age = rnd.next(10) < 6 ? 4 : 1 + rnd.next(3);  // 60代以上が多い
    const int area = 1 + rnd.next(3);
    const int satisfied = std::min(5, 2 + rnd.next(3) + (age == 4 ? 1 : 0));
    std::string good;
    for (int c = 1; c <= 4; ++c)
      if (rnd.next(2)) good += (good.empty() ? "" : ",") + std::to_string(c);
    const int again = satisfied >= 4 ? 1 : 1 + rnd.next(3);
    const int times = rnd.next(8);
    const std::string opinion = i % 7 == 0 ? kOpinions[(i / 7) % std::size(kOpinions)] : "-";
    add_sheet(db, s,
              {std::to_string(age), std::to_string(area), std::to_string(satisfied),
               good.empty() ? "-" : good, std::to_string(again), std::to_string(times), opinion});
  }
}

}  // namespace wasshoi::evaluation
