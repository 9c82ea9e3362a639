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
  bool to_department;
  const char* place;
  const char* history;
  const char* action;
  State target;
  AnswerCategory answer;
  const char* answer_text;
};

const Spec kSpecs[] = {
    {"通学路への防犯灯の増設", Kind::Request, false, "わっしょい小学校 北側通学路（約400m）",
     "令和6年度に自治会費で防犯灯2基を設置したが、なお暗い区間が残っている。",
     "北側通学路に防犯灯を3基増設していただきたい。", State::Closed, AnswerCategory::WillDo,
     "令和8年度予算にて3基を設置します。"},
    {"市道わっしょい線の冬期除雪回数の増加", Kind::Request, true, "市道わっしょい線（坂道区間）",
     "班長会で除雪の遅れについて意見が多く、令和7年1月に支所へ口頭で相談した。",
     "坂道区間を優先除雪路線に指定していただきたい。", State::Continuing, AnswerCategory::WillConsider,
     "除雪計画の見直しの中で検討します。"},
    {"地区集会所の改修費補助の拡充", Kind::Policy, false, "わっしょい第一集会所",
     "築40年を超え、屋根の雨漏りを自治会で応急修理してきた。",
     "集会所改修に対する補助率を2分の1から3分の2に引き上げていただきたい。", State::Answered,
     AnswerCategory::Difficult, "補助制度の全市的な見直し時期ではないため、現時点での拡充は困難です。"},
    {"管理不全の空き家への指導", Kind::Petition, true, "3班 旧商店跡",
     "所有者へ自治会長名で文書を送付したが、回答がない。", "所有者への指導を行っていただきたい。",
     State::Submitted, AnswerCategory::Other, ""},
    {"鳥獣被害対策の電気柵設置支援", Kind::Request, false, "東側の農地一帯",
     "令和7年秋にクマ・イノシシの出没が相次ぎ、回覧で注意喚起を行った。",
     "電気柵の資材を地域へ貸与していただきたい。", State::Approved, AnswerCategory::Other, ""},
    {"子育てサロン開設場所の確保", Kind::Request, false, "", "",
     "公民館の一室を定期的に使わせていただきたい。", State::Draft, AnswerCategory::Other, ""},
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

ProposalId draft(sdk::Context& ctx, const sdk::DemoOptions& o, OrgId org, const Spec& s, OrgId dept,
                 sdk::Date on) {
  bool to_dept = s.to_department && dept != 0;
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

void link_issues(sdk::Context& ctx, ProposalId id, OrgId org, std::size_t index) {
  auto tracker = ctx.services().find<sdk::IssueTracker>();
  if (!tracker) return;
  // The demo issues in the order they were raised, one per proposal.
  auto issues = tracker->search(ctx.db(), org, "", 50);
  if (index < issues.size()) link_issue(ctx.db(), id, tracker.get(), issues[index].id);
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
                {answered, s.answer, s.answer_text, "一関市 まちづくり推進課長"}, tracker.get());
  if (s.target == State::Continuing)
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
  auto bodies = sdk::organizations(ctx).of_kind(ctx.db(), sdk::OrgKind::City);  // the city first
  OrgId dept = bodies.size() > 1 ? bodies[1].id : 0;
  auto meetings = approving_meetings(ctx, o.jichikai.front());
  std::size_t i = 0;
  for (const auto& s : kSpecs) {
    sdk::Date on =
        meetings.empty() ? sdk::Date{2026, 4, 1} : meetings[i % meetings.size()].start->date.add_days(-7);
    ProposalId id = draft(ctx, o, o.jichikai.front(), s, dept, on);
    link_issues(ctx, id, o.jichikai.front(), i);
    if (s.target != State::Draft && !meetings.empty()) advance(ctx, id, s, meetings[i % meetings.size()], i);
    ++i;
  }
  if (meetings.empty())
    ctx.notify("proposals: no 役員会/総会 minutes (minutes plugin), so the demo proposals stay drafts");
  if (o.jichikai.size() > 1)  // a second 自治会, so the 地域協働体 sees proposals together
    draft(ctx, o, o.jichikai[1], kSpecs[0], dept, {2026, 5, 1});
}

}  // namespace wasshoi::proposals
