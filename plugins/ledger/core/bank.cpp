// Bank statements and their matching (bank.hpp).
#include "core/bank.hpp"

#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <wasshoi/sdk/csv.hpp>

#include "core/books.hpp"
#include "core/entries.hpp"

namespace wasshoi::ledger {

namespace {

constexpr int kMatchDays = 3;  // a bank books a deposit a day or two after the 会計 writes it

int guess_column(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string h = sdk::fold_for_search(header[i]);
    for (const char* n : names)
      if (h.find(sdk::fold_for_search(n)) != std::string::npos) return static_cast<int>(i) + 1;
  }
  return 0;
}

ColumnMapping guess_mapping(const std::vector<sdk::CsvRecord>& records) {
  ColumnMapping m;
  if (records.empty()) return m;
  const auto& h = records.front().fields;
  m.date = guess_column(h, {"日付", "取引日", "年月日", "date"});
  m.description = guess_column(h, {"摘要", "内容", "お取引", "description"});
  m.deposit = guess_column(h, {"お預入", "預入", "入金", "deposit"});
  m.withdrawal = guess_column(h, {"お引出", "引出", "出金", "支払", "withdrawal"});
  if (!m.deposit) m.amount = guess_column(h, {"金額", "amount"});
  return m;
}

std::int64_t cell_amount(const sdk::CsvRecord& r, int col, const char* what) {
  if (col <= 0 || col > static_cast<int>(r.fields.size())) return 0;
  const std::string t = sdk::trim(r.fields[col - 1]);
  if (t.empty() || t == "-") return 0;
  return sdk::parse_integer("line " + std::to_string(r.line) + ", " + what, t,
                            {-kAmountCeiling, kAmountCeiling, "yen", "ceiling"});
}

int match_lines(sdk::Database& db, OrgId org, Id account) {
  sdk::Statement lines(db,
                       "SELECT id, day, amount FROM ledger_bank_lines WHERE account_id = ? AND entry_id IS "
                       "NULL ORDER BY day, id");
  lines.bind(1, account);
  std::vector<std::tuple<Id, Date, std::int64_t>> open;
  while (lines.step())
    if (auto d = lines.get_date(1)) open.emplace_back(lines.get_int(0), *d, lines.get_int(2));
  sdk::Statement find(
      db,
      "SELECT e.id, e.day FROM ledger_entries e WHERE e.org_id = ? AND e.account_id = ? AND e.amount = ? AND "
      "e.day >= ? AND e.day <= ? AND e.kind <> 'opening' AND NOT EXISTS (SELECT 1 FROM ledger_bank_lines "
      "b WHERE b.entry_id = e.id) ORDER BY e.id");
  sdk::Statement set(db, "UPDATE ledger_bank_lines SET entry_id = ? WHERE id = ?");
  int n = 0;
  for (const auto& [id, day, amount] : open) {
    find.reset();
    find.bind_all(org, account, amount, day.add_days(-kMatchDays), day.add_days(kMatchDays));
    // The entry nearest the line's day (the first entered of equally near ones): days counted
    // here, the same on both engines (no julianday on PostgreSQL).
    std::optional<Id> best;
    int best_days = 0;
    while (find.step()) {
      const auto d = find.get_date(1);
      if (!d) continue;
      const int days = std::abs(d->days_since_epoch() - day.days_since_epoch());
      if (!best || days < best_days) best = find.get_int(0), best_days = days;
    }
    if (!best) continue;
    set.reset();
    set.bind_all(*best, id).run();
    ++n;
  }
  return n;
}

}  // namespace

std::string ColumnMapping::text() const {
  std::string t = "date=" + std::to_string(date) + ",desc=" + std::to_string(description);
  if (amount) t += ",amount=" + std::to_string(amount);
  if (deposit) t += ",in=" + std::to_string(deposit);
  if (withdrawal) t += ",out=" + std::to_string(withdrawal);
  return t + ",skip=" + std::to_string(skip);
}

ColumnMapping parse_mapping(const std::string& text) {
  ColumnMapping m;
  m.skip = 1;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(',', pos);
    if (end == std::string::npos) end = text.size();
    const std::string part = sdk::trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (part.empty()) continue;
    const auto eq = part.find('=');
    if (eq == std::string::npos)
      throw sdk::InputError("--columns: '" + part + "' is not name=column (date=1)");
    const std::string key = part.substr(0, eq);
    const int value = static_cast<int>(
        sdk::parse_integer("--columns " + key, part.substr(eq + 1), {0, 200, "", "maximum"}));
    if (key == "date")
      m.date = value;
    else if (key == "desc")
      m.description = value;
    else if (key == "amount")
      m.amount = value;
    else if (key == "in")
      m.deposit = value;
    else if (key == "out")
      m.withdrawal = value;
    else if (key == "skip")
      m.skip = value;
    else
      throw sdk::InputError("--columns: '" + key + "' is not one of date, desc, amount, in, out, skip");
  }
  if (!m.date || (!m.amount && !m.deposit && !m.withdrawal))
    throw sdk::InputError("--columns: give the date column and the amount (amount=N, or in=N and out=N)");
  return m;
}

ColumnMapping account_mapping(sdk::Database& db, OrgId org, Id account) {
  sdk::Statement st(db, "SELECT csv_mapping FROM ledger_accounts WHERE id = ? AND org_id = ?");
  st.bind_all(account, org);
  if (!st.step() || st.get_text(0).empty()) return {};
  return parse_mapping(st.get_text(0));
}

StatementImport import_statement(sdk::Database& db, OrgId org, const std::string& account_name,
                                 const std::string& bytes, ColumnMapping mapping) {
  StatementImport r;
  sdk::Encoding enc{};
  const auto records = sdk::read_csv_bytes(bytes, &enc);
  r.encoding = sdk::encoding_name(enc);
  sdk::Transaction tx(db, "ledger.bank.import");
  lock_books(db, org);
  const Account account = find_account(db, org, account_name);
  if (mapping.empty()) mapping = account_mapping(db, org, account.id);
  if (mapping.empty()) mapping = guess_mapping(records);
  if (mapping.empty() || (!mapping.amount && !mapping.deposit))
    throw sdk::InputError(
        "the statement's columns are not recognised: give them once (date=1,desc=2,in=3,out=4)");
  std::map<std::tuple<std::string, std::int64_t, std::string>, int> seen;
  sdk::Statement ins(
      db,
      "INSERT INTO ledger_bank_lines(org_id, account_id, day, amount, description, occurrence) "
      "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
  for (std::size_t i = static_cast<std::size_t>(mapping.skip); i < records.size(); ++i) {
    const auto& rec = records[i];
    if (rec.fields.size() == 1 && sdk::trim(rec.fields[0]).empty()) continue;
    if (mapping.date > static_cast<int>(rec.fields.size()))
      throw sdk::InputError("line " + std::to_string(rec.line) + ": no column " +
                            std::to_string(mapping.date) + " (date)");
    auto day = sdk::parse_date(rec.fields[mapping.date - 1]);
    if (!day || !day->valid())
      throw sdk::InputError("line " + std::to_string(rec.line) + ", column " + std::to_string(mapping.date) +
                            ": '" + sdk::displayable_text(rec.fields[mapping.date - 1]) + "' is not a date");
    const std::int64_t amount = mapping.amount ? cell_amount(rec, mapping.amount, "amount")
                                               : cell_amount(rec, mapping.deposit, "deposit") -
                                                     cell_amount(rec, mapping.withdrawal, "withdrawal");
    std::string desc = mapping.description && mapping.description <= static_cast<int>(rec.fields.size())
                           ? sdk::trim(rec.fields[mapping.description - 1])
                           : std::string();
    sdk::check_text(sdk::TextKind::Line, "line " + std::to_string(rec.line) + " description", desc);
    ++r.lines;
    const int occurrence = ++seen[{day->iso(), amount, desc}];
    ins.reset();
    ins.bind_all(org, account.id, *day, amount, desc, occurrence).run();
    if (db.changes() > 0)
      ++r.added;
    else
      ++r.present;
  }
  sdk::Statement(db, "UPDATE ledger_accounts SET csv_mapping = ? WHERE id = ?")
      .bind_all(mapping.text(), account.id)
      .run();
  r.matched = match_lines(db, org, account.id);
  tx.set_detail(account.name + ": " + std::to_string(r.lines) + " lines, " + std::to_string(r.added) +
                " new, " + std::to_string(r.matched) + " matched");
  tx.commit();
  return r;
}

Reconciliation reconcile(sdk::Database& db, OrgId org, const std::string& account_name) {
  Reconciliation r;
  r.account = find_account(db, org, account_name);
  sdk::Statement st(
      db,
      "SELECT id, day, amount, description, entry_id FROM ledger_bank_lines WHERE account_id = ? ORDER BY "
      "day, id");
  st.bind(1, r.account.id);
  std::optional<Date> first, last;
  std::set<Id> matched_entries;
  while (st.step()) {
    BankLine l{st.get_int(0), st.get_date(1), st.get_int(2), st.get_text(3), st.get_optional_int(4)};
    if (l.day) {
      if (!first || *l.day < *first) first = l.day;
      if (!last || *l.day > *last) last = l.day;
    }
    if (l.entry)
      matched_entries.insert(*l.entry), ++r.matched;
    else
      r.bank_only.push_back(std::move(l));
  }
  if (!first) return r;
  const int start = start_month(db, org);
  for (int y = fiscal_year_of(*first, start); y <= fiscal_year_of(*last, start); ++y)
    for (auto& e : book(db, org, {.year = y, .account = r.account.id}))
      if (e.kind != EntryKind::Opening && e.day && *e.day >= *first && *e.day <= *last &&
          !matched_entries.count(e.id))
        r.book_only.push_back(std::move(e));
  return r;
}

}  // namespace wasshoi::ledger
