// 協働事業 and the partners' 自主評価 on a real SQLite file with the real host: the project's
// rules, the comparison flagging exactly the items that differ by two steps or more.
#include <catch2/catch.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>

#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::evaluation;
using Catch::Matchers::Contains;

TEST_CASE_METHOD(test::EvaluationDb, "a 協働事業 keeps its partners goals form period and cost") {
  const Id id = add_drill();
  const Project p = project(db(), orgs(), kyodotai, id);
  CHECK(p.title == "令和8年度 わっしょい地区合同防災訓練");
  CHECK(p.form == "jikko");
  CHECK(form_label(p.form) == "実行委員会");
  REQUIRE(p.partners.size() == 4);
  CHECK(p.partners[0].org == kyodotai);  // the registering organization takes part itself
  CHECK(p.partners[1].name == "NPO法人 みどりの見守り隊");
  CHECK(p.partners[2].kind == sdk::OrgKind::City);
  CHECK(p.cost == 180'000);
  REQUIRE(p.goals.size() == 1);
  CHECK(p.goals[0].target == 200.0);
  CHECK(!p.goals[0].achieved);
  set_achieved(db(), id, 1, 163);
  CHECK(project(db(), orgs(), npo, id).goals[0].achieved == 163.0);  // a partner reads it
  CHECK(list_projects(db(), orgs(), bosai).size() == 1);
  CHECK(list_projects(db(), orgs(), second).empty());
  CHECK_THROWS_WITH(project(db(), orgs(), second, id),
                    Contains("no 協働事業 with id") && Contains("髙﨑町内会"));
}

TEST_CASE_METHOD(test::EvaluationDb, "bad 協働事業 input is refused with what and where and writes nothing") {
  const auto before = count("SELECT count(*) FROM audit_log");
  ProjectInput in;
  in.title = "清掃活動";
  in.form = "お手伝い";
  CHECK_THROWS_WITH(add_project(db(), orgs(), kyodotai, in),
                    Contains("--form: 'お手伝い' is not one of") && Contains("アドプト"));
  in.form = "アドプト";
  in.start = sdk::Date{2026, 5, 1};
  in.end = sdk::Date{2026, 4, 1};
  CHECK_THROWS_WITH(add_project(db(), orgs(), kyodotai, in), Contains("--to: 2026-04-01 is before"));
  in.end.reset();
  in.partners = {9999};
  CHECK_THROWS_WITH(add_project(db(), orgs(), kyodotai, in), Contains("no organization with id 9999"));
  in.partners = {npo, npo};
  CHECK_THROWS_WITH(add_project(db(), orgs(), kyodotai, in), Contains("already takes part"));
  CHECK(count("SELECT count(*) FROM evaluation_projects") == 0);
  CHECK(count("SELECT count(*) FROM evaluation_partners") == 0);
  CHECK(count("SELECT count(*) FROM audit_log") == before);
}

TEST_CASE_METHOD(test::EvaluationDb, "a rating of 2 or less needs its cause and improvement") {
  const Id id = add_drill();
  CHECK_THROWS_WITH(save_ratings(db(), orgs(), id, kyodotai, {{"goals", 2, "参加が少なかった", "", ""}}),
                    Contains("needs its cause") && Contains("目標や成果が達成されたか"));
  CHECK_THROWS_WITH(save_ratings(db(), orgs(), id, kyodotai, {{"goals", 6, "", "", ""}}),
                    Contains("not one of the 5 steps"));
  CHECK_THROWS_WITH(save_ratings(db(), orgs(), id, kyodotai, {{"満足度", 3, "", "", ""}}),
                    Contains("not one of the common items"));
  CHECK(count("SELECT count(*) FROM evaluation_ratings") == 0);
  save_ratings(db(), orgs(), id, kyodotai,
               {{"目標や成果が達成されたか", 2, "", "周知が回覧板だけだった", "SNSと学校を通じて周知する"}});
  save_ratings(db(), orgs(), id, kyodotai, {{"goals", 3, "", "", ""}});  // changed, not added
  CHECK(count("SELECT count(*) FROM evaluation_ratings") == 1);
  CHECK(count("SELECT rating FROM evaluation_ratings") == 3);
}

TEST_CASE_METHOD(test::EvaluationDb,
                 "three partners compared side by side: exactly the items that differ by 2 steps or more") {
  const Id id = add_drill();
  // 目標 5/4/3 (2 steps: flagged), 費用 4/4/3 (1: not), 話し合い 2/4/4 (2: flagged), 市民の特性 3/3/3,
  // 創意工夫 5/4 and one not rated (1), 行財政的な効果 1/3 and one not rated (2: flagged).
  as("kyodo");
  save_ratings(db(), orgs(), id, kyodotai,
               {{"goals", 5, "参加者が増えた", "", ""},
                {"cost", 4, "", "", ""},
                {"dialogue", 2, "", "準備会が2回だけ", "月1回の実行委員会を開く"},
                {"citizens", 3, "", "", ""},
                {"ingenuity", 5, "", "", ""},
                {"fiscal", 1, "", "市の負担が大きい", "資機材を地区で持つ"}});
  as("npo");
  save_ratings(db(), orgs(), id, npo,
               {{"goals", 4, "", "", ""},
                {"cost", 4, "", "", ""},
                {"dialogue", 4, "", "", ""},
                {"citizens", 3, "", "", ""},
                {"ingenuity", 4, "", "", ""}});
  as("bosai");
  save_ratings(db(), orgs(), id, bosai,
               {{"goals", 3, "目標200人に届かず", "", ""},
                {"cost", 3, "", "", ""},
                {"dialogue", 4, "", "", ""},
                {"citizens", 3, "", "", ""},
                {"fiscal", 3, "", "", ""}});
  const Project p = project(db(), orgs(), bosai, id);
  const auto rows = compare(db(), p);
  REQUIRE(rows.size() == 6);
  std::vector<std::string> flagged;
  for (const auto& r : rows)
    if (r.differs) flagged.push_back(r.item);
  CHECK(flagged == std::vector<std::string>{"goals", "dialogue", "fiscal"});
  CHECK(rows[0].spread == 2);
  CHECK(rows[1].spread == 1);
  CHECK(rows[3].spread == 0);
  REQUIRE(rows[0].ratings.size() == 4);  // the first 自治会 takes part and has not evaluated yet
  CHECK(rows[0].ratings[0].rating == 5);
  CHECK(rows[0].ratings[2].partner == "防災課");
  CHECK(rows[0].ratings[2].comment == "目標200人に届かず");
  CHECK(!rows[0].ratings[3].rating);
  CHECK(!rows[5].ratings[1].rating);
  CHECK(rows[2].ratings[0].cause == "準備会が2回だけ");
}

TEST_CASE_METHOD(test::EvaluationDb, "the local issue behind a project is linked through the IssueTracker") {
  const Id id = add_drill();
  auto& tracker = app->services().get<sdk::IssueTracker>();
  const auto issue = tracker.create_issue(db(), {kyodotai, "避難所の備蓄が足りない", "", "防災", "", ""});
  add_links(db(), nullptr, &tracker, id, std::nullopt, issue);
  const Project p = project(db(), orgs(), npo, id);
  REQUIRE(p.links.size() == 1);
  CHECK(p.links[0].kind == "issue");
  CHECK(p.links[0].label == "避難所の備蓄が足りない");
  CHECK_THROWS_WITH(add_links(db(), nullptr, &tracker, id, std::nullopt, 999),
                    Contains("no issue with id 999"));
  CHECK_THROWS_WITH(add_links(db(), nullptr, &tracker, id, 5, std::nullopt), Contains("minutes plugin"));
  CHECK(project(db(), orgs(), npo, id).links.size() == 1);
}
