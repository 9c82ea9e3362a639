#pragma once
// What the roster table shows, without loading 100 000 rows per frame: the ordered ids are
// fetched once per filter/sort change (one query), the rows page by page as the table scrolls
// to them, and a few pages are kept. A frame costs the rows on screen, not the roster size.
#include <cstdint>
#include <list>
#include <vector>
#include <wasshoi/sdk/db.hpp>

#include "core/roster.hpp"

namespace wasshoi::members::ui {

class RosterView {
 public:
  // Re-reads the ids when the query or the data generation changed since the last call.
  void update(sdk::Database& db, const RosterQuery& query, std::uint64_t generation);
  std::size_t size() const { return ids_.size(); }
  // The row at `index` (< size()), loading its page when needed.
  const RosterRow& row(sdk::Database& db, std::size_t index);
  std::size_t pages_loaded() const { return loads_; }

  static constexpr std::size_t kPageRows = 64;
  static constexpr std::size_t kKeptPages = 16;

 private:
  struct Page {
    std::size_t number;
    std::vector<RosterRow> rows;
  };
  RosterQuery query_;
  bool have_query_ = false;
  std::uint64_t generation_ = 0;
  std::vector<PersonId> ids_;
  std::list<Page> pages_;  // most recently used first
  std::size_t loads_ = 0;
};

bool same_query(const RosterQuery& a, const RosterQuery& b);

}  // namespace wasshoi::members::ui
