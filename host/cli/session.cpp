#include "session.hpp"

namespace wasshoi::cli {

void Session::emit(const nlohmann::json& value, const std::function<void(std::ostream&)>& human) {
  if (opts_.json) {
    std::cout << value.dump(2) << '\n';
  } else if (human) {
    human(std::cout);
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
      throw sdk::InputError(jichikai.empty() ? "no 自治会 in this database yet: create one with `org add --kind jichikai --name …`"
                                             : "this database has several organizations: choose one with --org ID (see `org list`)");
    org = jichikai.front().id;
  }
  host::Organization o = orgs.get(org);
  app_.enter(org, owner_);
  if (!owner_.empty() && !orgs.is_enabled(org, owner_))
    throw sdk::InputError("the plugin '" + owner_ + "' is not enabled for " + o.name + " (id " + std::to_string(org) +
                          "): run `wasshoi-cli org enable " + std::to_string(org) + " " + owner_ + "`");
  return org;
}

}  // namespace wasshoi::cli
