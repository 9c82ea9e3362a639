// add, edit, section, link-issue, attach, detach: writing a 要望書 before it is approved and submitted.
#include <CLI/CLI.hpp>
#include <wasshoi/sdk/cli_ids.hpp>
#include <wasshoi/sdk/error.hpp>

#include "cli/cli.hpp"
#include "cli/cli_support.hpp"
#include "core/proposals.hpp"

namespace wasshoi::proposals::cli {

namespace {

void add_add(CLI::App& parent, sdk::CliContext& ctx) {
  struct Opts {
    std::string title, kind = "request", addressee = "mayor", person, place, date;
    std::int64_t to = 0;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = parent.add_subcommand("add", "start a 要望書 (件名, 種別, 宛先)");
  cmd->add_option("TITLE", o->title, "件名")->required();
  cmd->add_option("--kind", o->kind, "request (要望), petition (陳情), policy (政策提言)");
  cmd->add_option("--addressee", o->addressee, "mayor (市長), branch (支所長), department (担当課)");
  cmd->add_option("--to", o->to, "the city body (org id of kind city); default: the city for 市長");
  cmd->add_option("--person", o->person, "the office holder's name, printed before 様");
  cmd->add_option("--place", o->place, "場所");
  cmd->add_option("--date", o->date, "date raised (default today): sets the 年度");
  cmd->callback([&ctx, o] {
    NewProposal p{0,
                  o->title,
                  parse_kind(o->kind),
                  parse_addressee(o->addressee),
                  o->to,
                  o->person,
                  o->place,
                  parse_date_option("--date", o->date, sdk::today())};
    p.org = ctx.require_org();
    ProposalId id = add_proposal(ctx.db(), sdk::organizations(ctx), p);
    ctx.emit(proposal_json(get_proposal(ctx.db(), sdk::organizations(ctx), id)),
             [&](std::ostream& out) { out << "proposal " << id << " added\n"; });
  });
}

void add_section(CLI::App& parent, sdk::CliContext& ctx) {
  struct Opts {
    std::int64_t id = 0, remove = 0;
    std::string section, method, date, text;
    int participants = 0, answers = 0;
    std::int64_t department = 0;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd =
      parent.add_subcommand("section", "add to (or --remove from) 意見集約の方法, 経過 or 具体的な提案");
  sdk::add_id(*cmd, ctx, "ID", o->id, "proposals_proposals", "proposal id")->required();
  cmd->add_option("SECTION", o->section, "gathering (意見集約の方法), history (経過), actions (具体的な提案)")
      ->required();
  cmd->add_option("--method", o->method,
                  "general_meeting (総会決議), board (役員会), han_leaders (班長会), survey (アンケート), "
                  "briefing (住民説明会), dialogue (懇談会)");
  cmd->add_option("--date", o->date, "date of the gathering or history entry (default today)");
  cmd->add_option("--text", o->text, "the entry (for gathering: its result)");
  sdk::cli::add_number_option(*cmd, "--participants", o->participants, kFigureRange, "出席・参加者数");
  sdk::cli::add_number_option(*cmd, "--answers", o->answers, kFigureRange, "アンケート回答数");
  cmd->add_option("--department", o->department, "担当課 of a 具体的な提案 item (org id of kind city)");
  cmd->add_option("--remove", o->remove, "remove the entry with this id instead");
  cmd->callback([&ctx, o] {
    Section s = parse_section(o->section);
    std::int64_t entry = 0;
    if (o->remove) {
      remove_entry(ctx.db(), o->id, s, o->remove);
    } else if (s == Section::Gathering) {
      if (o->method.empty()) throw sdk::InputError("--method is required for 意見集約の方法");
      Gathering g{0,
                  parse_method(o->method),
                  parse_date_option("--date", o->date, sdk::today()),
                  o->participants,
                  o->answers,
                  o->text};
      entry = add_gathering(ctx.db(), o->id, g);
    } else if (s == Section::History) {
      entry = add_history(ctx.db(), o->id, {0, parse_date_option("--date", o->date, sdk::today()), o->text});
    } else {
      std::optional<OrgId> dept;
      if (o->department) dept = o->department;
      entry = add_action(ctx.db(), sdk::organizations(ctx), o->id, {0, o->text, dept, ""});
    }
    nlohmann::json j = proposal_json(get_proposal(ctx.db(), sdk::organizations(ctx), o->id));
    j["entry"] = entry;
    ctx.emit(j, [&](std::ostream& out) {
      out << label(s)
          << (o->remove ? ": removed " + std::to_string(o->remove) : ": added " + std::to_string(entry))
          << "\n";
    });
  });
}

void add_link_issue(CLI::App& parent, sdk::CliContext& ctx) {
  auto ids = std::make_shared<std::pair<std::int64_t, std::int64_t>>();
  auto* cmd = parent.add_subcommand("link-issue", "link a local issue (地域課題) behind the proposal");
  sdk::add_id(*cmd, ctx, "ID", ids->first, "proposals_proposals", "proposal id")->required();
  sdk::add_id(*cmd, ctx, "ISSUE", ids->second, "issues_issues", "issue id")->required();
  cmd->callback([&ctx, ids] {
    link_issue(ctx.db(), ids->first, ctx.services().find<sdk::IssueTracker>().get(), ids->second);
    ctx.emit(proposal_json(get_proposal(ctx.db(), sdk::organizations(ctx), ids->first)),
             [&](std::ostream& out) {
               out << "issue " << ids->second << " linked to proposal " << ids->first << "\n";
             });
  });
}

void add_attach(CLI::App& parent, sdk::CliContext& ctx) {
  struct Opts {
    std::int64_t id = 0;
    std::string file, kind = "photo", caption;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = parent.add_subcommand("attach", "keep a photo or map image of the place with the proposal");
  sdk::add_id(*cmd, ctx, "ID", o->id, "proposals_proposals", "proposal id")->required();
  cmd->add_option("FILE", o->file, "image file")->required();
  cmd->add_option("--kind", o->kind, "photo or map");
  cmd->add_option("--caption", o->caption, "caption");
  cmd->callback([&ctx, o] {
    auto att = add_attachment_file(ctx.db(), o->id, o->kind, o->file, o->caption);
    auto name = std::filesystem::path(o->file).filename().string();
    ctx.emit(
        {{"id", att}, {"proposal", o->id}, {"name", name}, {"bytes", attachment_data(ctx.db(), att).size()}},
        [&](std::ostream& out) { out << "attachment " << att << " (" << name << ") added\n"; });
  });
}

void add_detach(CLI::App& parent, sdk::CliContext& ctx) {
  auto ids = std::make_shared<std::pair<std::int64_t, std::int64_t>>();
  auto* cmd =
      parent.add_subcommand("detach", "remove a photo or map image (ids: proposals show) before submission");
  sdk::add_id(*cmd, ctx, "ID", ids->first, "proposals_proposals", "proposal id")->required();
  sdk::add_id(*cmd, ctx, "ATTACHMENT", ids->second, "proposals_attachments", "attachment id")->required();
  cmd->callback([&ctx, ids] {
    Attachment a = remove_attachment(ctx.db(), ids->first, ids->second);
    ctx.emit({{"id", a.id}, {"proposal", ids->first}, {"name", a.name}, {"removed", true}},
             [&](std::ostream& out) {
               out << "attachment " << a.id << " (" << a.name << ") removed from proposal " << ids->first
                   << "\n";
             });
  });
}

void add_edit(CLI::App& parent, sdk::CliContext& ctx) {
  struct Opts {
    std::int64_t id = 0, to = 0;
    std::string title, kind, addressee, person, place, number, contact, phone, reply_by;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = parent.add_subcommand(
      "edit",
      "change the header of a 要望書 not yet submitted (件名, 種別, 宛先, 場所, 文書番号, 連絡先, 回答期限)");
  sdk::add_id(*cmd, ctx, "ID", o->id, "proposals_proposals", "proposal id")->required();
  cmd->add_option("--title", o->title, "件名");
  cmd->add_option("--kind", o->kind, "request (要望), petition (陳情), policy (政策提言)");
  cmd->add_option("--addressee", o->addressee, "mayor (市長), branch (支所長), department (担当課)");
  cmd->add_option("--to", o->to, "the city body (org id of kind city); default: the city for 市長");
  cmd->add_option("--person", o->person, "the office holder's name, printed before 様");
  cmd->add_option("--place", o->place, "場所");
  cmd->add_option("--number", o->number, "文書番号 (○○自治会第12号)");
  cmd->add_option("--contact", o->contact, "連絡先: the person the city calls back (担当)");
  cmd->add_option("--phone", o->phone, "連絡先: their telephone");
  cmd->add_option("--reply-by", o->reply_by, "回答期限: reply requested by this date (\"\" clears it)");
  cmd->callback([&ctx, o, cmd] {
    auto given = [cmd](const char* option) { return cmd->count(option) > 0; };
    HeaderEdit h = header_of(get_proposal(ctx.db(), sdk::organizations(ctx), o->id));
    if (given("--title")) h.title = o->title;
    if (given("--kind")) h.kind = parse_kind(o->kind);
    if (given("--addressee")) h.addressee = parse_addressee(o->addressee), h.addressee_org = 0;
    if (given("--to")) h.addressee_org = o->to;
    if (given("--person")) h.addressee_person = o->person;
    if (given("--place")) h.place = o->place;
    if (given("--number")) h.doc_number = o->number;
    if (given("--contact")) h.contact_name = o->contact;
    if (given("--phone")) h.contact_phone = o->phone;
    if (given("--reply-by")) h.reply_by = parse_optional_date_option("--reply-by", o->reply_by);
    update_header(ctx.db(), sdk::organizations(ctx), o->id, h);
    ctx.emit(proposal_json(get_proposal(ctx.db(), sdk::organizations(ctx), o->id)),
             [&](std::ostream& out) { out << "proposal " << o->id << " changed\n"; });
  });
}

}  // namespace

void add_edit_commands(CLI::App& proposals, sdk::CliContext& ctx) {
  add_add(proposals, ctx);
  add_section(proposals, ctx);
  add_link_issue(proposals, ctx);
  add_attach(proposals, ctx);
  add_detach(proposals, ctx);
  add_edit(proposals, ctx);
}

}  // namespace wasshoi::proposals::cli
