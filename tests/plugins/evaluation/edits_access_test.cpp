// Who may correct a 協働事業 and its アンケート: the registering organization's 会長 and 役員 only.
// A 閲覧 (read-only connection), a 班長 and a partner's officer are refused below the plugin (the
// host's row guard), like another organization's officer; nothing is written, no audit row.
#include <catch2/catch.hpp>

#include "core/surveys.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::evaluation;
using Catch::Matchers::Contains;

namespace {

std::int64_t edits_fingerprint(test::EvaluationDb& f) {
  return f.count(
      "SELECT (SELECT count(*) FROM audit_log) * 1000000 + (SELECT count(*) FROM evaluation_partners) * "
      "10000 + "
      "(SELECT count(*) FROM evaluation_goals) * 100 + (SELECT count(*) FROM evaluation_questions) * 10 + "
      "(SELECT count(*) FROM evaluation_links)");
}
std::string particulars(test::EvaluationDb& f, Id id) {
  const Project p = project(f.db(), f.orgs(), f.kyodotai, id);
  return p.title + p.form + p.purpose + (p.cost ? std::to_string(*p.cost) : "-") + p.goals.at(0).goal;
}

ProjectInput taken_over() {
  ProjectInput in;
  in.title = "乗っ取られた防災訓練";
  in.form = "委託";
  return in;
}

// Every correction, each expected to be refused.
void every_correction_refused(test::EvaluationDb& f, Id id, Id s, const std::string& who) {
  INFO(who);
  CHECK_THROWS_WITH(update_project(f.db(), id, taken_over()), Contains("not permitted") || Contains("read"));
  CHECK_THROWS_WITH(remove_partner(f.db(), f.orgs(), id, f.first),
                    Contains("not permitted") || Contains("read"));
  CHECK_THROWS_WITH(update_goal(f.db(), id, 1, {0, "勝手な目標", "", "", 1.0, std::nullopt}),
                    Contains("not permitted") || Contains("read"));
  CHECK_THROWS_WITH(remove_goal(f.db(), id, 1), Contains("not permitted") || Contains("read"));
  CHECK_THROWS_WITH(update_question(f.db(), s, 1, "自由記述", "勝手な設問", {}),
                    Contains("not permitted") || Contains("read"));
  CHECK_THROWS_WITH(move_question(f.db(), s, 2, 1), Contains("not permitted") || Contains("read"));
  CHECK_THROWS_WITH(remove_question(f.db(), s, 2), Contains("not permitted") || Contains("read"));
}

}  // namespace

TEST_CASE_METHOD(test::EvaluationDb, "a 閲覧 a 班長 and a partner's officer may not correct a 協働事業") {
  if (test::skip_on_server("officer accounts and the row guard (issue 20 on a server)")) return;
  const Id id = add_drill();
  const Id s = add_survey(db(), id, "参加者アンケート");
  add_question(db(), s, "属性", "年代", {"60代未満", "60代以上"});
  add_question(db(), s, "自由記述", "ご意見", {});
  const std::string before = particulars(*this, id);
  const auto rows = edits_fingerprint(*this);
  for (const char* login : {"etsuran", "hancho", "kaicho", "npo"}) {
    as(login);
    every_correction_refused(*this, id, s, login);
  }
  as("kyodo");
  CHECK(particulars(*this, id) == before);
  CHECK(edits_fingerprint(*this) == rows);
}

TEST_CASE_METHOD(test::EvaluationDb,
                 "another organization's officer may not correct a 協働事業 it takes no part in") {
  if (test::skip_on_server("officer accounts and the row guard (issue 20 on a server)")) return;
  const Id id = add_drill();
  const Id s = add_survey(db(), id, "参加者アンケート");
  add_question(db(), s, "属性", "年代", {"60代未満", "60代以上"});
  add_question(db(), s, "自由記述", "ご意見", {});
  const auto rows = edits_fingerprint(*this);
  as("takasaki");
  every_correction_refused(*this, id, s, "takasaki");
  as("kyodo");
  CHECK(edits_fingerprint(*this) == rows);
  CHECK(project(db(), orgs(), kyodotai, id).title == "令和8年度 わっしょい地区合同防災訓練");
}
