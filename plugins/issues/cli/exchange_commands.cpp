// issues agenda | bundle export | bundle import | export --format open311|services | categories
#include <CLI/CLI.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/privacy.hpp>

#include "cli/cli.hpp"
#include "cli/cli_support.hpp"
#include "core/agenda.hpp"
#include "core/bundle.hpp"
#include "core/categories.hpp"
#include "core/open311.hpp"

namespace wasshoi::issues {

namespace {

void add_agenda(CLI::App& issues, sdk::CliContext& ctx) {
  auto f = std::make_shared<cli::FilterOptions>();
  auto out = std::make_shared<std::string>();
  auto title = std::make_shared<std::string>();
  auto* cmd = issues.add_subcommand(
      "agenda", "the まちづくり懇談会 list: grouped by category, by support then priority (PDF or CSV)");
  cmd->add_option("--out", *out, "F.pdf or F.csv")->required();
  cmd->add_option("--status", f->statuses, "statuses to take (default: 受付, 検討中, 市へ要望)");
  cmd->add_option("--category", f->categories, "分野 to take (default: all)");
  cmd->add_option("--from", f->from, "raised on or after");
  cmd->add_option("--to", f->to, "raised on or before");
  cmd->add_option("--title", *title, "title (default: まちづくり懇談会 地域課題一覧)");
  cmd->callback([&ctx, f, out, title] {
    std::filesystem::path path(*out);
    if (path.extension() != ".pdf" && path.extension() != ".csv")
      throw sdk::InputError("--out " + *out + ": the 懇談会 list is written as .pdf or .csv");
    OrgId org = ctx.require_org();
    IssueFilter filter = f->to_filter(ctx, org);
    filter.han = ctx.access().han_scope(org);  // a 班長 compiles their 班's list
    Agenda a = build_agenda(ctx.db(), sdk::organizations(ctx), org, filter, *title);
    save_agenda(a, path);
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& g : a.groups)
      groups.push_back({{"category", g.category}, {"issues", g.rows.size()}, {"supporters", g.supporters()}});
    ctx.emit({{"path", *out}, {"issues", a.issue_count()}, {"groups", groups}}, [&](std::ostream& o) {
      o << a.issue_count() << " issues in " << a.groups.size() << " categories written to " << *out << '\n';
    });
  });
}

void add_bundle(CLI::App& issues, sdk::CliContext& ctx) {
  auto* bundle = issues.add_subcommand("bundle", "issue bundles between a 自治会 and its 地域協働体 (JSON)");
  bundle->require_subcommand(1);
  auto out = std::make_shared<std::string>();
  auto options = std::make_shared<BundleOptions>();
  auto* exp =
      bundle->add_subcommand("export", "write every issue (with supports, history, photos) to a bundle");
  exp->add_option("--out", *out, "bundle file (.json)")->required();
  exp->add_flag("--with-reporter-names", options->reporter_names,
                "include the names of named reporters (left out by default: the bundle leaves the 自治会)");
  exp->callback([&ctx, out, options] {
    OrgId org = ctx.require_org();
    ctx.require(sdk::Act::ExportPersonal, org);  // every 班's issues, with supporters
    nlohmann::json b = export_bundle(ctx.db(), sdk::organizations(ctx), org, *options);
    const std::vector<std::string> personal =
        options->reporter_names ? std::vector<std::string>{"届出者の氏名"} : std::vector<std::string>{};
    sdk::write_file(*out, b.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n',
                    {.personal_data = !personal.empty()});
    ctx.emit({{"path", *out}, {"issues", b["issues"].size()}, {"personal_data", personal}},
             [&](std::ostream& o) {
               o << b["issues"].size() << " issues written to " << *out << '\n';
               if (!personal.empty()) o << sdk::personal_data_notice(personal) << '\n';
             });
  });
  auto file = std::make_shared<std::string>();
  auto* imp = bundle->add_subcommand("import",
                                     "read a bundle: new issues added, known ones updated, never duplicated");
  imp->add_option("FILE", *file, "bundle file")->required();
  imp->callback([&ctx, file] {
    OrgId org = ctx.current_org();
    if (org != 0) org = ctx.require_org();  // checks it exists and has the plugin
    ImportResult r = import_bundle_file(ctx.db(), sdk::organizations(ctx), org, *file);
    ctx.emit({{"path", *file}, {"added", r.added}, {"updated", r.updated}, {"unchanged", r.unchanged}},
             [&](std::ostream& o) {
               o << *file << ": " << r.added << " added, " << r.updated << " updated, " << r.unchanged
                 << " unchanged\n";
             });
  });
}

void add_open311(CLI::App& issues, sdk::CliContext& ctx) {
  auto format = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto o = std::make_shared<Open311Options>();
  auto* cmd = issues.add_subcommand(
      "export", "Open311 GeoReport v2 JSON: the issues marked for the city (requests), or the service list");
  cmd->add_option("--format", *format, "open311 (requests.json) or services (services.json)")->required();
  cmd->add_option("--out", *out, "JSON file")->required();
  cmd->add_option("--agency", o->agency, "agency_responsible (default: the city in this database)");
  cmd->add_option("--media-base-url", o->media_base_url,
                  "URL where the photos will be published (writes them next to --out)");
  cmd->callback([&ctx, format, out, o] {
    if (*format == "services") {
      int n = save_open311_services(ctx.db(), sdk::organizations(ctx), ctx.require_org(), *out);
      ctx.emit({{"path", *out}, {"services", n}},
               [&](std::ostream& s) { s << n << " services written to " << *out << '\n'; });
      return;
    }
    if (*format != "open311")
      throw sdk::InputError("--format " + *format +
                            ": 書き出し形式は open311（要望の一覧）か services（サービスの一覧）です");
    std::filesystem::path path(*out);
    auto media = path.parent_path() / (path.stem().string() + "-media");
    int n = save_open311(ctx.db(), sdk::organizations(ctx), ctx.require_org(), *o, path, media);
    ctx.emit({{"path", *out}, {"requests", n}},
             [&](std::ostream& s) { s << n << " requests written to " << *out << '\n'; });
  });
}

void add_categories(CLI::App& issues, sdk::CliContext& ctx) {
  auto* cmd = issues.add_subcommand("categories", "the categories and their Open311 services");
  auto add = std::make_shared<Category>();
  cmd->add_option("--add", add->name, "add an organization's own category");
  cmd->add_option("--service-code", add->service_code, "its Open311 service_code");
  cmd->add_option("--service-name", add->service_name, "its Open311 service_name");
  cmd->callback([&ctx, add] {
    OrgId org = ctx.require_org();
    if (!add->name.empty()) add_category(ctx.db(), sdk::organizations(ctx), org, *add);
    nlohmann::json arr = nlohmann::json::array();
    auto list = categories(ctx.db(), sdk::organizations(ctx), org);
    for (const auto& c : list)
      arr.push_back({{"name", c.name}, {"service_code", c.service_code}, {"service_name", c.service_name}});
    ctx.emit(arr, [&](std::ostream& s) {
      for (const auto& c : list) s << c.name << '\t' << c.service_code << '\t' << c.service_name << '\n';
    });
  });
}

}  // namespace

void add_exchange_commands(CLI::App& issues, sdk::CliContext& ctx) {
  add_agenda(issues, ctx);
  add_bundle(issues, ctx);
  add_open311(issues, ctx);
  add_categories(issues, ctx);
}

}  // namespace wasshoi::issues
