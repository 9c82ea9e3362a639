#include "fixture.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <wasshoi/host/organizations.hpp>
#include <wasshoi/sdk/i18n.hpp>

namespace wasshoi::test {

EvaluationDb::EvaluationDb(bool with_accounts) : db_path(scratch.target()) {
  if (scratch.postgres()) with_accounts = false;  // refused on a server until issue 20
  // The corrections refuse in the officer's language (the catalogs the build copies to bin/i18n).
  sdk::strings().load_folder(bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  app = std::make_unique<host::App>(host::AppOptions{
      .db_path = db_path, .plugin_dir = bin_dir() / "plugins", .actor = "test", .create = true});
  app->open_database();
  for (const auto& r : app->plugins().plugins())
    if (r.id == "evaluation" || r.id == "issues") REQUIRE(r.state == host::PluginState::Loaded);
  auto o = app->orgs();
  city = o.add(host::OrgKind::City, "一関市");
  bosai = o.add(host::OrgKind::City, "防災課", city);
  kyodotai = o.add(host::OrgKind::Kyodotai, "わっしょい地区まちづくり協議会");
  first = o.add(host::OrgKind::Jichikai, "わっしょい第一自治会", kyodotai);
  second = o.add(host::OrgKind::Jichikai, "髙﨑町内会", kyodotai);
  npo = o.add(host::OrgKind::Npo, "NPO法人 みどりの見守り隊", kyodotai);
  han1 = o.add_han(first, "1班");
  o.add_han(first, "2班");
  for (auto org : {city, bosai, kyodotai, first, second, npo}) app->enable_plugin(org, "evaluation");
  for (auto org : {kyodotai, first, second}) app->enable_plugin(org, "issues");
  if (with_accounts) {
    host::Accounts accounts(app->db());
    const auto full = sdk::Access::everything();
    accounts.add(full, "kyodo", "協議会 会長", "kyodo passphrase", sdk::Role::Chair, kyodotai, std::nullopt);
    accounts.add(full, "npo", "見守り隊 役員", "npo passphrase", sdk::Role::Officer, npo, std::nullopt);
    accounts.add(full, "bosai", "防災課 担当", "bosai passphrase", sdk::Role::Officer, bosai, std::nullopt);
    accounts.add(full, "kaicho", "山田 花子", "kaicho passphrase", sdk::Role::Chair, first, std::nullopt);
    accounts.add(full, "hancho", "﨑山 一郎", "hancho passphrase", sdk::Role::HanLeader, first, han1);
    accounts.add(full, "etsuran", "閲覧 𠮷田", "etsuran passphrase", sdk::Role::Viewer, first, std::nullopt);
    accounts.add(full, "takasaki", "髙﨑 会長", "takasaki passphrase", sdk::Role::Chair, second,
                 std::nullopt);
  }
  context = std::make_unique<host::AppContext>(*app, kyodotai);
  if (with_accounts) as("kyodo");
}

void EvaluationDb::as(const std::string& login) {
  if (scratch.postgres()) return;              // no accounts on a server: one officer does everything
  app->sign_out();                             // also back to read-write
  app->sign_in(login, login + " passphrase");  // a 閲覧 reads only from here on
}

evaluation::Id EvaluationDb::add_drill() {
  using namespace evaluation;
  as("kyodo");
  ProjectInput in;
  in.title = "令和8年度 わっしょい地区合同防災訓練";
  in.form = "実行委員会";
  in.purpose = "地区の住民が避難所の開設と安否確認を体験する。";
  in.start = sdk::Date{2026, 9, 6};
  in.end = sdk::Date{2026, 9, 6};
  in.cost = 180'000;
  in.cost_note = "市補助 120,000円、協議会 60,000円";
  in.partners = {npo, bosai, first};
  const Id id = add_project(db(), orgs(), kyodotai, in);
  add_goal(db(), id, {0, "訓練への参加者を増やす", "参加者数", "人", 200.0, std::nullopt});
  return id;
}

std::int64_t EvaluationDb::count(const std::string& sql) {
  return sdk::query_int(db(), sql).value_or(-1);
}

RunResult EvaluationDb::cli(std::vector<std::string> args, const std::string& user) {
  args.insert(args.end(), {"--db", db_path});
  if (!user.empty() && !scratch.postgres()) {
    args.insert(args.end(), {"--user", user});
    setenv("WASSHOI_PASSPHRASE", (user + " passphrase").c_str(), 1);
  }
  auto r = run_cli(args);
  unsetenv("WASSHOI_PASSPHRASE");
  return r;
}

nlohmann::json EvaluationDb::cli_json(std::vector<std::string> args, const std::string& user) {
  args.push_back("--json");
  auto r = cli(args, user);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

std::string pdf_text(const std::filesystem::path& pdf) {
  auto txt = pdf.string() + ".txt";
  std::string cmd = "pdftotext -layout '" + pdf.string() + "' '" + txt + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return read_file(txt);
}

bool skip_on_server(const char* why) {
  if (!testing_postgres()) return false;
  WARN("skipped on PostgreSQL: " << why);
  return true;
}

}  // namespace wasshoi::test
