// Who may evaluate: a partner's 会長 and 役員 write their own organization's 自主評価 only; its
// 班長 and 閲覧 read; an officer of an organization that does not take part is refused. Refused
// below the plugin (the host's row guard) or by the partner check, with nothing written and no
// audit row.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::evaluation;
using Catch::Matchers::Contains;

namespace {
std::int64_t fingerprint(test::EvaluationDb& f) {
  return f.count(
      "SELECT (SELECT count(*) FROM evaluation_ratings) * 1000000 + (SELECT count(*) FROM audit_log) * 1000 "
      "+ "
      "(SELECT count(*) FROM evaluation_partners) * 10 + (SELECT count(*) FROM evaluation_goals)");
}
const Rating kGood{"goals", 4, "よかった", "", ""};
}  // namespace

TEST_CASE_METHOD(test::EvaluationDb, "a partner's 会長 and 役員 write their own organization's evaluation") {
  if (test::skip_on_server("officer accounts and the row guard (issue 20 on a server)")) return;
  const Id id = add_drill();
  as("kaicho");
  save_ratings(db(), orgs(), id, first, {kGood});
  as("npo");
  save_ratings(db(), orgs(), id, npo, {kGood});
  CHECK(count("SELECT count(*) FROM evaluation_ratings") == 2);
  CHECK(count("SELECT count(*) FROM audit_log WHERE action = 'evaluation.rate'") == 2);
  // …and not another partner's: the NPO's officer writing the 防災課's evaluation.
  const auto before = fingerprint(*this);
  CHECK_THROWS_WITH(save_ratings(db(), orgs(), id, bosai, {kGood}), Contains("not permitted"));
  CHECK_THROWS_WITH(save_ratings(db(), orgs(), id, kyodotai, {kGood}), Contains("not permitted"));
  CHECK(fingerprint(*this) == before);
}

TEST_CASE_METHOD(test::EvaluationDb, "a 班長 and a 閲覧 of a partner read and may not evaluate") {
  if (test::skip_on_server("officer accounts and the row guard (issue 20 on a server)")) return;
  const Id id = add_drill();
  as("kaicho");
  save_ratings(db(), orgs(), id, first, {kGood});
  const auto before = fingerprint(*this);
  for (const char* login : {"hancho", "etsuran"}) {
    INFO(login);
    as(login);
    CHECK(project(db(), orgs(), first, id).title == "令和8年度 わっしょい地区合同防災訓練");
    CHECK(compare(db(), project(db(), orgs(), first, id))[0].ratings[3].rating == 4);
    CHECK_THROWS_WITH(save_ratings(db(), orgs(), id, first, {{"goals", 1, "", "x", "y"}}),
                      Contains("not permitted") || Contains("read"));
    CHECK_THROWS(add_goal(db(), id, {0, "勝手な目標", "", "", 1.0, std::nullopt}));
    CHECK_THROWS(set_achieved(db(), id, 1, 999));
  }
  CHECK(fingerprint(*this) == before);
  as("kaicho");
  CHECK(project(db(), orgs(), first, id).goals[0].achieved == std::nullopt);
}

TEST_CASE_METHOD(test::EvaluationDb, "an officer of an organization that does not take part is refused") {
  if (test::skip_on_server("officer accounts and the row guard (issue 20 on a server)")) return;
  const Id id = add_drill();
  as("takasaki");
  const auto before = fingerprint(*this);
  // In their own organization: it takes no part in the project.
  CHECK_THROWS_WITH(save_ratings(db(), orgs(), id, second, {kGood}), Contains("no 協働事業 with id"));
  CHECK_THROWS_WITH(project(db(), orgs(), second, id), Contains("no 協働事業 with id"));
  // As if a partner: the row guard refuses, below the plugin.
  CHECK_THROWS_WITH(save_ratings(db(), orgs(), id, first, {kGood}), Contains("not permitted"));
  // Adding itself as a partner is the registering organization's act.
  CHECK_THROWS_WITH(add_partner(db(), orgs(), id, second), Contains("not permitted"));
  CHECK_THROWS(set_achieved(db(), id, 1, 999));
  CHECK(fingerprint(*this) == before);
  // The NPO is a partner but not the project's keeper: it may not add partners or goals.
  as("npo");
  CHECK_THROWS_WITH(add_partner(db(), orgs(), id, second), Contains("not permitted"));
  CHECK_THROWS_WITH(add_goal(db(), id, {0, "目標", "", "", 1.0, std::nullopt}), Contains("not permitted"));
  CHECK(fingerprint(*this) == before);
}
