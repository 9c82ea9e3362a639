// issues add | list | show | attach
#include <CLI/CLI.hpp>
#include <wasshoi/sdk/cli_ids.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include "cli/cli.hpp"
#include "cli/cli_support.hpp"
#include "core/attachments.hpp"
#include "core/issues.hpp"
#include "core/report_sections.hpp"
#include "core/workflow.hpp"

namespace wasshoi::issues {

namespace {

struct AddOptions {
  std::string title, description, category, place, landmark, han, date, priority = "中";
  std::optional<double> lat, lon;
  std::int64_t member = 0;
  std::string reporter_name, reporter_phone;
  std::vector<std::string> files;
};

Reporter reporter_from(sdk::CliContext& ctx, OrgId org, const AddOptions& o) {
  if (o.member && !o.reporter_name.empty())
    throw sdk::InputError("--reporter-member and --reporter-name: give one of them");
  if (o.member) {
    auto& members = ctx.services().get<sdk::MemberDirectory>();
    auto p = members.person(ctx.db(), o.member);
    if (!p || p->org != org)
      throw sdk::InputError("--reporter-member: no member with id " + std::to_string(o.member) +
                            " in this 自治会");
    return {ReporterKind::Member, o.member, {}, {}};
  }
  if (!o.reporter_name.empty()) return {ReporterKind::Named, std::nullopt, o.reporter_name, o.reporter_phone};
  if (!o.reporter_phone.empty()) throw sdk::InputError("--reporter-phone needs --reporter-name");
  return {};
}

IssueInput input_from(sdk::CliContext& ctx, const AddOptions& o) {
  IssueInput in;
  in.org = ctx.require_org();
  if (is_kyodotai(ctx.db(), sdk::organizations(ctx), in.org))
    throw sdk::InputError("--org: an issue is raised in a 自治会; choose the 自治会's id");
  in.title = o.title;
  in.description = o.description;
  in.category = o.category;
  in.place = o.place;
  in.landmark = o.landmark;
  in.lat = o.lat;
  in.lon = o.lon;
  if (!o.han.empty()) in.han_id = find_han(ctx.db(), sdk::organizations(ctx), in.org, o.han);
  in.reporter = reporter_from(ctx, in.org, o);
  in.reported_on = cli::parse_date_option("--date", o.date, sdk::today());
  in.priority = parse_priority(o.priority);
  validate(ctx.db(), sdk::organizations(ctx), in);
  return in;
}

// Reads every file and checks the limits before anything is written.
std::vector<std::pair<std::string, sdk::Blob>> read_files(const std::vector<std::string>& files) {
  std::vector<std::pair<std::string, sdk::Blob>> out;
  std::int64_t total = 0;
  for (const auto& f : files) {
    auto data = cli::read_file("--photo/--document", f);
    std::string name = std::filesystem::path(f).filename().string();
    if (data.empty()) throw sdk::InputError("--photo/--document: " + f + " is empty");
    if (static_cast<std::int64_t>(data.size()) > kMaxFileBytes)
      throw sdk::InputError("--photo/--document: " + name + " is " + std::to_string(data.size() / 1024) +
                            " KB; a file may be at most " + std::to_string(kMaxFileBytes / 1024 / 1024) +
                            " MB");
    total += static_cast<std::int64_t>(data.size());
    if (total > kMaxIssueBytes)
      throw sdk::InputError("--photo/--document: together the files exceed " +
                            std::to_string(kMaxIssueBytes / 1024 / 1024) + " MB per issue");
    out.emplace_back(name, std::move(data));
  }
  return out;
}

void add_add(CLI::App& issues, sdk::CliContext& ctx) {
  auto o = std::make_shared<AddOptions>();
  auto* cmd = issues.add_subcommand("add", "record an issue (件名, 分野, 場所, 班, 報告者, 日付, 写真)");
  cmd->add_option("--title", o->title, "件名")->required();
  cmd->add_option("--category", o->category, "分野: 防犯, 防災, 交通安全, 道路・除雪 …")->required();
  cmd->add_option("--description", o->description, "内容");
  cmd->add_option("--place", o->place, "場所 (address text)");
  cmd->add_option("--landmark", o->landmark, "目印");
  cmd->add_option("--lat", o->lat, "latitude")->check(CLI::Range(-90.0, 90.0));
  cmd->add_option("--long", o->lon, "longitude")->check(CLI::Range(-180.0, 180.0));
  cmd->add_option("--han", o->han, "班 name (3班)");
  sdk::add_id(*cmd, ctx, "--reporter-member", o->member, "members_persons", "reporter: a member's person id");
  cmd->add_option("--reporter-name", o->reporter_name, "reporter: a non-member's name");
  cmd->add_option("--reporter-phone", o->reporter_phone, "reporter: a non-member's phone");
  cmd->add_option("--date", o->date, "date raised (default today)");
  cmd->add_option("--priority", o->priority, "優先度: 高, 中, 低");
  cmd->add_option("--photo,--document", o->files, "a photo or document to keep with the issue");
  cmd->callback([&ctx, o] {
    IssueInput in = input_from(ctx, *o);
    auto files = read_files(o->files);
    const IssueId id = create_issue_with_files(ctx.db(), sdk::organizations(ctx), in, files);
    Issue issue = get_issue(ctx.db(), id);
    ctx.emit(cli::issue_json(issue),
             [&](std::ostream& out) { out << "issue " << id << " recorded: " << issue.title << '\n'; });
  });
}

void add_list(CLI::App& issues, sdk::CliContext& ctx) {
  auto f = std::make_shared<cli::FilterOptions>();
  auto* cmd = issues.add_subcommand("list", "issues (a 地域協働体 sees its 自治会' issues too)");
  cmd->add_option("--status", f->statuses, "受付, 検討中, 自治会で対応, 市へ要望, 解決, 見送り (or ids)");
  cmd->add_option("--category", f->categories, "分野");
  cmd->add_option("--from", f->from, "raised on or after");
  cmd->add_option("--to", f->to, "raised on or before");
  cmd->add_option("--query", f->query, "text in title, description or place");
  auto closed = std::make_shared<std::pair<std::string, std::string>>();
  cmd->add_option("--closed-from", closed->first, "reached its status (解決, 見送り …) on or after");
  cmd->add_option("--closed-to", closed->second, "reached its status on or before");
  cmd->callback([&ctx, f, closed] {
    OrgId org = ctx.require_org();
    IssueFilter filter = f->to_filter(ctx, org);
    filter.han = ctx.access().han_scope(org);  // a 班長 sees their 班
    auto list = list_issues(ctx.db(), sdk::organizations(ctx), org, filter);
    if (!closed->first.empty() || !closed->second.empty()) {
      // The day each reached its current status (as the 議案書's 解決した課題 counts them).
      const auto from = sdk::cli::parse_optional_date_option("--closed-from", closed->first);
      const auto to = sdk::cli::parse_optional_date_option("--closed-to", closed->second);
      std::erase_if(list, [&](const Issue& i) {
        const auto on = status_since(ctx.db(), i.id, i.status);
        return !on || (from && *on < *from) || (to && *on > *to);
      });
    }
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& i : list) arr.push_back(cli::issue_json(i));
    bool rollup = is_kyodotai(ctx.db(), sdk::organizations(ctx), org);
    ctx.emit(arr, [&](std::ostream& out) {
      for (const auto& i : list) cli::print_issue_line(out, i, rollup);
      out << list.size() << " issues\n";
    });
  });
}

void add_show(CLI::App& issues, sdk::CliContext& ctx) {
  auto id = std::make_shared<IssueId>(0);
  auto* cmd = issues.add_subcommand("show", "one issue with its history and files");
  sdk::add_id(*cmd, ctx, "ID", *id, "issues_issues", "issue id")->required();
  cmd->callback([&ctx, id] {
    Issue i = get_issue(ctx.db(), *id);
    nlohmann::json j = cli::issue_json(i);
    j["raised_in"] = raised_in(ctx.db(), sdk::organizations(ctx), i.id);
    j["history"] = nlohmann::json::array();
    for (const auto& h : history(ctx.db(), i.id))
      j["history"].push_back({{"on", h.on ? nlohmann::json(h.on->iso()) : nlohmann::json()},
                              {"from", h.from_status},
                              {"to", h.to_status},
                              {"note", h.note}});
    j["attachments"] = nlohmann::json::array();
    for (const auto& a : attachments(ctx.db(), i.id))
      j["attachments"].push_back(
          {{"id", a.id}, {"kind", a.kind}, {"name", a.name}, {"mime", a.mime}, {"size", a.size}});
    ctx.emit(j, [&](std::ostream& out) {
      cli::print_issue_line(out, i, true);
      if (!i.description.empty()) out << "  " << i.description << '\n';
      for (const auto& h : j["history"])
        out << "  " << h["on"].get<std::string>() << "  " << h["note"].get<std::string>() << '\n';
    });
  });
}

void add_attach(CLI::App& issues, sdk::CliContext& ctx) {
  auto id = std::make_shared<IssueId>(0);
  auto files = std::make_shared<std::vector<std::string>>();
  auto* cmd = issues.add_subcommand("attach", "keep photos or documents with an issue");
  sdk::add_id(*cmd, ctx, "ID", *id, "issues_issues", "issue id")->required();
  cmd->add_option("FILES", *files, "files")->required();
  cmd->callback([&ctx, id, files] {
    get_issue(ctx.db(), *id);  // an unknown id is named before any file is read
    auto read = read_files(*files);
    attach_files(ctx.db(), *id, read);
    Issue i = get_issue(ctx.db(), *id);
    ctx.emit(cli::issue_json(i),
             [&](std::ostream& out) { out << read.size() << " files kept with issue " << *id << '\n'; });
  });
}

}  // namespace

void add_capture_commands(CLI::App& issues, sdk::CliContext& ctx) {
  add_add(issues, ctx);
  add_list(issues, ctx);
  add_show(issues, ctx);
  add_attach(issues, ctx);
}

}  // namespace wasshoi::issues
