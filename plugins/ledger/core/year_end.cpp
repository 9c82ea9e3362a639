// Closing, 監査 and hand-over (year_end.hpp).
#include "core/year_end.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "core/books.hpp"
#include "core/entries.hpp"
#include "core/reports.hpp"

namespace wasshoi::ledger {

namespace {

constexpr const char* kFormat = "wasshoi-ledger-handover";

}  // namespace

CloseResult close_year(sdk::Database& db, OrgId org, int year, const Date& on) {
  sdk::check_year("年度", year);
  sdk::check_date("date", on);
  sdk::Transaction tx(db, "ledger.year.close");
  lock_books(db, org);
  if (year_state(db, org, year) != "open")
    throw sdk::InputError(std::to_string(year) + "年度 is closed already");
  CloseResult r;
  for (const auto& f : funds(db, org)) r.carried += settlement(db, org, year, f.name).carry_out();
  sdk::Statement(
      db, "INSERT INTO ledger_years(org_id, year, state, closed_on, carried) VALUES(?, ?, 'closed', ?, ?)")
      .bind_all(org, year, on, r.carried)
      .run();
  sdk::Statement(db,
                 "INSERT INTO ledger_budgets(org_id, fund_id, year, category_id, amount, draft, note) "
                 "SELECT org_id, fund_id, year + 1, category_id, amount, 1, note FROM ledger_budgets "
                 "WHERE org_id = ? AND year = ? ON CONFLICT DO NOTHING")
      .bind_all(org, year)
      .run();
  r.budget_lines = db.changes();
  tx.set_detail(std::to_string(year) + "年度を締め: 次年度繰越金 " + sdk::group_thousands(r.carried) +
                "円, 予算案 " + std::to_string(r.budget_lines) + " 行");
  tx.commit();
  return r;
}

void record_audit(sdk::Database& db, OrgId org, int year, const Audit& a) {
  const std::string one = sdk::trim(a.auditor1), two = sdk::trim(a.auditor2);
  if (one.empty() || two.empty()) throw sdk::InputError("監査: the names of both 監事 are required");
  sdk::check_text(sdk::TextKind::Name, "監事", one);
  sdk::check_text(sdk::TextKind::Name, "監事", two);
  sdk::check_text(sdk::TextKind::Note, "監査意見", a.opinion);
  sdk::check_date("date", a.on);
  sdk::Transaction tx(db, "ledger.year.audit");
  lock_books(db, org);
  const std::string state = year_state(db, org, year);
  if (state == "open")
    throw sdk::InputError(std::to_string(year) + "年度 is not closed yet: close it before the 監査");
  if (state == "audited") throw sdk::InputError(std::to_string(year) + "年度 is audited already");
  tx.set_detail(std::to_string(year) + "年度 監査 " + a.on.iso() + " 監事 " + one + "・" + two);
  sdk::Statement(db,
                 "UPDATE ledger_years SET state = 'audited', auditor1 = ?, auditor2 = ?, audited_on = ?, "
                 "audit_opinion = ? WHERE org_id = ? AND year = ?")
      .bind_all(one, two, a.on,
                sdk::trim(a.opinion).empty() ? std::string(kDefaultOpinion) : sdk::trim(a.opinion), org, year)
      .run();
  tx.commit();
}

YearInfo year_info(sdk::Database& db, OrgId org, int year) {
  YearInfo y{.year = year, .state = "open"};
  sdk::Statement st(
      db,
      "SELECT state, carried, auditor1, auditor2, audit_opinion, closed_on, audited_on FROM ledger_years "
      "WHERE org_id = ? AND year = ?");
  st.bind_all(org, year);
  if (st.step()) {
    y.state = st.get_text(0);
    y.carried = st.get_int(1);
    y.auditor1 = st.get_text(2);
    y.auditor2 = st.get_text(3);
    y.opinion = st.get_text(4);
    y.closed_on = st.get_date(5);
    y.audited_on = st.get_date(6);
  }
  return y;
}

std::string handover_file(sdk::Database& db, OrgId org, int year) {
  using nlohmann::json;
  json j;
  j["format"] = kFormat;
  j["version"] = 1;
  j["organization"] = org;
  j["year"] = year;
  j["start_month"] = start_month(db, org);
  j["state"] = year_state(db, org, year);
  j["funds"] = json::array();
  for (const auto& f : funds(db, org)) j["funds"].push_back(f.name);
  j["accounts"] = json::array();
  for (const auto& a : accounts(db, org, true)) {
    sdk::Statement st(
        db, "SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE account_id = ? AND fiscal_year < ?");
    st.bind_all(a.id, year);
    st.step();
    j["accounts"].push_back({{"name", a.name},
                             {"fund", a.fund_name},
                             {"kind", account_kind_key(a.kind)},
                             {"opening", st.get_int(0)}});
  }
  j["categories"] = json::array();
  std::map<Id, std::string> names;
  for (const auto& c : categories(db, org, true)) names[c.id] = c.name;
  for (const auto& c : categories(db, org, true))
    j["categories"].push_back({{"side", side_key(c.side)},
                               {"name", c.name},
                               {"reading", c.reading},
                               {"parent", c.parent ? names[*c.parent] : std::string()}});
  j["entries"] = json::array();
  for (const auto& e : book(db, org, {.year = year}))
    j["entries"].push_back({{"id", e.id},
                            {"day", sdk::iso_or_unknown(e.day)},
                            {"account", e.account_name},
                            {"category", e.category_path},
                            {"kind", kind_key(e.kind)},
                            {"amount", e.amount},
                            {"summary", e.summary},
                            {"receipt_no", e.receipt_no},
                            {"entered_by", e.entered_by},
                            {"pair", e.transfer_pair ? json(*e.transfer_pair) : json()},
                            {"reverses", e.reverses ? json(*e.reverses) : json()},
                            {"reason", e.reason},
                            {"source", e.source}});
  j["budget_next"] = json::array();
  for (const auto& f : funds(db, org))
    for (const auto& b : budget_lines(db, org, year + 1, f.name))
      if (b.budget)
        j["budget_next"].push_back({{"fund", f.name},
                                    {"category", b.category.path},
                                    {"side", side_key(b.category.side)},
                                    {"amount", *b.budget},
                                    {"draft", b.draft}});
  return j.dump(1);
}

namespace {

Id ensure_category(sdk::Database& db, OrgId org, Side side, const std::string& name,
                   const std::string& reading, const std::string& parent) {
  for (const auto& c : categories(db, org, true))
    if (c.side == side && c.name == name &&
        (parent.empty() ? !c.parent : c.depth == 1 && c.path == parent + "／" + name))
      return c.id;
  return add_category(db, org, side, name, reading, parent);
}

}  // namespace

HandoverResult import_handover(sdk::Database& db, OrgId org, const std::string& text, const std::string& by) {
  using nlohmann::json;
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("format", "") != kFormat)
    throw sdk::InputError("the file is not a ledger hand-over (会計の引継ぎファイル)");
  HandoverResult r;
  try {
    r.year = j.at("year").get<int>();
    ensure_books(db, org);
    sdk::Transaction tx(db, "ledger.handover.import");
    lock_books(db, org);
    const std::string prefix = "handover:" + std::to_string(j.at("organization").get<std::int64_t>()) + ":" +
                               std::to_string(r.year) + ":";
    sdk::Statement own(
        db,
        "SELECT count(*) FROM ledger_entries WHERE org_id = ? AND fiscal_year = ? AND (source_key IS "
        "NULL OR substr(source_key, 1, ?) <> ?)");
    own.bind_all(org, r.year, static_cast<std::int64_t>(prefix.size()), prefix);
    own.step();
    if (own.get_int(0) > 0)
      throw sdk::InputError("these books already hold entries of " + std::to_string(r.year) +
                            "年度 of their own: the hand-over is for the next 会計's books");
    for (const auto& f : j.at("funds")) {
      bool have = false;
      for (const auto& g : funds(db, org)) have |= g.name == f.get<std::string>();
      if (!have) add_fund(db, org, f.get<std::string>());
    }
    for (const auto& c : j.at("categories"))
      if (c.at("parent").get<std::string>().empty())
        ensure_category(db, org, parse_side(c.at("side").get<std::string>()), c.at("name"), c.at("reading"),
                        "");
    for (const auto& c : j.at("categories"))
      if (!c.at("parent").get<std::string>().empty())
        ensure_category(db, org, parse_side(c.at("side").get<std::string>()), c.at("name"), c.at("reading"),
                        c.at("parent"));
    const int start = j.at("start_month").get<int>();
    sdk::Statement(
        db,
        "INSERT INTO ledger_settings(org_id, start_month) VALUES(?, ?) ON CONFLICT(org_id) DO UPDATE SET "
        "start_month = excluded.start_month")
        .bind_all(org, start)
        .run();
    sdk::Statement exists(db, "SELECT id FROM ledger_entries WHERE org_id = ? AND source_key = ?");
    sdk::Statement ins(
        db,
        "INSERT INTO ledger_entries(org_id, fiscal_year, day, account_id, category_id, kind, amount, "
        "summary, receipt_no, entered_by, reason, source, source_key) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto insert = [&](const std::string& key, const Date& day, Id account, std::optional<Id> category,
                      const std::string& kind, std::int64_t amount, const std::string& summary,
                      const std::string& receipt_no, const std::string& who, const std::string& reason,
                      const std::string& source) -> std::optional<Id> {
      exists.reset();
      exists.bind_all(org, key);
      if (exists.step()) {
        ++r.entries_present;
        return std::nullopt;
      }
      ins.reset();
      ins.bind_all(org, r.year, day, account, category, kind, amount, summary, receipt_no, who, reason,
                   source.empty() ? std::string("引継ぎ") : source, key)
          .run();
      ++r.entries_added;
      return db.last_insert_id();
    };
    const Date first = year_start(r.year, start);
    for (const auto& a : j.at("accounts")) {
      Id id = 0;
      for (const auto& have : accounts(db, org, true))
        if (have.name == a.at("name").get<std::string>()) id = have.id;
      if (!id)
        id = add_account(db, org, a.at("fund"), a.at("name"),
                         parse_account_kind(a.at("kind").get<std::string>()));
      if (a.at("opening").get<std::int64_t>() != 0)
        insert(prefix + "opening:" + a.at("name").get<std::string>(), first, id, std::nullopt, "opening",
               a.at("opening").get<std::int64_t>(), "前年度からの繰越", "", by, "", "");
    }
    std::map<std::int64_t, Id> ids;  // the file's entry id → ours
    for (const auto& e : j.at("entries")) {
      auto day = sdk::parse_iso_date(e.at("day").get<std::string>());
      if (!day)
        throw sdk::InputError("entry " + std::to_string(e.at("id").get<std::int64_t>()) + ": no date");
      const Id account = find_account(db, org, e.at("account")).id;
      std::optional<Id> category;
      if (e.at("kind") == "entry") {
        const std::string path = e.at("category");
        for (const auto& c : categories(db, org, true))
          if (c.path == path) category = c.id;
        if (!category)
          throw sdk::InputError("entry " + std::to_string(e.at("id").get<std::int64_t>()) + ": 科目 '" +
                                path + "' missing");
      }
      auto id = insert(prefix + std::to_string(e.at("id").get<std::int64_t>()), *day, account, category,
                       e.at("kind"), e.at("amount"), e.at("summary"), e.at("receipt_no"), e.at("entered_by"),
                       e.at("reason"), e.at("source"));
      if (id) ids[e.at("id").get<std::int64_t>()] = *id;
    }
    for (const auto& e : j.at("entries")) {  // pairs and reversals, once both ends are in
      auto self = ids.find(e.at("id").get<std::int64_t>());
      if (self == ids.end()) continue;
      for (const char* field : {"pair", "reverses"})
        if (!e.at(field).is_null())
          if (auto other = ids.find(e.at(field).get<std::int64_t>()); other != ids.end())
            sdk::Statement(db, std::string("UPDATE ledger_entries SET ") +
                                   (std::string(field) == "pair" ? "transfer_pair" : "reverses") +
                                   " = ? WHERE id = ?")
                .bind_all(other->second, self->second)
                .run();
    }
    for (const auto& b : j.at("budget_next")) {
      // Files written before budgets were per fund carry none: theirs are the 一般会計's.
      const Fund fund = find_fund(db, org, b.value("fund", std::string()));
      for (const auto& c : categories(db, org))
        if (c.path == b.at("category").get<std::string>())
          sdk::Statement(db,
                         "INSERT INTO ledger_budgets(org_id, fund_id, year, category_id, amount, "
                         "draft) VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
              .bind_all(org, fund.id, r.year + 1, c.id, b.at("amount").get<std::int64_t>(),
                        b.at("draft").get<bool>() ? 1 : 0)
              .run();
    }
    if (const std::string state = j.value("state", "open"); state == "closed" || state == "audited")
      sdk::Statement(db,
                     "INSERT INTO ledger_years(org_id, year, state) VALUES(?, ?, ?) ON CONFLICT DO NOTHING")
          .bind_all(org, r.year, state)
          .run();
    tx.set_detail(std::to_string(r.year) + "年度の引継ぎ: " + std::to_string(r.entries_added) +
                  " entries added, " + std::to_string(r.entries_present) + " present already");
    tx.commit();
  } catch (const json::exception& e) {
    throw sdk::InputError(std::string("the hand-over file is damaged: ") + e.what());
  }
  return r;
}

}  // namespace wasshoi::ledger
