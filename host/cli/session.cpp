#include "session.hpp"

#include <nlohmann/json.hpp>
#include <sstream>
#include <wasshoi/sdk/input.hpp>

namespace wasshoi::cli {

namespace {
const sdk::Database* g_watched = nullptr;
std::int64_t g_commits_before = 0;  // the database's commits when a command first used it
}  // namespace

int committed_writes() {
  return g_watched ? static_cast<int>(g_watched->commits() - g_commits_before) : 0;
}

sdk::Database& Session::db() {
  sdk::Database& d = app_.db();
  // Opening migrates: a plugin whose migration failed must not touch tables it does not have.
  if (!owner_.empty() && !app_.plugins().is_loaded(owner_)) {
    const host::PluginRecord* r = app_.plugins().find(owner_);
    throw sdk::InputError("the plugin '" + owner_ +
                          "' cannot be used in this run: " + (r ? r->reason : "not loaded"));
  }
  // From here on the commits are the command's (the migrations' came before), on both engines.
  if (&d != g_watched) {
    g_watched = &d;
    g_commits_before = d.commits();
  }
  return d;
}

void Session::emit(const nlohmann::json& value, const std::function<void(std::ostream&)>& human) {
  if (opts_.json) {
    // Text an older version stored unchecked (invalid UTF-8) shows as U+FFFD instead of failing the listing.
    std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else if (human) {
    std::ostringstream text;  // likewise: bad bytes and control characters of stored text as U+FFFD
    human(text);
    std::cout << sdk::displayable_text(text.str());
  }
}

sdk::OrgId Session::require_org() {
  host::Organizations orgs = app_.orgs();
  sdk::OrgId org = opts_.org;
  if (org == 0 && !app_.access().full()) org = app_.access().org;  // an officer works in their own
  if (org == 0) {
    std::vector<host::Organization> jichikai;
    for (const auto& o : orgs.list())
      if (o.kind == host::OrgKind::Jichikai) jichikai.push_back(o);
    if (jichikai.size() != 1)
      throw sdk::InputError(
          jichikai.empty()
              ? "no 自治会 in this database yet: create one with `org add --kind jichikai --name …`"
              : "this database has several organizations: choose one with --org ID (see `org list`)");
    org = jichikai.front().id;
  }
  host::Organization o = orgs.get(org);
  app_.enter(org, owner_);
  if (!owner_.empty() && !orgs.is_enabled(org, owner_))
    throw sdk::InputError("the plugin '" + owner_ + "' is not enabled for " + o.name + " (id " +
                          std::to_string(org) + "): run `wasshoi-cli org enable " + std::to_string(org) +
                          " " + owner_ + "`");
  return org;
}

}  // namespace wasshoi::cli
