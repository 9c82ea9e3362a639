// Corrections of a 協働事業 and its アンケート on a real SQLite file: the particulars, partners,
// goals, links and questions change in one transaction each (one audit row); what the plugin's
// rules refuse (a partner that has evaluated, a question that has answers, …) is refused in
// Japanese, saying why, and writes nothing.
#include <catch2/catch.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>

#include "core/surveys.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::evaluation;
using Catch::Matchers::Contains;

namespace {

// Every row of the tables the corrections write, and the audit log's size: equal before and after
// a refusal when nothing was written.
std::string snapshot(test::EvaluationDb& f) {
  std::string out;
  for (const char* sql :
       {"SELECT id || title || form || purpose || COALESCE(CAST(start_on AS TEXT), '') || "
        "COALESCE(CAST(end_on AS TEXT), '') || "
        "COALESCE(CAST(cost AS TEXT), '') || cost_note FROM evaluation_projects ORDER BY id",
        "SELECT id || '/' || project_id || '/' || org_id FROM evaluation_partners ORDER BY id",
        "SELECT id || '/' || position || goal || indicator || unit || COALESCE(CAST(target AS TEXT), '') || "
        "COALESCE(CAST(achieved AS TEXT), '') FROM evaluation_goals ORDER BY id",
        "SELECT project_id || kind || ref_id FROM evaluation_links ORDER BY 1",
        "SELECT id || '/' || position || kind || text || choices FROM evaluation_questions ORDER BY id",
        "SELECT count(*) FROM evaluation_answers", "SELECT count(*) FROM audit_log"}) {
    sdk::Statement st(f.db(), sql);
    while (st.step()) out += st.get_text(0) + "\n";
  }
  return out;
}

std::int64_t audits(test::EvaluationDb& f, const std::string& action) {
  return f.count("SELECT count(*) FROM audit_log WHERE action = '" + action + "'");
}

ProjectInput corrected() {
  ProjectInput in;
  in.title = "令和8年度 わっしょい地区合同防災訓練（雨天順延）";
  in.form = "共催";
  in.purpose = "避難所の開設、安否確認、炊き出しを住民が体験する。";
  in.start = sdk::Date{2026, 9, 13};
  in.end = sdk::Date{2026, 9, 13};
  in.cost = 210'000;
  in.cost_note = "市補助 150,000円、協議会 60,000円";
  return in;
}

Id add_three_questions(test::EvaluationDb& f, Id project) {
  const Id s = add_survey(f.db(), project, "防災訓練 参加者アンケート");
  add_question(f.db(), s, "属性", "年代", {"10代以下", "20〜30代", "40〜50代", "60代以上"});
  add_question(f.db(), s, "5段階", "訓練に満足しましたか", {});
  add_question(f.db(), s, "自由記述", "ご意見", {});
  return s;
}

std::vector<std::string> question_texts(test::EvaluationDb& f, Id s) {
  std::vector<std::string> out;
  for (const auto& q : survey(f.db(), f.orgs(), f.kyodotai, s).questions)
    out.push_back(std::to_string(q.number) + q.text);
  return out;
}

}  // namespace

TEST_CASE_METHOD(test::EvaluationDb, "a 協働事業's title 形態 purpose period and cost are corrected") {
  const Id id = add_drill();
  update_project(db(), id, corrected());
  const Project p = project(db(), orgs(), kyodotai, id);
  CHECK(p.title == "令和8年度 わっしょい地区合同防災訓練（雨天順延）");
  CHECK(p.form == "kyosai");
  CHECK(p.purpose == "避難所の開設、安否確認、炊き出しを住民が体験する。");
  CHECK(p.start == sdk::Date{2026, 9, 13});
  CHECK(p.end == sdk::Date{2026, 9, 13});
  CHECK(p.cost == 210'000);
  CHECK(p.cost_note == "市補助 150,000円、協議会 60,000円");
  CHECK(p.partners.size() == 4);  // the partners are not touched
  CHECK(audits(*this, "evaluation.project.update") == 1);
  // A cost can be cleared again (not known yet).
  auto in = corrected();
  in.cost.reset();
  update_project(db(), id, in);
  CHECK_FALSE(project(db(), orgs(), kyodotai, id).cost);
}

TEST_CASE_METHOD(test::EvaluationDb, "a correction with a bad value is refused and writes nothing") {
  const Id id = add_drill();
  const std::string before = snapshot(*this);
  auto in = corrected();
  in.end = sdk::Date{2026, 9, 1};
  CHECK_THROWS_WITH(update_project(db(), id, in), Contains("--to") && Contains("before the start"));
  in = corrected();
  in.form = "丸投げ";
  CHECK_THROWS_WITH(update_project(db(), id, in), Contains("協働の形態"));
  in = corrected();
  in.title = "  ";
  CHECK_THROWS_WITH(update_project(db(), id, in), Contains("needs a title"));
  CHECK_THROWS_WITH(update_project(db(), 999, corrected()), Contains("番号 999 の協働事業はありません"));
  CHECK(snapshot(*this) == before);
}

TEST_CASE_METHOD(test::EvaluationDb, "a partner that has not evaluated is removed") {
  const Id id = add_drill();
  remove_partner(db(), orgs(), id, npo);
  const Project p = project(db(), orgs(), kyodotai, id);
  REQUIRE(p.partners.size() == 3);
  for (const auto& x : p.partners) CHECK(x.org != npo);
  CHECK(audits(*this, "evaluation.partner.remove") == 1);
  // It no longer sees the project.
  CHECK_THROWS_WITH(project(db(), orgs(), npo, id), Contains("no 協働事業 with id"));
}

TEST_CASE_METHOD(test::EvaluationDb,
                 "a partner that has evaluated is not removed, and the message says why") {
  const Id id = add_drill();
  as("npo");
  save_ratings(db(), orgs(), id, npo, {{"goals", 4, "よかった", "", ""}, {"cost", 3, "", "", ""}});
  as("kyodo");
  const std::string before = snapshot(*this);
  CHECK_THROWS_WITH(remove_partner(db(), orgs(), id, npo),
                    Contains("NPO法人 みどりの見守り隊") && Contains("すでに自主評価をしています（2項目）") &&
                        Contains("外せません"));
  // Nor the registering organization, nor one that takes no part.
  CHECK_THROWS_WITH(remove_partner(db(), orgs(), id, kyodotai), Contains("登録した団体なので"));
  CHECK_THROWS_WITH(remove_partner(db(), orgs(), id, second),
                    Contains("髙﨑町内会 はこの協働事業の参加団体ではありません"));
  CHECK(snapshot(*this) == before);
  CHECK(count("SELECT count(*) FROM evaluation_ratings") == 2);
}

TEST_CASE_METHOD(test::EvaluationDb, "a goal is corrected and a removed goal's followers move up") {
  const Id id = add_drill();
  add_goal(db(), id, {0, "避難所を30分で開設する", "開設までの時間", "分", 30.0, std::nullopt});
  add_goal(db(), id, {0, "安否確認を全世帯で行う", "確認できた世帯の割合", "%", 100.0, std::nullopt});
  update_goal(db(), id, 1, {0, "訓練への参加者を増やす", "参加者数", "人", 250.0, 163.0});
  auto goals = project(db(), orgs(), kyodotai, id).goals;
  REQUIRE(goals.size() == 3);
  CHECK(goals[0].target == 250.0);
  CHECK(goals[0].achieved == 163.0);
  remove_goal(db(), id, 2);
  goals = project(db(), orgs(), kyodotai, id).goals;
  REQUIRE(goals.size() == 2);
  CHECK(goals[0].goal == "訓練への参加者を増やす");
  CHECK(goals[1].id == 2);  // 目標3 became 目標2
  CHECK(goals[1].goal == "安否確認を全世帯で行う");
  CHECK(audits(*this, "evaluation.goal.update") == 1);
  CHECK(audits(*this, "evaluation.goal.remove") == 1);
  // The numbers keep going: the next goal is 目標3.
  add_goal(db(), id, {0, "炊き出しを300食", "食数", "食", 300.0, std::nullopt});
  CHECK(project(db(), orgs(), kyodotai, id).goals.back().id == 3);
}

TEST_CASE_METHOD(test::EvaluationDb,
                 "a goal that is not there or a bad value is refused and writes nothing") {
  const Id id = add_drill();
  const std::string before = snapshot(*this);
  CHECK_THROWS_WITH(update_goal(db(), id, 5, {0, "目標", "", "", 1.0, std::nullopt}),
                    Contains("目標5 はありません"));
  CHECK_THROWS_WITH(remove_goal(db(), id, 2), Contains("目標2 はありません"));
  CHECK_THROWS_WITH(update_goal(db(), id, 1, {0, " ", "", "", 1.0, std::nullopt}),
                    Contains("needs its text"));
  CHECK_THROWS_WITH(update_goal(db(), id, 1, {0, "目標", "", "", -3.0, std::nullopt}), Contains("--target"));
  CHECK(snapshot(*this) == before);
}

TEST_CASE_METHOD(test::EvaluationDb, "a link is removed and the issue itself stays") {
  const Id id = add_drill();
  auto& tracker = app->services().get<sdk::IssueTracker>();
  const auto issue = tracker.create_issue(db(), {kyodotai, "避難所の備蓄が足りない", "", "防災", "", ""});
  add_links(db(), nullptr, &tracker, id, std::nullopt, issue);
  REQUIRE(project(db(), orgs(), kyodotai, id).links.size() == 1);
  const std::string before = snapshot(*this);
  CHECK_THROWS_WITH(remove_link(db(), id, "meeting", issue), Contains("会議は関連づけられていません"));
  CHECK_THROWS_WITH(remove_link(db(), id, "proposal", 1), Contains("meeting（会議）か issue（地域課題）"));
  CHECK(snapshot(*this) == before);
  remove_link(db(), id, "issue", issue);
  CHECK(project(db(), orgs(), kyodotai, id).links.empty());
  CHECK(tracker.issue(db(), issue));
  CHECK(audits(*this, "evaluation.link.remove") == 1);
}

TEST_CASE_METHOD(test::EvaluationDb, "questions are edited moved and removed before any answer") {
  const Id p = add_drill();
  const Id s = add_three_questions(*this, p);
  update_question(db(), s, 2, "単一選択", "訓練はいかがでしたか", {"よかった", "ふつう", "よくなかった"});
  auto q = survey(db(), orgs(), kyodotai, s).questions.at(1);
  CHECK(q.kind == "single");
  CHECK(q.text == "訓練はいかがでしたか");
  CHECK(q.choices == std::vector<std::string>{"よかった", "ふつう", "よくなかった"});
  move_question(db(), s, 3, 1);
  CHECK(question_texts(*this, s) == std::vector<std::string>{"1ご意見", "2年代", "3訓練はいかがでしたか"});
  move_question(db(), s, 1, 3);
  CHECK(question_texts(*this, s) == std::vector<std::string>{"1年代", "2訓練はいかがでしたか", "3ご意見"});
  remove_question(db(), s, 1);
  CHECK(question_texts(*this, s) == std::vector<std::string>{"1訓練はいかがでしたか", "2ご意見"});
  CHECK(audits(*this, "evaluation.question.update") == 1);
  CHECK(audits(*this, "evaluation.question.move") == 2);
  CHECK(audits(*this, "evaluation.question.remove") == 1);
  CHECK(add_question(db(), s, "数値", "参加回数", {}) == 3);
}

TEST_CASE_METHOD(test::EvaluationDb, "a question with answers is not removed and the message says why") {
  const Id p = add_drill();
  const Id s = add_three_questions(*this, p);
  add_sheet(db(), s, {"1", "5", "よかった"});
  add_sheet(db(), s, {"2", "4"});
  const std::string before = snapshot(*this);
  CHECK_THROWS_WITH(remove_question(db(), s, 1),
                    Contains("問1 にはすでに 2 枚の回答票の回答があります") && Contains("回答が失われる"));
  CHECK_THROWS_WITH(remove_question(db(), s, 3), Contains("問3 にはすでに 1 枚"));
  CHECK_THROWS_WITH(update_question(db(), s, 2, "5段階", "満足度", {}),
                    Contains("すでに回答票が 2 枚") && Contains("設問は変えられません"));
  CHECK_THROWS_WITH(move_question(db(), s, 3, 1), Contains("設問は変えられません"));
  CHECK(snapshot(*this) == before);
}

TEST_CASE_METHOD(test::EvaluationDb, "a bad question correction is refused and writes nothing") {
  const Id p = add_drill();
  const Id s = add_three_questions(*this, p);
  const std::string before = snapshot(*this);
  CHECK_THROWS_WITH(move_question(db(), s, 1, 4), Contains("1〜3 の番号") && Contains("4 は範囲外"));
  CHECK_THROWS_WITH(move_question(db(), s, 7, 1), Contains("問7 はありません"));
  CHECK_THROWS_WITH(update_question(db(), s, 1, "single", "年代", {"ひとつだけ"}),
                    Contains("2 choices or more"));
  CHECK_THROWS_WITH(remove_question(db(), 999, 1), Contains("番号 999 のアンケートはありません"));
  CHECK(snapshot(*this) == before);
}
