#pragma once
// Who is working and what they may do. The rules themselves live once, in host core
// (docs/access.md has the whole matrix); plugins only describe their data and ask:
//  - Registry::own_table tells the host whose rows a table holds. From it the host checks every
//    write below the plugin (SQLite triggers on the connection) and every lookup by id
//    (Context::require_visible, and the CLI's id arguments, sdk/cli_args.hpp).
//  - Context::require(Act, org) before an act that is more than writing rows (reopening minutes,
//    approving a booking, exporting a whole roster).
// Everything defaults to deny: an Access nobody signed in to may do nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <wasshoi/sdk/error.hpp>

namespace wasshoi::sdk {

using OrgId = std::int64_t;

// Officer roles. Without accounts (one officer's own laptop) the host gives everyone Full access;
// once a database has accounts, everyone signs in and the host enforces the others.
enum class Role {
  None,       // nobody signed in: nothing at all (the default)
  Full,       // no accounts in this database
  Chair,      // 会長: everything of their organization
  Officer,    // 役員: everything of their organization
  HanLeader,  // 班長: their 班's households, persons, dues and issues; reads the rest of their 自治会
  Viewer,     // 閲覧: reads their organization
};

struct Access {
  std::string account;  // login; empty without accounts
  std::string name;     // display name
  Role role = Role::None;
  OrgId org = 0;                    // the account's organization
  std::optional<std::int64_t> han;  // a 班長's 班
  bool admin = false;               // 管理者 of the whole file: backups, restore, organizations
  bool read_only = false;           // set by the host for 閲覧 and for looking into another org
  // Which sign-in this is: the host gives every sign-in and sign-out (and the opening of a
  // database without accounts) a number of its own, never reused while the program runs, so
  // the same officer signing in again gets a new one. 0 outside a host. It grants nothing; UI
  // state is kept per (organization, session) (sdk/ui_panel.hpp, PerOrg).
  std::uint64_t session = 0;

  // What a database without accounts gives everyone.
  static Access everything() {
    Access a;
    a.role = Role::Full;
    return a;
  }

  bool full() const { return role == Role::Full; }
  bool signed_in() const { return role != Role::None; }
  // 会長 or 役員 (or no accounts): may do everything of their own organization.
  bool officer() const { return role == Role::Full || role == Role::Chair || role == Role::Officer; }
  // A 班長 sees the rows of their 班 in their own organization; nullopt means no restriction.
  std::optional<std::int64_t> han_scope(OrgId o) const {
    if (role == Role::HanLeader && o == org) return han;
    return std::nullopt;
  }
  // Personal data (rosters, phone numbers) of organization `o`.
  bool may_see_personal_data(OrgId o) const { return full() || (signed_in() && o == org); }
};

// Acts that are more than writing rows of one's organization; who may do each is in
// docs/access.md and host core (host::may). `org` is the organization acted on.
enum class Act {
  Backup,              // copy the whole file: every organization's roster
  Restore,             // replace the whole file
  ManageAccounts,      // add, change, retire officer accounts of `org`
  AddOrganization,     // a new organization in the file
  ManageOrganization,  // rename, move, retire `org`; enable or disable its plugins
  ManageHan,           // add, rename, merge, reorder the 班 of `org`
  OrgSettings,         // settings of the whole organization: dues amount, role kinds, 定足数
  WholeRoster,         // import or export the whole roster, roles, hand-over of 年度
  ReopenMinutes,       // reopen approved minutes
  ApproveMinutes,      // approve minutes, sign them
  ManageFacilities,    // rooms, slots, closures, fees of facilities `org` owns
  ApproveBooking,      // approve or refuse a booking of a facility `org` owns
  ExportPersonal,      // exports with residents' names or phones (reporters, attendees)
};

// How the rows of one table belong to an organization and, for a 班長, to a 班. Each expression
// is SQL over one row of the table, written with `$` for the row (`$.org_id`, or
// `(SELECT org_id FROM minutes_meetings WHERE id = $.meeting_id)`). The host derives from it the
// write triggers and the checks of lookups by id; see docs/access.md.
struct OwnedTable {
  std::string table;               // "minutes_meetings"
  std::string noun;                // what a row is called in messages: "meeting", "世帯"
  std::string org;                 // the owning organization; NULL in a table's shared default rows
  std::string han;                 // the 班 of the row (empty: the table is not divided by 班)
  std::string co_org;              // a second organization that may also act (a room's owner for bookings)
  std::string id = "id";           // the column a lookup by id uses
  bool personal = false;           // residents' personal data: never read outside the organization
  bool han_leaders_write = false;  // a 班長 may write rows of their own 班 (needs `han`) or,
                                   // without `han`, any row of their organization
};

}  // namespace wasshoi::sdk
