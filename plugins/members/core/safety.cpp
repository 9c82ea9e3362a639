#include "core/safety.hpp"

namespace wasshoi::members {

namespace {

constexpr const char* kSelect = R"sql(
SELECT p.id, p.household_id, p.name, p.reading, coalesce(han.name, ''), h.address, h.phone, p.support_note,
       p.birth_year, p.helper_id, coalesce(helper.name, ''), coalesce(hh.phone, '')
FROM members_persons p
JOIN members_households h ON h.id = p.household_id
LEFT JOIN han ON han.id = h.han_id
LEFT JOIN members_persons helper ON helper.id = p.helper_id
LEFT JOIN members_households hh ON hh.id = helper.household_id
WHERE p.org_id = ?1 AND p.needs_support = 1 AND h.left_on IS NULL AND (CAST(?2 AS BIGINT) IS NULL OR h.han_id = ?2)
ORDER BY han.sort_order IS NULL, han.sort_order, p.sort_key, p.id
)sql";

}  // namespace

std::vector<SafetyEntry> safety_list(sdk::Database& db, OrgId org, std::optional<HanId> han) {
  sdk::Statement st(db, kSelect);
  st.bind(1, org).bind(2, han);
  std::vector<SafetyEntry> out;
  while (st.step()) {
    SafetyEntry e;
    e.person = st.get_int(0);
    e.household = st.get_int(1);
    e.name = st.get_text(2);
    e.reading = st.get_text(3);
    e.han = st.get_text(4);
    e.address = st.get_text(5);
    e.phone = st.get_text(6);
    e.note = st.get_text(7);
    if (auto y = st.get_optional_int(8)) e.birth_year = static_cast<int>(*y);
    e.helper = st.get_optional_int(9);
    e.helper_name = st.get_text(10);
    e.helper_phone = st.get_text(11);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace wasshoi::members
