#include "ui/roster_view.hpp"

#include <algorithm>

namespace wasshoi::members::ui {

bool same_query(const RosterQuery& a, const RosterQuery& b) {
  return a.org == b.org && a.han == b.han && a.role_kind == b.role_kind && a.fiscal_year == b.fiscal_year &&
         a.needs_support_only == b.needs_support_only && a.heads_only == b.heads_only &&
         a.membership == b.membership && a.search == b.search && a.sort == b.sort &&
         a.descending == b.descending;
}

void RosterView::update(sdk::Database& db, const RosterQuery& query, std::uint64_t generation) {
  if (have_query_ && generation == generation_ && same_query(query, query_)) return;
  query_ = query;
  have_query_ = true;
  generation_ = generation;
  ids_ = roster_ids(db, query);
  pages_.clear();
}

const RosterRow& RosterView::row(sdk::Database& db, std::size_t index) {
  const std::size_t number = index / kPageRows;
  auto it = std::find_if(pages_.begin(), pages_.end(), [&](const Page& p) { return p.number == number; });
  if (it == pages_.end()) {
    const std::size_t first = number * kPageRows;
    const std::size_t count = std::min(kPageRows, ids_.size() - first);
    pages_.push_front(
        Page{number, roster_rows(db, std::span(ids_).subspan(first, count), query_.fiscal_year)});
    ++loads_;
    if (pages_.size() > kKeptPages) pages_.pop_back();
    it = pages_.begin();
  } else if (it != pages_.begin()) {
    pages_.splice(pages_.begin(), pages_, it);
    it = pages_.begin();
  }
  // A row deleted between the id query and the page load leaves the page short; show the last.
  const auto& rows = it->rows;
  static const RosterRow kEmpty;
  if (rows.empty()) return kEmpty;
  return rows[std::min(index % kPageRows, rows.size() - 1)];
}

}  // namespace wasshoi::members::ui
