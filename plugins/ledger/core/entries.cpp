// The 出納帳 (entries.hpp): writes are one audited transaction each; reads build the running
// balance with one window query.
#include "core/entries.hpp"

#include <map>

#include "core/books.hpp"

namespace wasshoi::ledger {

namespace {

std::string yen(std::int64_t amount) {
  return sdk::group_thousands(amount) + "円";
}

constexpr const char* kInsert =
    "INSERT INTO ledger_entries(org_id, fiscal_year, day, account_id, category_id, kind, amount, summary, "
    "receipt_no, entered_by, transfer_pair, reverses, reason, source, source_key, grant_id) "
    "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

EntryKind parse_kind(const std::string& k) {
  return k == "transfer" ? EntryKind::Transfer : k == "opening" ? EntryKind::Opening : EntryKind::Entry;
}

void check_common(const Date& day, std::int64_t amount, const std::string& summary, const std::string& by) {
  sdk::check_date("date", day);
  sdk::check_integer("amount", amount, kAmountRange);
  sdk::check_text(sdk::TextKind::Line, "摘要", summary);
  sdk::check_text(sdk::TextKind::Name, "entered by", by);
}

constexpr const char* kBook = R"sql(
SELECT e.id, e.fiscal_year, e.day, e.account_id, e.category_id, e.kind, e.amount, e.summary, e.receipt_no,
       e.entered_by, e.transfer_pair, e.reverses, e.reason, e.source, e.grant_id,
       EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses = e.id),
       EXISTS (SELECT 1 FROM ledger_receipts p WHERE p.entry_id = e.id),
       sum(e.amount) OVER (PARTITION BY e.account_id ORDER BY e.day, e.id ROWS UNBOUNDED PRECEDING)
FROM ledger_entries e
WHERE e.org_id = ? AND e.fiscal_year = ? AND (CAST(? AS BIGINT) IS NULL OR e.account_id = ?) AND (CAST(? AS BIGINT) IS NULL OR e.grant_id = ?)
ORDER BY e.day, e.id
)sql";

}  // namespace

std::string year_state(sdk::Database& db, OrgId org, int year) {
  sdk::Statement st(db, "SELECT state FROM ledger_years WHERE org_id = ? AND year = ?");
  st.bind_all(org, year);
  return st.step() ? st.get_text(0) : std::string("open");
}

void require_open_year(sdk::Database& db, OrgId org, int year) {
  const std::string state = year_state(db, org, year);
  if (state == "open") return;
  throw sdk::InputError(std::to_string(year) + "年度 (" + sdk::format_fiscal_year_ja(year) + ") is " +
                        (state == "audited" ? "audited (監査済み)" : "closed (締め済み)") +
                        ": it takes no entries; correct it with a reversing entry dated in an open year");
}

Id add_entry(sdk::Database& db, OrgId org, const NewEntry& e) {
  check_common(e.day, e.amount, e.summary, e.entered_by);
  sdk::check_text(sdk::TextKind::Name, "領収書番号", e.receipt_no);
  ensure_books(db, org);
  sdk::Transaction tx(db, "ledger.entry.add");
  lock_books(db, org);
  const Account account = find_account(db, org, e.account);
  const Category category = find_category(db, org, e.category);
  const int year = fiscal_year_of(e.day, start_month(db, org));
  require_open_year(db, org, year);
  if (e.grant) {
    sdk::Statement g(db, "SELECT 1 FROM ledger_grants WHERE id = ? AND org_id = ?");
    g.bind_all(*e.grant, org);
    if (!g.step()) throw sdk::InputError("grant: no grant " + std::to_string(*e.grant) + " in these books");
  }
  const std::int64_t signed_amount = category.side == Side::Income ? e.amount : -e.amount;
  tx.set_detail(e.day.iso() + " " + account.name + " " + category.path + " " + yen(signed_amount) + " " +
                e.summary);
  sdk::Statement(db, kInsert)
      .bind_all(org, year, e.day, account.id, category.id, "entry", signed_amount, sdk::trim(e.summary),
                sdk::trim(e.receipt_no), e.entered_by, nullptr, nullptr, "", "", nullptr, e.grant)
      .run();
  const Id id = db.last_insert_id();
  if (!e.receipt_name.empty())
    attach_receipt(db, org, id, e.receipt_name, e.receipt_bytes);  // a savepoint of ours
  tx.commit();
  return id;
}

Id add_transfer(sdk::Database& db, OrgId org, const NewTransfer& t) {
  check_common(t.day, t.amount, t.summary, t.entered_by);
  ensure_books(db, org);
  sdk::Transaction tx(db, "ledger.transfer");
  lock_books(db, org);
  const Account from = find_account(db, org, t.from), to = find_account(db, org, t.to);
  if (from.id == to.id)
    throw sdk::InputError("a transfer needs two different accounts ('" + from.name + "' twice)");
  const int year = fiscal_year_of(t.day, start_month(db, org));
  require_open_year(db, org, year);
  const std::string summary = sdk::trim(t.summary).empty() ? from.name + "→" + to.name : sdk::trim(t.summary);
  tx.set_detail(t.day.iso() + " " + from.name + " → " + to.name + " " + yen(t.amount));
  sdk::Statement ins(db, kInsert);
  ins.bind_all(org, year, t.day, from.id, nullptr, "transfer", -t.amount, summary, "", t.entered_by, nullptr,
               nullptr, "", "", nullptr, nullptr)
      .run();
  const Id out = db.last_insert_id();
  ins.reset();
  ins.bind_all(org, year, t.day, to.id, nullptr, "transfer", t.amount, summary, "", t.entered_by, out,
               nullptr, "", "", nullptr, nullptr)
      .run();
  const Id in = db.last_insert_id();
  sdk::Statement(db, "UPDATE ledger_entries SET transfer_pair = ? WHERE id = ?").bind_all(in, out).run();
  tx.commit();
  return out;
}

Id set_opening_balance(sdk::Database& db, OrgId org, const std::string& account_name, const Date& day,
                       std::int64_t amount, const std::string& by) {
  sdk::check_date("date", day);
  sdk::check_integer("amount", amount, kBudgetRange);
  ensure_books(db, org);
  sdk::Transaction tx(db, "ledger.opening");
  lock_books(db, org);
  const Account a = find_account(db, org, account_name);
  if (has_opening_balance(db, a.id))
    throw sdk::InputError("account '" + a.name + "' has its opening balance already");
  const int year = fiscal_year_of(day, start_month(db, org));
  require_open_year(db, org, year);
  tx.set_detail(a.name + " 開始残高 " + yen(amount) + " (" + day.iso() + ")");
  sdk::Statement(db, kInsert)
      .bind_all(org, year, day, a.id, nullptr, "opening", amount, "開始残高", "", by, nullptr, nullptr, "",
                "", nullptr, nullptr)
      .run();
  const Id id = db.last_insert_id();
  tx.commit();
  return id;
}

bool has_opening_balance(sdk::Database& db, Id account) {
  sdk::Statement has(db, "SELECT 1 FROM ledger_entries WHERE account_id = ? AND kind = 'opening'");
  has.bind(1, account);
  return has.step();
}

Id reverse_entry(sdk::Database& db, OrgId org, Id entry, const std::string& reason_text, const Date& on,
                 const std::string& by) {
  const std::string reason = sdk::trim(reason_text);
  if (reason.empty()) throw sdk::InputError("a correction needs the reason (why the entry was wrong)");
  sdk::check_text(sdk::TextKind::Line, "reason", reason);
  sdk::check_text(sdk::TextKind::Name, "by", by);
  sdk::check_date("date", on);
  sdk::Transaction tx(db, "ledger.entry.reverse");
  lock_books(db, org);
  const Entry e = get_entry(db, org, entry);
  if (e.reverses)
    throw sdk::InputError("entry " + std::to_string(entry) + " is itself a correction (of entry " +
                          std::to_string(*e.reverses) + ")");
  if (e.reversed) throw sdk::InputError("entry " + std::to_string(entry) + " is reversed already");
  if (e.kind == EntryKind::Opening)
    throw sdk::InputError("entry " + std::to_string(entry) +
                          " is an opening balance: correct it with an entry");
  const int year = fiscal_year_of(on, start_month(db, org));
  require_open_year(db, org, year);
  tx.set_detail("entry " + std::to_string(entry) + " (" + sdk::iso_or_unknown(e.day) + " " + e.account_name +
                " " + yen(e.amount) + " " + e.summary + ") reversed — reason: " + reason);
  std::vector<Entry> halves{e};
  if (e.transfer_pair) halves.push_back(get_entry(db, org, *e.transfer_pair));
  sdk::Statement ins(db, kInsert);
  Id first = 0, previous = 0;
  for (const auto& h : halves) {
    ins.reset();
    ins.bind_all(org, year, on, h.account, h.category, kind_key(h.kind), -h.amount, "訂正: " + h.summary,
                 h.receipt_no, by, previous ? std::optional<Id>(previous) : std::nullopt, h.id, reason,
                 h.source, nullptr, h.grant)
        .run();
    const Id id = db.last_insert_id();
    if (previous)
      sdk::Statement(db, "UPDATE ledger_entries SET transfer_pair = ? WHERE id = ?")
          .bind_all(id, previous)
          .run();
    if (!first) first = id;
    previous = id;
  }
  tx.commit();
  return first;
}

void attach_receipt(sdk::Database& db, OrgId org, Id entry, const std::string& name,
                    const std::string& bytes) {
  std::string mime;
  if (bytes.starts_with("\x89PNG\r\n\x1a\n"))
    mime = "image/png";
  else if (bytes.starts_with("\xFF\xD8\xFF"))
    mime = "image/jpeg";
  else if (bytes.starts_with("%PDF-"))
    mime = "application/pdf";
  else
    throw sdk::InputError("receipt '" + sdk::displayable_text(name) + "': not a PNG, JPEG or PDF file");
  sdk::check_text(sdk::TextKind::Line, "receipt name", name);
  sdk::Transaction tx(db, "ledger.receipt.attach");
  lock_books(db, org);
  const Entry e = get_entry(db, org, entry);
  if (e.has_receipt)
    throw sdk::InputError("entry " + std::to_string(entry) + " has a receipt attached already");
  tx.set_detail("entry " + std::to_string(entry) + ": " + name + " (" + mime + ", " +
                std::to_string(bytes.size()) + " bytes)");
  sdk::Blob blob(bytes.begin(), bytes.end());
  sdk::Statement(db, "INSERT INTO ledger_receipts(entry_id, name, mime, bytes) VALUES(?, ?, ?, ?)")
      .bind_all(entry, name, mime, blob)
      .run();
  tx.commit();
}

std::optional<Receipt> receipt(sdk::Database& db, OrgId org, Id entry) {
  sdk::Statement st(
      db,
      "SELECT p.name, p.mime, p.bytes FROM ledger_receipts p JOIN ledger_entries e ON e.id = p.entry_id "
      "WHERE p.entry_id = ? AND e.org_id = ?");
  st.bind_all(entry, org);
  if (!st.step()) return std::nullopt;
  const auto blob = st.get_blob(2);
  return Receipt{st.get_text(0), st.get_text(1), std::string(blob.begin(), blob.end())};
}

std::optional<Receipt> receipt(sdk::Context& ctx, Id entry) {
  ctx.require_visible("ledger_entries", entry);
  return receipt(ctx.db(), ctx.current_org(), entry);
}

std::int64_t balance(sdk::Database& db, Id account, const Date& through) {
  sdk::Statement st(db,
                    "SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE account_id = ? AND day <= ?");
  st.bind_all(account, through);
  st.step();
  return st.get_int(0);
}

std::int64_t balance(sdk::Database& db, Id account) {
  sdk::Statement st(db, "SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE account_id = ?");
  st.bind(1, account);
  st.step();
  return st.get_int(0);
}

std::vector<Entry> book(sdk::Database& db, OrgId org, const EntryFilter& f, int offset, int limit) {
  std::map<Id, std::string> account_names, category_paths;
  std::map<Id, std::int64_t> before;  // each account's balance before the 年度
  const int start = start_month(db, org);
  for (const auto& a : accounts(db, org, true)) {
    account_names[a.id] = a.name;
    sdk::Statement st(
        db, "SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE account_id = ? AND fiscal_year < ?");
    st.bind_all(a.id, f.year);
    st.step();
    before[a.id] = st.get_int(0);
  }
  (void)start;
  for (const auto& c : categories(db, org, true)) category_paths[c.id] = c.path;
  std::string sql = kBook;
  if (limit > 0) sql += " LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset);
  sdk::Statement st(db, sql);
  st.bind_all(org, f.year, f.account, f.account, f.grant, f.grant);
  std::vector<Entry> out;
  while (st.step()) {
    Entry e;
    e.id = st.get_int(0);
    e.fiscal_year = static_cast<int>(st.get_int(1));
    e.day = st.get_date(2);
    e.account = st.get_int(3);
    e.account_name = account_names[e.account];
    e.category = st.get_optional_int(4);
    if (e.category) e.category_path = category_paths[*e.category];
    e.kind = parse_kind(st.get_text(5));
    e.amount = st.get_int(6);
    e.summary = st.get_text(7);
    e.receipt_no = st.get_text(8);
    e.entered_by = st.get_text(9);
    e.transfer_pair = st.get_optional_int(10);
    e.reverses = st.get_optional_int(11);
    e.reason = st.get_text(12);
    e.source = st.get_text(13);
    e.grant = st.get_optional_int(14);
    e.reversed = st.get_int(15) != 0;
    e.has_receipt = st.get_int(16) != 0;
    e.balance = before[e.account] + st.get_int(17);
    out.push_back(std::move(e));
  }
  return out;
}

int book_size(sdk::Database& db, OrgId org, const EntryFilter& f) {
  sdk::Statement st(db,
                    "SELECT count(*) FROM ledger_entries WHERE org_id = ? AND fiscal_year = ? AND (CAST(? AS "
                    "BIGINT) IS NULL OR "
                    "account_id = ?) AND (CAST(? AS BIGINT) IS NULL OR grant_id = ?)");
  st.bind_all(org, f.year, f.account, f.account, f.grant, f.grant);
  st.step();
  return static_cast<int>(st.get_int(0));
}

Entry get_entry(sdk::Database& db, OrgId org, Id id) {
  sdk::Statement st(db, "SELECT fiscal_year, account_id FROM ledger_entries WHERE id = ? AND org_id = ?");
  st.bind_all(id, org);
  if (!st.step()) throw sdk::InputError("no entry " + std::to_string(id) + " in this organization's books");
  EntryFilter f{.year = static_cast<int>(st.get_int(0)), .account = st.get_int(1)};
  for (auto& e : book(db, org, f))
    if (e.id == id) return e;
  throw sdk::InputError("no entry " + std::to_string(id) + " in this organization's books");
}

const char* kind_key(EntryKind k) {
  return k == EntryKind::Entry ? "entry" : k == EntryKind::Transfer ? "transfer" : "opening";
}

}  // namespace wasshoi::ledger
