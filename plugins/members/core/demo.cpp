#include "core/demo.hpp"

#include <random>
#include <set>

#include "core/demo_names.hpp"
#include "core/dues.hpp"
#include "core/han.hpp"
#include "core/households.hpp"
#include "core/roles.hpp"

namespace wasshoi::members {

namespace {

using Rng = std::mt19937;

int uniform(Rng& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
bool chance(Rng& rng, int percent) {
  return uniform(rng, 0, 99) < percent;
}
template <typename Array>
const auto& pick(Rng& rng, const Array& a) {
  return a[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(a.size()) - 1))];
}

struct DemoHousehold {
  HouseholdId id = 0;
  PersonId head = 0;
  int head_born = 0;
  sdk::Date joined;
  std::vector<PersonId> elderly;  // born before 1945: candidates for 要支援者
  bool current = true;
  bool head_needs_support = false;
};

// Whom a sample 自治会 would plausibly give a role in 年度 `fy`: the 世帯主 of a household that
// is still a member and had joined by the 年度's start, 25 to 79 years old, not a 要支援者.
bool can_hold_role(const DemoHousehold& h, int fy) {
  const int age = fy - h.head_born;
  return h.current && !h.head_needs_support && age >= 25 && age <= 79 && h.joined <= sdk::Date{fy, 4, 1};
}

struct DemoHan {
  HanId id = 0;
  std::vector<DemoHousehold> households;
};

demo_names::Name surname(Rng& rng) {
  if (chance(rng, 3)) return pick(rng, demo_names::kRareSurnames);
  return pick(rng, demo_names::kSurnames);
}

PersonData make_person(Rng& rng, const demo_names::Name& family, bool male, int birth_year, bool halfwidth,
                       std::set<std::string_view>& given_names) {
  demo_names::Name given;
  do {  // no two in one household share a given name
    given = male ? pick(rng, demo_names::kMaleNames) : pick(rng, demo_names::kFemaleNames);
  } while (!given_names.insert(given.kanji).second);
  PersonData p;
  p.name = std::string(family.kanji) + "　" + std::string(given.kanji);
  p.reading = std::string(family.kana) + " " + std::string(given.kana);
  if (halfwidth) p.reading = to_halfwidth_katakana(p.reading);  // as copied from an old sheet
  p.birth_year = birth_year;
  return p;
}

HouseholdData make_household_data(Rng& rng, HanId han, int han_number) {
  HouseholdData d;
  d.han = han;
  const auto& district =
      demo_names::kDistricts[static_cast<std::size_t>(han_number) % demo_names::kDistricts.size()];
  d.address = "一関市" + std::string(district) + std::to_string(uniform(rng, 1, 40)) + "番" +
              std::to_string(uniform(rng, 1, 30)) + "号";
  // 0191 is 一関's area code; exchange 00 does not exist, so no number is anyone's.
  d.phone = "0191-00-" + std::to_string(uniform(rng, 1000, 9999));
  d.people = uniform(rng, 1, 100) <= 25 ? 1 : uniform(rng, 2, 6);
  d.joined = sdk::Date{uniform(rng, 1975, 2024), uniform(rng, 1, 12), uniform(rng, 1, 28)};
  if (chance(rng, 3)) d.left = sdk::Date{uniform(rng, 2024, 2025), uniform(rng, 1, 12), uniform(rng, 1, 28)};
  if (d.left && *d.left < *d.joined) d.left.reset();
  if (chance(rng, 5))
    d.notes = pick(
        rng, std::array<std::string_view, 4>{"回覧板は郵便受けへ", "日中不在", "犬あり", "会費は年一括"});
  return d;
}

DemoHousehold write_household(Rng& rng, RosterWriter& writer, HanId han, int han_number) {
  HouseholdData d = make_household_data(rng, han, han_number);
  DemoHousehold out;
  const auto family = surname(rng);
  const bool halfwidth = chance(rng, 8);
  const int head_year = uniform(rng, 1930, 1992);
  const bool head_male = chance(rng, 75);
  // A household joins once its 世帯主 is an adult: no earlier than the year they turned 18 (the
  // drawn year moved on, month and day kept), and it leaves after it joined.
  if (d.joined->year < head_year + 18) {
    const int earliest = head_year + 18;
    d.joined->year = std::min(earliest + (d.joined->year - 1975) % 10, 2024);
    if (d.joined->month == 2 && d.joined->day > 28) d.joined->day = 28;
  }
  if (d.left && *d.left < *d.joined) d.left.reset();
  out.current = !d.left;
  out.head_born = head_year;
  out.joined = *d.joined;
  out.id = writer.insert_household(d);
  std::set<std::string_view> given_names;
  PersonData head = make_person(rng, family, head_male, head_year, halfwidth, given_names);
  head.head = true;
  out.head = writer.insert_person(out.id, head, d.address);
  if (head_year < 1945) out.elderly.push_back(out.head);
  if (d.people >= 2) {
    PersonData spouse =
        make_person(rng, family, !head_male, head_year + uniform(rng, -4, 4), halfwidth, given_names);
    spouse.relation = head_male ? "妻" : "夫";
    PersonId id = writer.insert_person(out.id, spouse, d.address);
    if (head_year < 1945) out.elderly.push_back(id);
  }
  for (int child = 2; child < std::min(d.people, 4); ++child) {
    bool male = chance(rng, 50);
    PersonData c = make_person(rng, family, male, std::min(head_year + uniform(rng, 22, 38), 2024), halfwidth,
                               given_names);
    c.relation = male ? (child == 2 ? "長男" : "次男") : (child == 2 ? "長女" : "次女");
    writer.insert_person(out.id, c, d.address);
  }
  return out;
}

// 要支援者: some of the elderly, each with a neighbour from the same 班 to check on them.
void mark_support(sdk::Database& db, Rng& rng, DemoHan& han) {
  sdk::Statement st(
      db, "UPDATE members_persons SET needs_support = 1, helper_id = ?, support_note = ? WHERE id = ?");
  for (std::size_t i = 0; i < han.households.size(); ++i) {
    DemoHousehold& h = han.households[i];
    if (!h.current || h.elderly.empty() || !chance(rng, 30)) continue;
    h.head_needs_support = h.head_needs_support || h.elderly.front() == h.head;
    const DemoHousehold& neighbour = han.households[(i + 1) % han.households.size()];
    std::optional<PersonId> helper;
    if (neighbour.id != h.id) helper = neighbour.head;
    st.bind_all(helper, pick(rng, std::array<std::string_view, 3>{"足が不自由", "一人暮らし", "耳が遠い"}),
                h.elderly.front())
        .run();
  }
}

const DemoHousehold* random_household(Rng& rng, const std::vector<DemoHan>& hans) {
  for (int tries = 0; tries < 50; ++tries) {
    const DemoHan& han = pick(rng, hans);
    if (han.households.empty()) continue;
    const DemoHousehold& h = pick(rng, han.households);
    if (h.current) return &h;
  }
  return nullptr;
}

// All roles, or (at a 年度 change, where 班長 rotate) only the per-班 ones. One role per person
// and 年度, held by someone who plausibly can (can_hold_role, this 年度 and the next, into which
// the roles may be carried); `taken` holds who has one already
// (the officers carried over from the year before, at a 年度 change).
void assign_roles(sdk::Database& db, Rng& rng, OrgId org, const std::vector<DemoHan>& hans, int fy,
                  bool per_han_only, std::set<PersonId>& taken) {
  for (const auto& kind : role_kinds(db, org)) {
    if (per_han_only && !kind.per_han) continue;
    if (kind.per_han) {
      for (const auto& han : hans)
        for (int tries = 0; tries < 10 && !han.households.empty(); ++tries)
          if (const auto& h = pick(rng, han.households); h.current) {
            if (!can_hold_role(h, fy) || !can_hold_role(h, fy + 1) || !taken.insert(h.head).second) continue;
            assign_role(db, org, h.head, kind.id, fy, han.id);
            break;
          }
      continue;
    }
    for (int n = 0; n < (kind.name == "監事" ? 2 : 1); ++n)
      for (int tries = 0; tries < 30; ++tries)  // one office each
        if (const DemoHousehold* h = random_household(rng, hans);
            h && can_hold_role(*h, fy) && can_hold_role(*h, fy + 1) && taken.insert(h->head).second) {
          assign_role(db, org, h->head, kind.id, fy);
          break;
        }
  }
}

void collect_dues(sdk::Database& db, Rng& rng, OrgId org, int fy, int paid_percent) {
  set_dues_amount(db, org, fy, 3600);
  sdk::Statement pay(
      db,
      "INSERT INTO members_dues_payments(household_id, fiscal_year, amount, paid_on, collected_by) "
      "VALUES(?, ?, 3600, ?, ?)");
  for (const auto& line : dues_sheet(db, org, fy)) {
    if (!chance(rng, paid_percent)) continue;
    sdk::Date on{fy, uniform(rng, 4, 7), uniform(rng, 1, 28)};
    pay.bind_all(line.household, fy, on, line.han.empty() ? "会計" : line.han + "班長").run();
  }
}

std::vector<HanId> demo_han(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org) {
  std::vector<HanId> ids;
  for (const auto& h : orgs.han(db, org)) ids.push_back(h.id);
  if (ids.empty())  // a 自治会 without 班 gets five
    for (int n = 1; n <= 5; ++n) ids.push_back(orgs.find_or_add_han(db, org, std::to_string(n) + "班").id);
  return ids;
}

}  // namespace

void fill_demo_jichikai(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, int households,
                        std::uint32_t seed) {
  Rng rng(seed);
  sdk::Transaction tx(db, "members.demo", std::to_string(households) + " fictional households");
  std::vector<DemoHan> hans;
  for (HanId id : demo_han(db, orgs, org)) hans.push_back(DemoHan{id, {}});
  SearchBulkLoad search(db);
  RosterWriter writer(db, org);
  for (int i = 0; i < households; ++i) {
    std::size_t han =
        static_cast<std::size_t>(i) * hans.size() / static_cast<std::size_t>(std::max(households, 1));
    hans[han].households.push_back(write_household(rng, writer, hans[han].id, static_cast<int>(han)));
  }
  search.finish();
  for (auto& han : hans) mark_support(db, rng, han);
  const int fy = sdk::fiscal_year(sdk::today());
  std::set<PersonId> last_year;
  assign_roles(db, rng, org, hans, fy - 1, false, last_year);
  // New 班長 each year, none of them an officer carried over; the officers carry over.
  std::set<PersonId> officers;
  sdk::Statement held(db,
                      "SELECT r.person_id FROM members_roles r JOIN members_role_kinds k ON k.id = "
                      "r.role_kind_id WHERE r.org_id = ? AND r.fiscal_year = ? AND k.per_han = 0");
  held.bind_all(org, fy - 1);
  while (held.step()) officers.insert(held.get_int(0));
  assign_roles(db, rng, org, hans, fy, true, officers);
  hand_over(db, org, fy - 1, fy);
  collect_dues(db, rng, org, fy - 1, 96);
  collect_dues(db, rng, org, fy, 72);
  tx.commit();
}

void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& opts) {
  auto& orgs = sdk::organizations(ctx);
  std::vector<std::size_t> weights;
  std::size_t total_weight = 0;
  for (OrgId org : opts.jichikai) {
    weights.push_back(std::max<std::size_t>(orgs.han(ctx.db(), org).size(), 1));
    total_weight += weights.back();
  }
  int left = opts.households;
  for (std::size_t j = 0; j < opts.jichikai.size(); ++j) {
    int n = j + 1 == opts.jichikai.size()
                ? left
                : static_cast<int>(static_cast<std::size_t>(opts.households) * weights[j] / total_weight);
    fill_demo_jichikai(ctx.db(), orgs, opts.jichikai[j], n, opts.seed + static_cast<std::uint32_t>(j));
    left -= n;
  }
}

}  // namespace wasshoi::members
