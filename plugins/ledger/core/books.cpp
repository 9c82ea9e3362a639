// Setting up the books (books.hpp): settings, funds, accounts, the 科目 tree.
#include "core/books.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <wasshoi/sdk/row_lock.hpp>

namespace wasshoi::ledger {

namespace {

struct TemplateCategory {
  Side side;
  const char* name;
  const char* reading;
  std::vector<std::pair<const char*, const char*>> children;
};

// The 自治会 template (what most 自治会's 決算書 list); each organization edits its own copy.
const std::vector<TemplateCategory>& category_template() {
  static const std::vector<TemplateCategory> t = {
      {Side::Income, "会費", "かいひ", {}},
      {Side::Income, "補助金・交付金", "ほじょきん・こうふきん", {}},
      {Side::Income, "事業収入", "じぎょうしゅうにゅう", {}},
      {Side::Income, "寄付金", "きふきん", {}},
      {Side::Income, "雑収入", "ざつしゅうにゅう", {}},
      {Side::Expense, "会議費", "かいぎひ", {}},
      {Side::Expense, "事務費", "じむひ", {}},
      {Side::Expense,
       "事業費",
       "じぎょうひ",
       {{"防災", "ぼうさい"},
        {"環境美化", "かんきょうびか"},
        {"敬老", "けいろう"},
        {"夏祭り", "なつまつり"}}},
      {Side::Expense, "慶弔費", "けいちょうひ", {}},
      {Side::Expense, "負担金", "ふたんきん", {}},
      {Side::Expense, "予備費", "よびひ", {}},
  };
  return t;
}

Id insert_category(sdk::Database& db, OrgId org, Side side, std::optional<Id> parent, const std::string& name,
                   const std::string& reading, int position) {
  sdk::Statement(db,
                 "INSERT INTO ledger_categories(org_id, parent_id, side, name, reading, position) "
                 "VALUES(?, ?, ?, ?, ?, ?)")
      .bind_all(org, parent, side_key(side), name, reading, position)
      .run();
  return db.last_insert_id();
}

Id insert_account(sdk::Database& db, OrgId org, Id fund, const std::string& name, AccountKind kind) {
  const auto pos = sdk::query_int(
      db, "SELECT coalesce(max(position), 0) + 1 FROM ledger_accounts WHERE org_id = " + std::to_string(org));
  sdk::Statement(db,
                 "INSERT INTO ledger_accounts(org_id, fund_id, name, kind, position) VALUES(?, ?, ?, ?, ?)")
      .bind_all(org, fund, name, account_kind_key(kind), pos.value_or(1))
      .run();
  return db.last_insert_id();
}

Id insert_fund(sdk::Database& db, OrgId org, const std::string& name) {
  const auto pos = sdk::query_int(
      db, "SELECT coalesce(max(position), 0) + 1 FROM ledger_funds WHERE org_id = " + std::to_string(org));
  sdk::Statement(db, "INSERT INTO ledger_funds(org_id, name, position) VALUES(?, ?, ?)")
      .bind_all(org, name, pos.value_or(1))
      .run();
  return db.last_insert_id();
}

std::string checked_name(const char* field, const std::string& text) {
  const std::string name = sdk::trim(text);
  if (name.empty()) throw sdk::InputError(std::string(field) + ": a name is required");
  sdk::check_text(sdk::TextKind::Line, field, name);
  return name;
}

}  // namespace

const char* side_key(Side side) {
  return side == Side::Income ? "income" : "expense";
}

Side parse_side(std::string_view text) {
  const std::string t = sdk::fold_for_search(text);
  if (t == "income" || t == "収入") return Side::Income;
  if (t == "expense" || t == "支出") return Side::Expense;
  throw sdk::InputError("'" + sdk::displayable_text(text) + "' is neither income (収入) nor expense (支出)");
}

const char* account_kind_key(AccountKind kind) {
  switch (kind) {
    case AccountKind::Cash:
      return "cash";
    case AccountKind::Bank:
      return "bank";
    case AccountKind::Deposit:
      return "deposit";
  }
  return "cash";
}

std::string account_kind_ja(AccountKind kind) {
  switch (kind) {
    case AccountKind::Cash:
      return "現金";
    case AccountKind::Bank:
      return "普通預金";
    case AccountKind::Deposit:
      return "定期預金";
  }
  return "現金";
}

AccountKind parse_account_kind(std::string_view text) {
  const std::string t = sdk::fold_for_search(text);
  if (t == "cash" || t == "現金") return AccountKind::Cash;
  if (t == "bank" || t == "普通預金" || t == "普通") return AccountKind::Bank;
  if (t == "deposit" || t == "定期預金" || t == "定期") return AccountKind::Deposit;
  throw sdk::InputError("'" + sdk::displayable_text(text) +
                        "' is not a kind of account (cash 現金, bank 普通預金, deposit 定期預金)");
}

int start_month(sdk::Database& db, OrgId org) {
  sdk::Statement st(db, "SELECT start_month FROM ledger_settings WHERE org_id = ?");
  st.bind(1, org);
  return st.step() ? static_cast<int>(st.get_int(0)) : 4;
}

void set_start_month(sdk::Database& db, OrgId org, int month) {
  if (month < 1 || month > 12)
    throw sdk::InputError("start month: " + std::to_string(month) + " is not a month (1–12)");
  sdk::Transaction tx(db, "ledger.settings", "会計年度の開始月 " + std::to_string(month) + "月");
  lock_books(db, org);
  sdk::Statement count(db, "SELECT count(*) FROM ledger_entries WHERE org_id = ?");
  count.bind(1, org);
  count.step();
  if (count.get_int(0) > 0 && month != start_month(db, org))
    throw sdk::InputError("the books already have entries: the 会計年度's start month can no longer change");
  sdk::Statement(db,
                 "INSERT INTO ledger_settings(org_id, start_month) VALUES(?, ?) "
                 "ON CONFLICT(org_id) DO UPDATE SET start_month = excluded.start_month")
      .bind_all(org, month)
      .run();
  tx.commit();
}

int fiscal_year_of(const Date& day, int start) {
  return day.month >= start ? day.year : day.year - 1;
}

Date year_start(int year, int start) {
  return {year, start, 1};
}

Date year_end(int year, int start) {
  return Date{start == 1 ? year + 1 : year + 1, start, 1}.add_days(-1);
}

void lock_books(sdk::Database& db, OrgId org) {
  if (db.engine() != sdk::Engine::PostgreSQL) return;
  sdk::Statement(db, "INSERT INTO ledger_settings(org_id) VALUES(?) ON CONFLICT DO NOTHING")
      .bind(1, org)
      .run();
  sdk::lock_row(db, "ledger_settings", "org_id", org);
}

bool ensure_books(sdk::Database& db, OrgId org) {
  auto has_books = [&] {
    sdk::Statement has(db, "SELECT 1 FROM ledger_funds WHERE org_id = ?");
    has.bind(1, org);
    return has.step();
  };
  if (has_books()) return false;
  sdk::Transaction tx(db, "ledger.setup", "一般会計, 現金, 普通預金, 科目 from the 自治会 template");
  lock_books(db, org);
  if (has_books()) return false;  // another officer's program set them up meanwhile
  const Id general = insert_fund(db, org, "一般会計");
  insert_account(db, org, general, "現金", AccountKind::Cash);
  insert_account(db, org, general, "普通預金", AccountKind::Bank);
  int position = 0;
  for (const auto& c : category_template()) {
    const Id id = insert_category(db, org, c.side, std::nullopt, c.name, c.reading, ++position);
    for (const auto& [name, reading] : c.children)
      insert_category(db, org, c.side, id, name, reading, ++position);
  }
  tx.commit();
  return true;
}

std::vector<Fund> funds(sdk::Database& db, OrgId org) {
  sdk::Statement st(db, "SELECT id, name FROM ledger_funds WHERE org_id = ? ORDER BY position, id");
  st.bind(1, org);
  std::vector<Fund> out;
  while (st.step()) out.push_back({st.get_int(0), st.get_text(1)});
  return out;
}

Id add_fund(sdk::Database& db, OrgId org, const std::string& text) {
  const std::string name = checked_name("fund name", text);
  ensure_books(db, org);
  sdk::Transaction tx(db, "ledger.fund.add", name);
  lock_books(db, org);
  for (const auto& f : funds(db, org))
    if (f.name == name) throw sdk::InputError("fund name: there is a fund named '" + name + "' already");
  const Id id = insert_fund(db, org, name);
  tx.commit();
  return id;
}

Fund find_fund(sdk::Database& db, OrgId org, const std::string& text) {
  const std::string name = sdk::trim(text);
  std::string names;
  auto all = funds(db, org);
  if (name.empty() && !all.empty()) return all.front();
  for (const auto& f : all) {
    if (f.name == name || std::to_string(f.id) == name) return f;
    names += (names.empty() ? "" : ", ") + f.name;
  }
  throw sdk::InputError("fund: no fund named '" + sdk::displayable_text(name) + "' (there are: " + names +
                        ")");
}

std::vector<Account> accounts(sdk::Database& db, OrgId org, bool with_retired) {
  sdk::Statement st(db,
                    "SELECT a.id, a.fund_id, f.name, a.name, a.kind, a.retired FROM ledger_accounts a "
                    "JOIN ledger_funds f ON f.id = a.fund_id WHERE a.org_id = ? AND (? OR a.retired = 0) "
                    "ORDER BY f.position, a.position, a.id");
  st.bind_all(org, with_retired ? 1 : 0);
  std::vector<Account> out;
  while (st.step())
    out.push_back({st.get_int(0), st.get_int(1), st.get_text(2), st.get_text(3),
                   parse_account_kind(st.get_text(4)), st.get_int(5) != 0});
  return out;
}

Id add_account(sdk::Database& db, OrgId org, const std::string& fund, const std::string& text,
               AccountKind kind) {
  const std::string name = checked_name("account name", text);
  ensure_books(db, org);
  sdk::Transaction tx(db, "ledger.account.add", name + " (" + account_kind_ja(kind) + ")");
  lock_books(db, org);
  const Fund f = find_fund(db, org, fund);
  for (const auto& a : accounts(db, org, true))
    if (a.name == name)
      throw sdk::InputError("account name: there is an account named '" + name + "' already");
  const Id id = insert_account(db, org, f.id, name, kind);
  tx.commit();
  return id;
}

Account find_account(sdk::Database& db, OrgId org, const std::string& text) {
  const std::string name = sdk::trim(text);
  std::string names;
  for (const auto& a : accounts(db, org, true)) {
    if (a.name == name || std::to_string(a.id) == name) return a;
    names += (names.empty() ? "" : ", ") + a.name;
  }
  throw sdk::InputError("account: no money account named '" + sdk::displayable_text(name) +
                        "' (there are: " + names + ")");
}

Account get_account(sdk::Database& db, OrgId org, Id id) {
  for (const auto& a : accounts(db, org, true))
    if (a.id == id) return a;
  throw sdk::InputError("no money account " + std::to_string(id) + " in this organization's books");
}

Id income_account(sdk::Database& db, OrgId org) {
  sdk::Statement st(db, "SELECT income_account_id FROM ledger_settings WHERE org_id = ?");
  st.bind(1, org);
  if (st.step() && !st.is_null(0)) return st.get_int(0);
  for (const auto& a : accounts(db, org))
    if (a.kind == AccountKind::Cash) return a.id;
  throw sdk::InputError("the books have no cash account for 会費 and 使用料 to go to");
}

void set_income_account(sdk::Database& db, OrgId org, Id account) {
  sdk::Transaction tx(db, "ledger.settings");
  lock_books(db, org);
  const Account a = get_account(db, org, account);
  tx.set_detail("会費・使用料の入金先 " + a.name);
  sdk::Statement(db,
                 "INSERT INTO ledger_settings(org_id, income_account_id) VALUES(?, ?) "
                 "ON CONFLICT(org_id) DO UPDATE SET income_account_id = excluded.income_account_id")
      .bind_all(org, a.id)
      .run();
  tx.commit();
}

std::vector<Category> categories(sdk::Database& db, OrgId org, bool with_retired) {
  sdk::Statement st(db,
                    "SELECT id, parent_id, side, name, reading, retired FROM ledger_categories "
                    "WHERE org_id = ? ORDER BY side DESC, position, id");
  st.bind(1, org);
  std::vector<Category> flat;
  while (st.step())
    flat.push_back({st.get_int(0), st.get_optional_int(1), parse_side(st.get_text(2)), st.get_text(3),
                    st.get_text(4), "", 0, st.get_int(5) != 0});
  // Tree order: each parent followed by its children (income first, then expense).
  std::vector<Category> out;
  std::function<void(std::optional<Id>, const std::string&, int)> walk =
      [&](std::optional<Id> parent, const std::string& prefix, int depth) {
        for (auto c : flat)
          if (c.parent == parent && (with_retired || !c.retired)) {
            c.path = prefix.empty() ? c.name : prefix + "／" + c.name;
            c.depth = depth;
            out.push_back(c);
            walk(c.id, c.path, depth + 1);
          }
      };
  walk(std::nullopt, "", 0);
  std::stable_sort(out.begin(), out.end(), [](const Category& a, const Category& b) {
    return a.side == Side::Income && b.side == Side::Expense;
  });
  return out;
}

Id add_category(sdk::Database& db, OrgId org, Side side, const std::string& text, const std::string& reading,
                const std::string& parent) {
  const std::string name = checked_name("科目", text);
  sdk::check_text(sdk::TextKind::Line, "reading", reading);
  ensure_books(db, org);
  sdk::Transaction tx(db, "ledger.category.add",
                      std::string(side == Side::Income ? "収入 " : "支出 ") + name);
  lock_books(db, org);
  std::optional<Id> parent_id;
  if (!sdk::trim(parent).empty()) {
    const Category p = find_category(db, org, parent, side);
    if (p.depth > 0)
      throw sdk::InputError("parent: '" + p.path + "' is a sub-科目 itself; 科目 go two levels deep");
    parent_id = p.id;
    tx.set_detail(std::string(side == Side::Income ? "収入 " : "支出 ") + p.name + "／" + name);
  }
  for (const auto& c : categories(db, org, true))
    if (c.side == side && c.parent == parent_id && c.name == name)
      throw sdk::InputError("科目: '" + c.path + "' exists already");
  const auto pos =
      sdk::query_int(db, "SELECT coalesce(max(position), 0) + 1 FROM ledger_categories WHERE org_id = " +
                             std::to_string(org));
  const Id id =
      insert_category(db, org, side, parent_id, name, sdk::trim(reading), static_cast<int>(pos.value_or(1)));
  tx.commit();
  return id;
}

void rename_category(sdk::Database& db, OrgId org, Id id, const std::string& text,
                     const std::string& reading) {
  const std::string name = checked_name("科目", text);
  sdk::check_text(sdk::TextKind::Line, "reading", reading);
  sdk::Transaction tx(db, "ledger.category.rename");
  lock_books(db, org);
  std::string old;
  for (const auto& c : categories(db, org, true))
    if (c.id == id) old = c.path;
  if (old.empty()) throw sdk::InputError("no 科目 " + std::to_string(id) + " in this organization's books");
  tx.set_detail(old + " → " + name);
  sdk::Statement(db, "UPDATE ledger_categories SET name = ?, reading = ? WHERE id = ? AND org_id = ?")
      .bind_all(name, sdk::trim(reading), id, org)
      .run();
  tx.commit();
}

void retire_category(sdk::Database& db, OrgId org, Id id) {
  sdk::Transaction tx(db, "ledger.category.retire");
  lock_books(db, org);
  std::optional<Category> found;
  for (const auto& c : categories(db, org, true))
    if (c.id == id) found = c;
  if (!found) throw sdk::InputError("no 科目 " + std::to_string(id) + " in this organization's books");
  sdk::Statement used(db,
                      "SELECT (SELECT count(*) FROM ledger_entries WHERE category_id = ?) + "
                      "(SELECT count(*) FROM ledger_budgets WHERE category_id = ?) + "
                      "(SELECT count(*) FROM ledger_categories WHERE parent_id = ?)");
  used.bind_all(id, id, id);
  used.step();
  if (used.get_int(0) > 0) {
    tx.set_detail(found->path + " retired (kept for the books that use it)");
    sdk::Statement(db, "UPDATE ledger_categories SET retired = 1 WHERE id = ?").bind(1, id).run();
  } else {
    tx.set_detail(found->path + " removed");
    sdk::Statement(db, "DELETE FROM ledger_categories WHERE id = ?").bind(1, id).run();
  }
  tx.commit();
}

std::vector<Category> match_categories(const std::vector<Category>& all, const std::string& typed) {
  const std::string q = sdk::fold_for_search(typed);
  std::vector<std::pair<int, Category>> scored;
  for (const auto& c : all) {
    if (c.retired) continue;
    const std::string name = sdk::fold_for_search(c.name), reading = sdk::fold_for_search(c.reading),
                      path = sdk::fold_for_search(c.path);
    int score = -1;
    if (q.empty())
      score = 3;
    else if (name == q || path == q || reading == q)
      score = 0;
    else if (name.starts_with(q) || reading.starts_with(q))
      score = 1;
    else if (path.find(q) != std::string::npos || reading.find(q) != std::string::npos)
      score = 2;
    if (score >= 0) scored.emplace_back(score, c);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Category> out;
  for (auto& [score, c] : scored) out.push_back(std::move(c));
  return out;
}

Category find_category(sdk::Database& db, OrgId org, const std::string& text, std::optional<Side> side) {
  auto all = categories(db, org);
  if (side) std::erase_if(all, [&](const Category& c) { return c.side != *side; });
  for (const auto& c : all)
    if (std::to_string(c.id) == sdk::trim(text)) return c;
  auto hits = match_categories(all, text);
  if (sdk::trim(text).empty()) hits.clear();
  if (hits.size() > 1) {
    const std::string q = sdk::fold_for_search(text);
    std::vector<Category> exact;
    for (const auto& c : hits)
      if (sdk::fold_for_search(c.name) == q || sdk::fold_for_search(c.path) == q ||
          sdk::fold_for_search(c.reading) == q)
        exact.push_back(c);
    if (exact.size() == 1) return exact.front();
  }
  if (hits.size() == 1) return hits.front();
  std::string names;
  for (const auto& c : hits.empty() ? all : hits) names += (names.empty() ? "" : ", ") + c.path;
  throw sdk::InputError("科目: '" + sdk::displayable_text(text) + "' " +
                        (hits.empty() ? "matches no 科目" : "matches more than one") + " (" + names + ")");
}

Id category_for_source(sdk::Database& db, OrgId org, const std::string& source) {
  const char* name = source == "会費" ? "会費" : "事業収入";
  for (const auto& c : categories(db, org, true))
    if (c.side == Side::Income && c.name == name && !c.parent) return c.id;
  return add_category(db, org, Side::Income, name, "");
}

}  // namespace wasshoi::ledger
