// Two officers' programs taking a step of the same 要望書 at once (two connections, on both
// engines): the state a step checks stays what it was until the step commits. On SQLite the write
// lock of the file does that; on PostgreSQL the proposal's row is locked (lifecycle.cpp), so the
// second officer's step waits, then sees the first one's and is refused.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "core/lifecycle.hpp"
#include "core/proposals.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::proposals;

TEST_CASE("a second answer recorded while the first is being recorded waits, then is refused") {
  test::ProposalsFixture f;
  const ProposalId id = f.draft_without_history();
  add_history(f.db(), id, {0, sdk::Date{2025, 11, 2}, "自治会費で防犯灯2基を設置した。"});
  approve(f.db(), f.orgs(), id, &f.meetings(), f.board);
  submit(f.db(), f.orgs(), id, {2026, 5, 20}, "", nullptr);
  auto second = f.scratch.open_another();
  std::atomic<bool> done{false};
  std::string refused, other;
  {
    sdk::Transaction tx(f.db(), "test.answer");
    record_answer(f.db(), f.orgs(), id,
                  {sdk::Date{2026, 6, 10}, AnswerCategory::WillDo, "設置します", "道路課長"},
                  nullptr);  // not committed yet
    std::thread b([&] {
      try {
        record_answer(second, f.orgs(), id,
                      {sdk::Date{2026, 6, 11}, AnswerCategory::Difficult, "困難です", "道路課長"}, nullptr);
      } catch (const sdk::InputError& e) {
        refused = e.what();
      } catch (const std::exception& e) {
        other = e.what();
      }
      done = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    CHECK_FALSE(done);  // it waits for the proposal
    tx.commit();
    b.join();
  }
  INFO(other);
  CHECK(other.empty());
  CHECK_THAT(refused, Catch::Contains("it is 回答済"));  // the first one's answer, committed
  CHECK(f.count("proposals_answers") == 1);
  CHECK(get_proposal(f.db(), f.orgs(), id).answer->text == "設置します");
}
