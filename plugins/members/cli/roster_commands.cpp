// wasshoi-cli members list / search / household … / person … / safety: the roster itself.
#include <algorithm>
#include <iostream>
#include <wasshoi/sdk/cli_ids.hpp>

#include "cli/cli_support.hpp"
#include "cli/json_shapes.hpp"
#include "core/directory.hpp"
#include "core/roles.hpp"
#include "core/safety.hpp"

namespace wasshoi::members::cli {

namespace {

constexpr sdk::IntRange kBirthYearRange{1880, sdk::kMaxYear};
constexpr sdk::IntRange kLimitRange{1, 10000};

struct ListArgs {
  std::string han, role, year, status = "current";
  bool support = false, heads = false;
};

struct HouseholdArgs {
  std::string name, reading, han, address, phone, joined, notes;
  int people = 1;
};

struct PersonArgs {
  std::int64_t household = 0;
  std::string name, reading, relation;
  std::optional<int> birth_year;
  bool head = false;
};

struct SupportArgs {
  std::int64_t person = 0, helper = 0;
  std::string note;
  bool off = false;
};

void print_rows(std::ostream& out, const std::vector<RosterRow>& rows) {
  for (const auto& r : rows) {
    out << r.person << '\t' << r.han << '\t' << r.name << '\t' << r.reading << '\t' << r.address;
    if (!r.roles.empty()) out << '\t' << r.roles;
    if (r.needs_support) out << "\t要支援";
    if (r.left) out << "\t退会 " << r.left->iso();
    out << '\n';
  }
}

Membership parse_status(const std::string& s) {
  if (s == "current") return Membership::Current;
  if (s == "left") return Membership::Left;
  if (s == "all") return Membership::All;
  throw sdk::InputError("--status takes current, left or all, not '" + s + "'");
}

void run_list(sdk::CliContext& ctx, const ListArgs& a) {
  RosterQuery q;
  q.org = roster_org(ctx);
  q.han = scoped_han(ctx, q.org, a.han);
  q.fiscal_year = parse_fiscal_year(a.year);
  if (!a.role.empty()) q.role_kind = find_role_kind(ctx.db(), q.org, a.role).id;
  q.needs_support_only = a.support;
  q.heads_only = a.heads;
  q.membership = parse_status(a.status);
  auto rows = roster(ctx.db(), q);
  ctx.emit(to_json_array(rows), [&](std::ostream& out) { print_rows(out, rows); });
}

void run_search(sdk::CliContext& ctx, const std::string& query, int limit) {
  OrgId org = roster_org(ctx);
  std::vector<RosterRow> rows;
  if (auto han = ctx.access().han_scope(org)) {  // a 班長 finds people of their 班
    rows = roster(ctx.db(), RosterQuery{.org = org, .han = han, .search = query},
                  static_cast<std::size_t>(std::max(limit, 0)));
  } else {
    rows = roster_rows(ctx.db(), search_person_ids(ctx.db(), org, query, limit), 0);
  }
  ctx.emit(to_json_array(rows), [&](std::ostream& out) { print_rows(out, rows); });
}

void show_household(sdk::CliContext& ctx, HouseholdId id) {
  Household h = get_household(ctx.db(), id);
  OrgId org = roster_org(ctx);
  auto scope = ctx.access().han_scope(org);
  if (h.org != org || (scope && h.data.han != scope))
    throw sdk::InputError("household " + std::to_string(id) + " is not in your " + (scope ? "班" : "自治会"));
  auto persons = household_persons(ctx.db(), id);
  ctx.emit(to_json(h, persons), [&](std::ostream& out) {
    out << "世帯 " << h.id << "  " << h.han_name << "  " << h.data.address << "  " << h.data.phone << "  "
        << h.data.people << "人" << (h.data.left ? "  退会 " + h.data.left->iso() : "") << '\n';
    for (const auto& p : persons)
      out << "  " << p.id << '\t' << p.data.name << '\t' << p.data.reading << '\t'
          << (p.data.head ? "世帯主" : p.data.relation) << (p.data.needs_support ? "\t要支援" : "") << '\n';
  });
}

void run_household_add(sdk::CliContext& ctx, const HouseholdArgs& a) {
  OrgId org = roster_org(ctx);
  HouseholdData d;
  d.han = scoped_han(ctx, org, a.han);
  d.address = a.address;
  d.phone = a.phone;
  d.people = a.people;
  d.joined = parse_optional_date_option("--joined", a.joined);
  d.notes = a.notes;
  PersonData head;
  head.name = a.name;
  head.reading = a.reading;
  head.head = true;
  HouseholdId id = add_household(ctx.db(), org, d, {head});
  roster_changed(ctx, "household");
  show_household(ctx, id);
}

void run_person_add(sdk::CliContext& ctx, const PersonArgs& a) {
  PersonData p{a.name, a.reading, a.birth_year, a.head, a.relation};
  PersonId id = add_person(ctx.db(), a.household, p);
  roster_changed(ctx, "person");
  Person saved = get_person(ctx.db(), id);
  ctx.emit(to_json(saved), [&](std::ostream& out) { out << id << '\n'; });
}

void run_support(sdk::CliContext& ctx, const SupportArgs& a) {
  Person p = get_person(ctx.db(), a.person);
  p.data.needs_support = !a.off;
  p.data.helper = a.off || !a.helper ? std::nullopt : std::optional<PersonId>(a.helper);
  p.data.support_note = a.off ? "" : a.note;
  update_person(ctx.db(), p.id, p.data);
  roster_changed(ctx, "support");
  Person saved = get_person(ctx.db(), p.id);
  ctx.emit(to_json(saved), [&](std::ostream& out) {
    out << saved.data.name << (saved.data.needs_support ? ": 要支援者" : ": 要支援者ではありません") << '\n';
  });
}

void run_safety(sdk::CliContext& ctx, const std::string& han) {
  OrgId org = roster_org(ctx);
  auto entries = safety_list(ctx.db(), org, scoped_han(ctx, org, han));
  ctx.emit(to_json_array(entries), [&](std::ostream& out) {
    std::string current;
    for (const auto& e : entries) {
      if (e.han != current) out << "【" << (current = e.han) << "】\n";
      out << "  " << e.name << "  " << e.address << "  " << e.phone << "  " << e.note
          << "  見守り: " << (e.helper_name.empty() ? "（未定）" : e.helper_name + " " + e.helper_phone)
          << '\n';
    }
  });
}

void add_household_commands(CLI::App& members, sdk::CliContext& ctx) {
  auto* household = members.add_subcommand("household", "one household (世帯): show, add, leave");
  household->require_subcommand(1);
  auto show_id = std::make_shared<std::int64_t>(0);
  sdk::add_id(*household->add_subcommand("show", "a household and its persons")->callback([&ctx, show_id] {
    show_household(ctx, *show_id);
  }),
              ctx, "id", *show_id, "members_households", "household id")
      ->required();

  auto a = options<HouseholdArgs>();
  auto* add = household->add_subcommand("add", "add a household with its 世帯主; prints it with its id");
  using sdk::TextKind;
  sdk::cli::add_text_option(*add, "--name", a->name, TextKind::Name, "世帯主's name")->required();
  sdk::cli::add_text_option(*add, "--reading", a->reading, TextKind::Name, "フリガナ");
  add->add_option("--han", a->han, "班 (name or id)");
  sdk::cli::add_text_option(*add, "--address", a->address, TextKind::Address, "住所");
  sdk::cli::add_text_option(*add, "--phone", a->phone, TextKind::Phone, "電話番号");
  sdk::cli::add_number_option(*add, "--people", a->people, kPeopleRange, "世帯人数 (default 1)");
  add->add_option("--joined", a->joined, "加入日 (2025/4/1 or 令和7年4月1日)");
  sdk::cli::add_text_option(*add, "--notes", a->notes, TextKind::Note, "備考");
  add->callback([&ctx, a] { run_household_add(ctx, *a); });

  auto leave_id = std::make_shared<std::int64_t>(0);
  auto leave_on = std::make_shared<std::string>();
  auto* leave = household->add_subcommand("leave", "record that a household left (kept as history)");
  sdk::add_id(*leave, ctx, "id", *leave_id, "members_households", "household id")->required();
  leave->add_option("--on", *leave_on, "退会日 (default today)");
  leave->callback([&ctx, leave_id, leave_on] {
    household_leave(ctx.db(), *leave_id, parse_date_option("--on", *leave_on, sdk::today()));
    roster_changed(ctx, "household");
    show_household(ctx, *leave_id);
  });
}

void add_person_commands(CLI::App& members, sdk::CliContext& ctx) {
  auto* person = members.add_subcommand("person", "persons in a household: add, 要支援者");
  person->require_subcommand(1);
  auto a = options<PersonArgs>();
  auto* add = person->add_subcommand("add", "add a person to a household; prints the id");
  sdk::add_id(*add, ctx, "household", a->household, "members_households", "household id")->required();
  sdk::cli::add_text_option(*add, "--name", a->name, sdk::TextKind::Name, "氏名")->required();
  sdk::cli::add_text_option(*add, "--reading", a->reading, sdk::TextKind::Name, "フリガナ");
  sdk::cli::add_text_option(*add, "--relation", a->relation, sdk::TextKind::Line, "続柄 (妻, 長男 …)");
  sdk::cli::add_number_option(*add, "--birth-year", a->birth_year, kBirthYearRange, "生年 (西暦)");
  add->add_flag("--head", a->head, "make this person the 世帯主");
  add->callback([&ctx, a] { run_person_add(ctx, *a); });

  auto s = options<SupportArgs>();
  auto* support =
      person->add_subcommand("support", "mark a person 要支援者 (checked on first in a disaster)");
  sdk::add_id(*support, ctx, "id", s->person, "members_persons", "person id")->required();
  sdk::add_id(*support, ctx, "--helper", s->helper, "members_persons", "id of the person who checks on them");
  support->add_option("--note", s->note, "what help they need");
  support->add_flag("--off", s->off, "no longer 要支援者");
  support->callback([&ctx, s] { run_support(ctx, *s); });
}

}  // namespace

void add_roster_commands(CLI::App& members, sdk::CliContext& ctx) {
  auto a = options<ListArgs>();
  auto* list = members.add_subcommand("list", "the roster, one person a line (filters below)");
  list->add_option("--han", a->han, "only this 班 (name or id)");
  list->add_option("--role", a->role, "only holders of this role (会長, 班長 …)");
  list->add_option("--year", a->year, "年度 for --role (default: this 年度)");
  list->add_option("--status", a->status, "current (default), left or all");
  list->add_flag("--support", a->support, "only 要支援者");
  list->add_flag("--heads", a->heads, "only 世帯主 (one line per household)");
  list->callback([&ctx, a] { run_list(ctx, *a); });

  auto query = std::make_shared<std::string>();
  auto limit = std::make_shared<int>(50);
  auto* search =
      members.add_subcommand("search", "find persons by name, reading or address (かな/カナ/ｶﾅ alike)");
  search->add_option("query", *query, "e.g. 佐藤, たかはし, 林")->required();
  sdk::cli::add_number_option(*search, "--limit", *limit, kLimitRange,
                              "at most this many (default 50, at most 10,000)");
  search->callback([&ctx, query, limit] { run_search(ctx, *query, *limit); });

  add_household_commands(members, ctx);
  add_person_commands(members, ctx);

  auto safety_han = std::make_shared<std::string>();
  auto* safety = members.add_subcommand("safety", "安否確認: 要支援者 per 班 with their helpers");
  safety->add_option("--han", *safety_han, "only this 班");
  safety->callback([&ctx, safety_han] { run_safety(ctx, *safety_han); });
}

}  // namespace wasshoi::members::cli
