#include <sqlite3.h>

#include <regex>
#include <wasshoi/host/access_rules.hpp>
#include <wasshoi/host/accounts.hpp>

namespace wasshoi::host {

namespace {

bool own_officer(const sdk::Access& a, OrgId org) {
  return a.full() || ((a.role == sdk::Role::Chair || a.role == sdk::Role::Officer) && a.org == org);
}

}  // namespace

const char* act_label(sdk::Act act) {
  switch (act) {
    case sdk::Act::Backup:
      return "backing up the whole file";
    case sdk::Act::Restore:
      return "restoring the whole file";
    case sdk::Act::ManageAccounts:
      return "managing officer accounts";
    case sdk::Act::AddOrganization:
      return "adding an organization";
    case sdk::Act::ManageOrganization:
      return "changing an organization or its plugins";
    case sdk::Act::ManageHan:
      return "changing the 班";
    case sdk::Act::OrgSettings:
      return "changing the organization's settings";
    case sdk::Act::WholeRoster:
      return "importing, exporting or handing over the whole roster";
    case sdk::Act::ReopenMinutes:
      return "reopening approved minutes";
    case sdk::Act::ApproveMinutes:
      return "approving minutes";
    case sdk::Act::ManageFacilities:
      return "changing rooms and their rules";
    case sdk::Act::ApproveBooking:
      return "approving or refusing bookings";
    case sdk::Act::ExportPersonal:
      return "exporting residents' personal data";
  }
  return "this";
}

bool may(const sdk::Access& a, Organizations& orgs, sdk::Act act, OrgId org) {
  (void)orgs;
  if (a.full()) return true;
  if (!a.signed_in()) return false;
  switch (act) {
    case sdk::Act::Backup:
    case sdk::Act::Restore:
    case sdk::Act::AddOrganization:
      return a.admin;
    case sdk::Act::ManageAccounts:
    case sdk::Act::ManageOrganization:
      return a.admin || (a.role == sdk::Role::Chair && a.org == org);
    case sdk::Act::ManageHan:
    case sdk::Act::OrgSettings:
    case sdk::Act::WholeRoster:
    case sdk::Act::ReopenMinutes:
    case sdk::Act::ApproveMinutes:
    case sdk::Act::ManageFacilities:
    case sdk::Act::ApproveBooking:
    case sdk::Act::ExportPersonal:
      return own_officer(a, org);
  }
  return false;
}

void require(const sdk::Access& a, Organizations& orgs, sdk::Act act, OrgId org) {
  if (may(a, orgs, act, org)) return;
  std::string who =
      a.signed_in() ? "the account '" + a.account + "' (" + role_label_ja(a.role) + ")" : "nobody signed in";
  std::string instead;
  switch (act) {
    case sdk::Act::Backup:
    case sdk::Act::Restore:
    case sdk::Act::AddOrganization:
      instead = "the file's 管理者 (administrator)";
      break;
    case sdk::Act::ManageAccounts:
    case sdk::Act::ManageOrganization:
      instead = "the organization's 会長 or the file's 管理者";
      break;
    default:
      instead = "the organization's 会長 and 役員";
      break;
  }
  throw sdk::InputError("not permitted: " + std::string(act_label(act)) + " is for " + instead + ", not " +
                        who);
}

// ---- RowGuard ----------------------------------------------------------------------------------

std::string on_row(const std::string& expr, std::string_view alias) {
  if (expr.empty()) return "NULL";
  return std::regex_replace(expr, std::regex(R"(\$\.)"), std::string(alias) + ".");
}

namespace {

std::string sql_name(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

std::optional<std::int64_t> optional_int(sqlite3_value* v) {
  if (sqlite3_value_type(v) == SQLITE_NULL) return std::nullopt;
  return sqlite3_value_int64(v);
}

struct GuardCall {
  RowGuard* guard;
  sdk::Database* db;
};

// wasshoi_guard(table, op, org, han, co_org): raises the refusal as an SQL error, which aborts the
// statement; the sdk turns it into an InputError and the transaction is rolled back.
void guard_function(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* call = static_cast<GuardCall*>(sqlite3_user_data(ctx));
  if (argc != 5) {
    sqlite3_result_error(ctx, "wasshoi_guard takes 5 arguments", -1);
    return;
  }
  const char* table = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const char* op = reinterpret_cast<const char*>(sqlite3_value_text(argv[1]));
  const RowGuard::Entry* e = table ? call->guard->find(table) : nullptr;
  std::string why;
  try {
    why = e ? call->guard->check_write(*call->db, *e, op ? op : "", optional_int(argv[2]),
                                       optional_int(argv[3]), optional_int(argv[4]))
            : "not permitted: a table the host does not know";
  } catch (const std::exception& ex) {
    why = std::string("not permitted: ") + ex.what();
  }
  if (why.empty()) {
    sqlite3_result_int(ctx, 1);
    return;
  }
  std::string msg = "wasshoi-refused: " + why;
  sqlite3_result_error(ctx, msg.c_str(), -1);
}

void delete_call(void* p) {
  delete static_cast<GuardCall*>(p);
}

}  // namespace

void RowGuard::add(const std::string& plugin, const sdk::OwnedTable& table) {
  if (auto it = tables_.find(table.table); it != tables_.end())
    throw sdk::InputError("the table " + table.table + " is declared by both " + it->second.plugin + " and " +
                          plugin);
  tables_.emplace(table.table, Entry{plugin, table});
}

const RowGuard::Entry* RowGuard::find(std::string_view table) const {
  auto it = tables_.find(table);
  return it == tables_.end() ? nullptr : &it->second;
}

void RowGuard::install(sdk::Database& db) {
  // The guard is an SQLite function called by TEMP triggers: a PostgreSQL server cannot call into
  // this process. Until issue 20 replaces it there with row-level security (policies per
  // organization and 班, a server role per account), a server database with officer accounts is
  // refused rather than written without the checks (Accounts::add refuses the first account).
  if (db.engine() == sdk::Engine::PostgreSQL)
    throw sdk::InputError(
        "サーバーのデータベース " + db.path().string() +
        " には役員アカウントがありますが、PostgreSQL ではまだ行ごとの権限を確かめられません"
        "（issue 20 の行単位セキュリティで対応予定）。アカウントのない共有データベースとして使うか、"
        "SQLite のファイルで使ってください");
  int rc = sqlite3_create_function_v2(db.handle(), "wasshoi_guard", 5, SQLITE_UTF8, new GuardCall{this, &db},
                                      guard_function, nullptr, nullptr, delete_call);
  if (rc != SQLITE_OK) throw sdk::DbError("cannot register the row guard", rc);
  for (const auto& [name, e] : tables_) {
    if (!db.table_exists(name)) continue;  // its plugin failed to migrate: nothing to guard
    const auto& d = e.decl;
    const std::string& table = name;  // clang 14 cannot capture a structured binding (the fuzz build)
    auto call = [&](const char* op, const char* row) {
      return "SELECT wasshoi_guard('" + table + "', '" + op + "', " + on_row(d.org, row) + ", " +
             on_row(d.han, row) + ", " + on_row(d.co_org, row) + ");";
    };
    std::string t = sql_name(name);
    std::string sql = "CREATE TEMP TRIGGER IF NOT EXISTS " + sql_name("wasshoi_guard_" + name + "_insert") +
                      " BEFORE INSERT ON main." + t + " BEGIN " + call("insert", "NEW") + " END;" +
                      "CREATE TEMP TRIGGER IF NOT EXISTS " + sql_name("wasshoi_guard_" + name + "_update") +
                      " BEFORE UPDATE ON main." + t + " BEGIN " + call("update", "OLD") +
                      call("update", "NEW") + " END;" + "CREATE TEMP TRIGGER IF NOT EXISTS " +
                      sql_name("wasshoi_guard_" + name + "_delete") + " BEFORE DELETE ON main." + t +
                      " BEGIN " + call("delete", "OLD") + " END;";
    try {
      db.exec(sql);
    } catch (const sdk::Error& ex) {
      throw sdk::InputError("the plugin " + e.plugin + " declared " + name + " wrongly: " + ex.what());
    }
  }
}

std::string RowGuard::check_write(sdk::Database& db, const Entry& e, const char* op, std::optional<OrgId> org,
                                  std::optional<std::int64_t> han, std::optional<OrgId> co_org) const {
  const sdk::Access& a = access_;
  if (a.full()) return {};
  if (!a.signed_in()) return "not permitted: nobody is signed in";
  // The common case without a query: an officer writing their own organization's rows.
  if (org && *org == a.org && (a.role == sdk::Role::Chair || a.role == sdk::Role::Officer) && !a.read_only)
    return {};
  const std::string who = "the account '" + a.account + "' (" + role_label_ja(a.role) + ")";
  const bool org_is_column = e.decl.org.starts_with("$.");
  if (!org) {
    // A row whose owner is gone is being removed with it (ON DELETE CASCADE): its owner's removal
    // was checked. Shared default rows (a NULL organization column) are the 管理者's.
    if (std::string_view(op) == "delete" && !org_is_column) return {};
    if (a.admin) return {};
    return "not permitted: " + who + " may not change the shared " + e.decl.noun + " defaults";
  }
  Organizations orgs(db);
  auto writable = [&](OrgId o, std::optional<std::int64_t> h, bool with_han) {
    if (access_level(a, orgs, o, e.plugin) != AccessLevel::Write) return false;
    if (a.role != sdk::Role::HanLeader) return true;
    if (!e.decl.han_leaders_write) return false;
    return !with_han || (h && a.han && *h == *a.han);
  };
  if (writable(*org, han, !e.decl.han.empty())) return {};
  if (co_org && writable(*co_org, std::nullopt, false)) return {};
  if (*org == a.org && a.role == sdk::Role::HanLeader)
    return "not permitted: " + who + " may not change this " + e.decl.noun +
           (e.decl.han_leaders_write ? " (it is not in their 班)" : " (that is for the 会長 and 役員)");
  if (*org == a.org) return "not permitted: " + who + " may only read";
  return "not permitted: " + who + " may not change a " + e.decl.noun + " of another organization";
}

bool RowGuard::may_read(Organizations& orgs, const Entry& e, std::optional<OrgId> org,
                        std::optional<std::int64_t> han, std::optional<OrgId> co_org) const {
  const sdk::Access& a = access_;
  if (a.full()) return true;
  if (!a.signed_in()) return false;
  auto readable = [&](std::optional<OrgId> o, std::optional<std::int64_t> h, bool with_han) {
    if (!o) return false;
    if (access_level(a, orgs, *o, e.plugin) == AccessLevel::None) return false;
    if (e.decl.personal && *o != a.org) return false;
    if (with_han && a.role == sdk::Role::HanLeader && *o == a.org) return h && a.han && *h == *a.han;
    return true;
  };
  if (!org && e.decl.org.starts_with("$.")) return true;  // shared default rows: everyone reads them
  return readable(org, han, !e.decl.han.empty()) || readable(co_org, std::nullopt, false);
}

void RowGuard::require_visible(sdk::Database& db, std::string_view table, std::int64_t id) const {
  const Entry* e = find(table);
  if (!e) throw sdk::InputError("not permitted: " + std::string(table) + " is not a table the host guards");
  const auto& d = e->decl;
  sdk::Statement st(db, "SELECT " + on_row(d.org, "t") + ", " + on_row(d.han, "t") + ", " +
                            on_row(d.co_org, "t") + " FROM " + sql_name(d.table) + " AS t WHERE t." +
                            sql_name(d.id) + " = ?");
  st.bind(1, id);
  bool seen = false;
  if (st.step()) {
    Organizations orgs(db);
    seen = may_read(orgs, *e, st.get_optional_int(0), st.get_optional_int(1), st.get_optional_int(2));
  }
  if (!seen)
    throw sdk::InputError(
        "no " + d.noun + " with id " + std::to_string(id) +
        (access_.full() ? "" : " among what the account '" + access_.account + "' may see"));
}

}  // namespace wasshoi::host
