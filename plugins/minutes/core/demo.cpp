#include "core/demo.hpp"

#include <algorithm>
#include <optional>
#include <random>

#include "core/actions.hpp"
#include "core/agenda.hpp"
#include "core/approval.hpp"
#include "core/attendance.hpp"
#include "core/demo_text.hpp"
#include "core/meetings.hpp"

namespace wasshoi::minutes {

namespace {

using Rng = std::mt19937;

int uniform(Rng& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

// The n-th given weekday (0 = Sunday) of a month.
Date nth_weekday(int year, int month, int weekday, int n) {
  Date d{year, month, 1};
  while (d.weekday() != weekday) d = d.add_days(1);
  return d.add_days(7 * (n - 1));
}

struct Roster {
  std::vector<sdk::HouseholdRef> households;  // current members
  std::vector<sdk::RoleRef> officers;
  std::string role_holder(std::string_view role, std::size_t fallback) const {
    for (const auto& o : officers)
      if (o.role == role) return o.person.name;
    if (households.empty()) return {};
    return households[fallback % households.size()].head_name;
  }
};

// MemberDirectory has no "all households": ids are scanned (the demo roster's ids are dense).
Roster read_roster(sdk::Database& db, sdk::MemberDirectory& members, OrgId org, int fiscal_year) {
  Roster r;
  int misses = 0;
  for (std::int64_t id = 1; misses < 500; ++id) {
    auto h = members.household(db, id);
    misses = h ? 0 : misses + 1;
    if (h && h->org == org && h->current) r.households.push_back(*h);
  }
  r.officers = members.officers(db, org, fiscal_year);
  return r;
}

struct Planner {
  sdk::Database& db;
  sdk::MemberDirectory& members;
  OrgId org;
  Roster roster;
  Rng rng;
  std::string place;
  std::vector<MeetingId> held;  // meetings with minutes, in time order
  std::size_t next_action = 0;  // the demo's action items go round the list, not repeating soon

  MeetingId add(const std::string& kind, const Date& day, int hour, int minutes_long, bool template_items) {
    MeetingInput in{org,
                    kind,
                    {},
                    DateTime{day, hour, 0},
                    DateTime::from_epoch_minutes(DateTime{day, hour, 0}.epoch_minutes() + minutes_long),
                    place,
                    std::nullopt,
                    roster.role_holder("会長", 0),
                    roster.role_holder("書記", 1)};
    const MeetingId id = add_meeting(db, in, nullptr);
    if (template_items) apply_template(db, id);
    return id;
  }

  void attend_officers(MeetingId id) {
    for (const auto& o : roster.officers)
      if (uniform(rng, 0, 99) < 85) try_add([&] { add_member(db, members, id, o.person.id); });
    if (roster.officers.empty())
      for (std::size_t i = 0; i < std::min<std::size_t>(8, roster.households.size()); ++i)
        try_add([&] { add_household(db, members, id, roster.households[i].id); });
  }

  template <typename F>
  void try_add(F f) {
    try {
      f();
    } catch (const sdk::InputError&) {  // the same person holding two roles: present once
    }
  }

  void assembly_attendance(MeetingId id) {
    auto hs = roster.households;
    std::shuffle(hs.begin(), hs.end(), rng);
    const std::size_t n = hs.size();
    // Shares of the quorum base (member households on the day), not of today's roster.
    const auto base = static_cast<std::size_t>(
        members.member_household_count(db, org, get_meeting(db, id).start_at().date));
    const std::size_t present = (base * 40 + 99) / 100, proxies = base * 15 / 100, written = base * 2 / 100;
    for (std::size_t i = 0; i < n && i < present + proxies + written; ++i) {
      if (i < present)
        add_household(db, members, id, hs[i].id);
      else if (i < present + proxies)
        add_absent_vote(db, members, id, hs[i].id, AbsentVoteKind::Proxy, "議長");
      else
        add_absent_vote(db, members, id, hs[i].id, AbsentVoteKind::Written);
    }
    add_guest(db, id, std::string(demo_text::kGuestNames[0]), "一関市 まちづくり推進課（地域担当職員）");
  }

  std::string note_for(const std::string& title) {
    for (const auto& n : demo_text::kItemNotes)
      if (title.find(n.keyword) != std::string::npos) return std::string(n.note);
    return std::string(demo_text::kDiscussions[static_cast<std::size_t>(uniform(rng, 0, 7))]);
  }

  void minutes(MeetingId id, bool votes_on_all) {
    const Meeting m = get_meeting(db, id);
    const int voters_n = voters(db, m);
    for (const auto& item : agenda(db, id)) {
      set_discussion(db, id, item.number, note_for(item.title));
      if (!votes_on_all && item.title == "報告事項") continue;
      const int against = std::min(voters_n, uniform(rng, 0, 2)),
                abstain = std::min(voters_n - against, uniform(rng, 0, 2));
      if (!m.has_votes) continue;  // a 班長会 reports (drawn all the same: the same sample as before)
      record_vote(db, id, item.number, Votes{voters_n - against - abstain, against, abstain});
    }
  }

  void decide_actions(MeetingId id, const Date& day) {
    const int n = uniform(rng, 1, 2);
    for (int i = 0; i < n; ++i) {
      const auto& a = demo_text::kActions[next_action++ % demo_text::kActions.size()];
      ActionInput in{id, std::nullopt, std::string(a.title),
                     roster.role_holder(a.role, static_cast<std::size_t>(i) + 2),
                     day.add_days(uniform(rng, 14, 45))};
      const ActionId action = add_action(db, in);
      const Date done_on = day.add_days(uniform(rng, 7, 40));
      if (uniform(rng, 0, 99) < 70 && done_on < kDemoCutoff) set_action_done(db, action, true, done_on);
    }
  }

  // Someone who is not `first`, to sign with them: an officer, a 世帯主, else anyone of a household.
  // Compared as sign() compares them, so two people of the same name do not count as two.
  std::optional<std::string> someone_other_than(const std::string& first) {
    const std::string folded = sdk::fold_for_search(first);
    auto other = [&](const std::string& name) {
      return !name.empty() && sdk::fold_for_search(name) != folded;
    };
    for (const auto& o : roster.officers)
      if (other(o.person.name)) return o.person.name;
    for (const auto& h : roster.households)
      if (other(h.head_name)) return h.head_name;
    for (const auto& h : roster.households)
      for (const auto& person : members.household_members(db, h.id))
        if (other(person.name)) return person.name;
    return std::nullopt;
  }

  // The two 議事録署名人: the 監事 and the 副会長, or another in place of the second when a small
  // 自治会 lacks one of them and the stand-in is the first. None when only one person can sign.
  std::optional<std::vector<std::string>> signers() {
    const std::string first = roster.role_holder("監事", 3);
    const std::string second = roster.role_holder("副会長", 4);
    if (sdk::fold_for_search(first) != sdk::fold_for_search(second)) return std::vector{first, second};
    if (auto other = someone_other_than(first)) return std::vector{first, *other};
    return std::nullopt;
  }

  // Signed a week later by two officers; approved at the next meeting held. Minutes nobody can
  // sign (a one-person roster) stay drafts.
  void sign_and_approve_previous(MeetingId current) {
    if (held.empty()) return;
    const MeetingId prev = held.back();
    const auto names = signers();
    if (!names) return;
    sign(db, prev, *names, get_meeting(db, prev).start_at().date.add_days(7));
    approve(db, prev, current);
  }

  void hold(MeetingId id, const Date& day, bool votes_on_all) {
    minutes(id, votes_on_all);
    decide_actions(id, day);
    sign_and_approve_previous(id);
    held.push_back(id);
  }
};

void fill_year(Planner& p, bool main) {
  const int fy = 2026;
  // 役員会: second Saturday evening, every month (a few for the smaller 自治会).
  for (int i = 0; i < (main ? 12 : 3); ++i) {
    const int month = 4 + i > 12 ? i - 8 : 4 + i, year = 4 + i > 12 ? fy + 1 : fy;
    const Date day = nth_weekday(year, month, 6, 2);
    const MeetingId id = p.add("役員会", day, 19, 90, true);
    if (day < kDemoCutoff) {
      p.attend_officers(id);
      p.hold(id, day, false);
    }
    if (month == 4) {  // the 総会 follows the April 役員会
      const Date sokai = nth_weekday(fy, 4, 0, 3);
      const MeetingId s = p.add("総会", sokai, 10, 90, true);
      p.assembly_attendance(s);
      p.hold(s, sokai, true);
    }
    if (main && month % 3 == 2) {  // 班長会: May, August, November, February
      const Date hancho = nth_weekday(year, month, 0, 4);
      const MeetingId h = p.add("班長会", hancho, 14, 60, true);
      if (hancho < kDemoCutoff) {
        p.attend_officers(h);
        p.hold(h, hancho, false);
      }
    }
  }
}

}  // namespace

void fill_demo_org(sdk::Database& db, sdk::MemberDirectory& members, OrgId org, bool main,
                   std::uint32_t seed) {
  Planner p{db,        members,
            org,       read_roster(db, members, org, 2026),
            Rng(seed), main ? "わっしょい第一自治会 集会所" : "地区公民館 和室",
            {},        seed % 10};
  // A small sample (`demo --households 1`) leaves some 自治会 without members: no one meets there.
  if (p.roster.households.empty()) return;
  if (main) {
    // The January 役員会 of the 年度 before (令和7年度), with that year's officers: it approved the
    // 要望書 the city answered in March and which was carried into this 年度 as 継続 (the proposals
    // demo); its minutes are approved at the April 役員会.
    Roster this_year = p.roster;
    p.roster = read_roster(db, members, org, 2025);
    const Date january = nth_weekday(2026, 1, 6, 2);
    const MeetingId id = p.add("役員会", january, 19, 90, true);
    p.attend_officers(id);
    p.hold(id, january, false);
    p.roster = std::move(this_year);
  }
  fill_year(p, main);
  if (!main) return;
  const Date day{2026, 10, 17};
  const MeetingId id = p.add("まちづくり懇談会", day, 13, 120, false);
  add_item(db, id, "地域課題の報告（通学路の安全、空き家）", std::string(demo_text::kDiscussions[6]));
  add_item(db, id, "市からの説明と意見交換", std::string(demo_text::kDiscussions[1]));
  p.attend_officers(id);
  for (std::size_t i = 0; i < demo_text::kGuestNames.size(); ++i)
    add_guest(db, id, std::string(demo_text::kGuestNames[i]),
              i == 0 ? "一関市 まちづくり推進課" : "一関市 地域担当職員");
  continue_item(db, id, 1);
  continue_item(db, id, 2);
}

void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& opts) {
  auto members = ctx.services().find<sdk::MemberDirectory>();
  if (!members) return;  // no roster to pick attendees from
  for (std::size_t i = 0; i < opts.jichikai.size(); ++i)
    fill_demo_org(ctx.db(), *members, opts.jichikai[i], i == 0,
                  opts.seed + static_cast<std::uint32_t>(i) * 7919u);
}

}  // namespace wasshoi::minutes
