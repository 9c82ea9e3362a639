// Two programs writing one アンケート at once (two connections, on both engines): a question is
// added only before the first answer sheet, and that stays true until it commits. On SQLite the
// write lock of the file does that; on PostgreSQL the survey's row is locked (surveys.cpp), so the
// second writer waits for the first and then sees its sheet.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "core/surveys.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::evaluation;

namespace {
struct Survey : test::EvaluationDb {
  Survey() {
    survey = add_survey(db(), add_drill(), "参加者アンケート");
    add_question(db(), survey, "5段階", "訓練に満足しましたか", {});
  }
  Id survey = 0;
};
}  // namespace

TEST_CASE_METHOD(Survey, "a question added while the first sheet is being entered waits, then is refused") {
  auto second = scratch.open_another();
  std::atomic<bool> done{false};
  std::string refused, other;
  {
    sdk::Transaction tx(db(), "test.sheet");
    add_sheet(db(), survey, {"5"});  // not committed yet
    std::thread b([&] {
      try {
        add_question(second, survey, "自由記述", "ご意見", {});
      } catch (const sdk::InputError& e) {
        refused = e.what();
      } catch (const std::exception& e) {
        other = e.what();
      }
      done = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    CHECK_FALSE(done);  // it waits for the survey
    tx.commit();
    b.join();
  }
  INFO(other);
  CHECK(other.empty());
  CHECK_THAT(refused, Catch::Contains("already has answers"));
  CHECK(count("SELECT count(*) FROM evaluation_questions") == 1);
  CHECK(count("SELECT count(*) FROM evaluation_sheets") == 1);
}
