#include <wasshoi/host/demo.hpp>

namespace wasshoi::host {

sdk::DemoOptions create_sample_organizations(App& app, int households, std::uint32_t seed) {
  if (households < 0) throw sdk::InputError("--households must be 0 or more");
  sdk::DemoOptions opts;
  opts.households = households;
  opts.seed = seed;
  auto& db = app.db();
  Organizations orgs = app.orgs();
  for (const auto& o : orgs.list())
    if (o.name == "わっしょい地区まちづくり協議会")
      throw sdk::InputError("the sample data is already in this database (organization id " +
                            std::to_string(o.id) + ")");
  sdk::Transaction tx(db, "demo.organizations", "sample 地域協働体, 自治会 and 班 (fictional)");
  opts.kyodotai = orgs.add(OrgKind::Kyodotai, "わっしょい地区まちづくり協議会");
  opts.jichikai.push_back(orgs.add(OrgKind::Jichikai, "わっしょい第一自治会", opts.kyodotai));
  opts.jichikai.push_back(orgs.add(OrgKind::Jichikai, "わっしょい第二自治会", opts.kyodotai));
  opts.jichikai.push_back(orgs.add(OrgKind::Jichikai, "髙﨑町内会", opts.kyodotai));
  const OrgId npo = orgs.add(OrgKind::Npo, "NPO法人 みどりの見守り隊", opts.kyodotai);
  opts.support = orgs.add(OrgKind::Support, "わっしょい地区公民館");
  opts.city = orgs.add(OrgKind::City, "一関市");
  // Departments (担当課) and a branch office (支所): the addressees of 要望書.
  std::vector<OrgId> partners{npo, opts.city};  // of 協働事業, besides the 地域協働体 and 自治会
  for (const char* dept : {"まちづくり推進課", "道路課", "防災課", "長寿社会課", "環境課", "わっしょい支所"})
    partners.push_back(orgs.add(OrgKind::City, dept, opts.city));
  const int han_counts[] = {8, 5, 4};
  for (std::size_t j = 0; j < opts.jichikai.size(); ++j)
    for (int h = 1; h <= han_counts[j]; ++h) orgs.add_han(opts.jichikai[j], std::to_string(h) + "班");
  for (OrgId org : {opts.kyodotai, opts.jichikai[0], opts.jichikai[1], opts.jichikai[2]})
    for (const auto& r : app.plugins().plugins())
      if (r.state == PluginState::Loaded) orgs.enable_plugin(org, r.id);
  // The 公民館 lends its rooms: it works with bookings (who booked, 承認) and nothing else.
  if (app.plugins().is_loaded("booking")) orgs.enable_plugin(opts.support, "booking");
  // The NPO and the city's bodies are partners of 協働事業: each evaluates its own part (評価・検証).
  if (app.plugins().is_loaded("evaluation"))
    for (OrgId org : partners) orgs.enable_plugin(org, "evaluation");
  tx.commit();
  return opts;
}

void check_demo_households(int households) {
  if (households < kMinDemoHouseholds)
    throw sdk::InputError("--households must be at least " + std::to_string(kMinDemoHouseholds) +
                          " (the sample needs someone living in it); " + std::to_string(households) +
                          " was given");
}

sdk::DemoOptions create_demo(App& app, sdk::Context& ctx, int households) {
  check_demo_households(households);          // before the database is opened: a refused demo writes nothing
  app.require(sdk::Act::AddOrganization, 0);  // a sample is organizations, for the file's 管理者
  // One transaction around the organizations and every plugin's step (theirs nest as savepoints):
  // a step that fails leaves the database as it was, not half a sample.
  sdk::Transaction tx(app.db(), "demo", std::to_string(households) + " households (fictional)");
  sdk::DemoOptions opts = create_sample_organizations(app, households);
  app.run_demo(ctx, opts);
  tx.commit();
  return opts;
}

}  // namespace wasshoi::host
