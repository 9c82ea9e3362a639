#include "core/demo.hpp"

#include <wasshoi/sdk/issue_tracker.hpp>
#include <wasshoi/sdk/meeting_directory.hpp>

#include "core/lifecycle.hpp"
#include "core/orgs.hpp"
#include "core/proposals.hpp"

namespace wasshoi::proposals {

namespace {

struct Spec {
  const char* title;
  Kind kind;
  const char* department;  // the 担当課 it is addressed to; nullptr: the mayor
  const char* place;
  const char* history;
  const char* action;
  State target;
  AnswerCategory answer;
  const char* answer_text;
  // The issue of the same topic it takes up (the issues demo raises one for each): its 分野 and a
  // word of its title; none when no issue is about it.
  const char* issue_category;
  const char* issue_word;
};

const Spec kSpecs[] = {
    {"通学路への防犯灯の増設", Kind::Request, nullptr, "わっしょい小学校 北側通学路（約400m）",
     "令和6年度に自治会費で防犯灯2基を設置したが、なお暗い区間が残っている。",
     "北側通学路に防犯灯を3基増設していただきたい。", State::Closed, AnswerCategory::WillDo,
     "令和8年度予算にて3基を設置します。", "防犯", "防犯灯"},
    {"市道わっしょい線の冬期除雪回数の増加", Kind::Request, "道路課", "市道わっしょい線（坂道区間）",
     "班長会で除雪の遅れについて意見が多く、令和7年1月に支所へ口頭で相談した。",
     "坂道区間を優先除雪路線に指定していただきたい。", State::Continuing, AnswerCategory::WillConsider,
     "除雪計画の見直しの中で検討します。", "道路・除雪", "除雪"},
    {"地区集会所の改修費補助の拡充", Kind::Policy, nullptr, "わっしょい第一集会所",
     "築40年を超え、屋根の雨漏りを自治会で応急修理してきた。",
     "集会所改修に対する補助率を2分の1から3分の2に引き上げていただきたい。", State::Answered,
     AnswerCategory::Difficult, "補助制度の全市的な見直し時期ではないため、現時点での拡充は困難です。",
     nullptr, nullptr},
    {"管理不全の空き家への指導", Kind::Petition, "まちづくり推進課", "3班 旧商店跡",
     "所有者へ自治会長名で文書を送付したが、回答がない。", "所有者への指導を行っていただきたい。",
     State::Submitted, AnswerCategory::Other, "", "空き家", "空き家"},
    {"鳥獣被害対策の電気柵設置支援", Kind::Request, nullptr, "東側の農地一帯",
     "令和7年秋にクマ・イノシシの出没が相次ぎ、回覧で注意喚起を行った。",
     "電気柵の資材を地域へ貸与していただきたい。", State::Approved, AnswerCategory::Other, "", "鳥獣被害",
     "イノシシ"},
    {"子育てサロン開設場所の確保", Kind::Request, nullptr, "", "",
     "公民館の一室を定期的に使わせていただきたい。", State::Draft, AnswerCategory::Other, "", nullptr,
     nullptr},
};

std::vector<sdk::MeetingRef> approving_meetings(sdk::Context& ctx, OrgId org) {
  std::vector<sdk::MeetingRef> out;
  auto dir = ctx.services().find<sdk::MeetingDirectory>();
  if (!dir) return out;
  for (auto& m : dir->meetings(ctx.db(), org, {2020, 4, 1}, {2031, 3, 31}))
    if (m.start && (m.kind.find("役員会") != std::string::npos || m.kind.find("総会") != std::string::npos))
      out.push_back(m);
  return out;
}

// The city's 担当課 of that name (the sample has まちづくり推進課, 道路課 …); 0 when there is none.
OrgId department(sdk::Context& ctx, const char* name) {
  if (!name) return 0;
  for (const auto& b : sdk::organizations(ctx).of_kind(ctx.db(), sdk::OrgKind::City))
    if (b.name == name) return b.id;
  return 0;
}

ProposalId draft(sdk::Context& ctx, const sdk::DemoOptions& o, OrgId org, const Spec& s, sdk::Date on) {
  const OrgId dept = department(ctx, s.department);
  const bool to_dept = dept != 0;
  ProposalId id = add_proposal(ctx.db(), sdk::organizations(ctx),
                               {org, s.title, s.kind, to_dept ? Addressee::Department : Addressee::Mayor,
                                to_dept ? dept : o.city, "", s.place, on});
  add_gathering(ctx.db(), id,
                {0, GatheringMethod::HanLeaders, on.add_days(-30), 18, 0, "各班から意見を集約"});
  if (s.kind == Kind::Policy)
    add_gathering(ctx.db(), id,
                  {0, GatheringMethod::Survey, on.add_days(-20), 0, 96, "全世帯アンケート（回収率80%）"});
  if (*s.history) add_history(ctx.db(), id, {0, on.add_days(-60), s.history});
  add_action(ctx.db(), sdk::organizations(ctx), id, {0, s.action, std::nullopt, ""});
  return id;
}

// Links the open issue of the proposal's topic (same 分野, the word in its title), if there is one:
// never an unrelated issue, so the city's answer moves the issue it is about.
void link_issues(sdk::Context& ctx, ProposalId id, OrgId org, const Spec& s) {
  auto tracker = ctx.services().find<sdk::IssueTracker>();
  if (!tracker || !s.issue_category) return;
  std::optional<std::int64_t> found;
  for (const auto& i : tracker->search(ctx.db(), org, s.issue_word, 50))
    if (i.category == s.issue_category && i.title.find(s.issue_word) != std::string::npos &&
        (i.status == sdk::issue_status::kReceived || i.status == sdk::issue_status::kConsidering))
      found = i.id;  // newest first: the last is the one raised first
  if (found) link_issue(ctx.db(), id, tracker.get(), *found);
}

void advance(sdk::Context& ctx, ProposalId id, const Spec& s, const sdk::MeetingRef& m, std::size_t i) {
  auto tracker = ctx.services().find<sdk::IssueTracker>();
  approve(ctx.db(), sdk::organizations(ctx), id, ctx.services().find<sdk::MeetingDirectory>().get(), m.id);
  if (s.target == State::Approved) return;
  sdk::Date sent = m.start->date.add_days(10);
  submit(ctx.db(), sdk::organizations(ctx), id, sent, "", tracker.get());
  if (s.target == State::Submitted) return;
  sdk::Date answered = sent.add_days(35 + 7 * static_cast<int>(i));
  record_answer(ctx.db(), sdk::organizations(ctx), id,
                {answered, s.answer, s.answer_text,
                 std::string("一関市 ") + (s.department ? s.department : "まちづくり推進課") + "長"},
                tracker.get());
  // Carried into the next 年度 once it has begun: never a 継続 dated in the future.
  if (s.target == State::Continuing && sdk::fiscal_year(answered) < sdk::fiscal_year(sdk::today()))
    carry_over(ctx.db(), sdk::organizations(ctx), id, sdk::fiscal_year(answered) + 1);
  if (s.target == State::Closed) {
    add_progress(ctx.db(), sdk::organizations(ctx), id,
                 {0, answered.add_days(60), "工事業者が決定し、年内に設置予定との連絡あり。"});
    close(ctx.db(), sdk::organizations(ctx), id, answered.add_days(120), "3基の設置を確認");
  }
}

}  // namespace

void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& o) {
  if (o.jichikai.empty() || o.city == 0) return;
  // The meetings of the last 年度 that has some, and the one before (the 継続 proposal was
  // approved, submitted and answered then, and carried into this one).
  auto all = approving_meetings(ctx, o.jichikai.front());
  std::vector<sdk::MeetingRef> meetings, before;
  if (!all.empty()) {
    const int fy = sdk::fiscal_year(all.back().start->date);
    for (const auto& m : all) (sdk::fiscal_year(m.start->date) == fy ? meetings : before).push_back(m);
  }
  std::size_t i = 0, n = 0;  // n: the meetings of this 年度 taken so far
  for (const auto& s : kSpecs) {
    std::optional<sdk::MeetingRef> m;
    if (s.target == State::Continuing && !before.empty())
      m = before.back();
    else if (!meetings.empty())
      m = meetings[n++ % meetings.size()];
    sdk::Date on = m ? m->start->date.add_days(-7) : sdk::Date{2026, 4, 1};
    ProposalId id = draft(ctx, o, o.jichikai.front(), s, on);
    link_issues(ctx, id, o.jichikai.front(), s);
    if (s.target != State::Draft && m) advance(ctx, id, s, *m, i);
    ++i;
  }
  if (meetings.empty())
    ctx.notify("proposals: no 役員会/総会 minutes (minutes plugin), so the demo proposals stay drafts");
  if (o.jichikai.size() > 1)  // a second 自治会, so the 地域協働体 sees proposals together
    draft(ctx, o, o.jichikai[1], kSpecs[0], {2026, 5, 1});
}

}  // namespace wasshoi::proposals
