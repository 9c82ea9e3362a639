// minutes export ID --format pdf|md|ics --out F | calendar --out F
#include <wasshoi/sdk/cli_ids.hpp>
#include <wasshoi/sdk/file_writer.hpp>

#include "cli/json_and_dates.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"
#include "core/reception_papers.hpp"

namespace wasshoi::minutes::cli {

namespace {

// A calendar names meetings, places and chairs, no attendees: an ordinary file. The minutes
// themselves name their attendees and are written as personal data (0600) below.
void write_text(const std::string& path, const std::string& text) {
  sdk::write_file(path, text);
}

struct ExportOptions {
  MeetingId meeting = 0;
  std::string format = "pdf", out;
};

void add_export(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<ExportOptions>();
  auto* cmd = minutes.add_subcommand("export", "the minutes as PDF or Markdown, the meeting as iCalendar");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  cmd->add_option("--format", o->format, "pdf, md or ics")->check(CLI::IsMember({"pdf", "md", "ics"}));
  cmd->add_option("--out", o->out, "output file")->required();
  cmd->callback([&ctx, o] {
    const Meeting m = get_meeting(ctx.db(), o->meeting);
    if (o->format == "ics") {
      m.start_at(), m.end_at();  // InputError for a meeting whose stored date is not one
      write_text(o->out, meetings_ics(ctx.db(), {m}, sdk::organizations(ctx).name(ctx.db(), m.org)));
    } else {
      auto dir = ctx.services().find<sdk::MemberDirectory>();
      sdk::Document doc = minutes_document(ctx.db(), sdk::organizations(ctx), dir.get(), m.id);
      if (o->format == "pdf")
        doc.save_pdf(o->out, {.personal_data = true});
      else
        doc.save_markdown(o->out, {.personal_data = true});
    }
    ctx.emit({{"id", m.id}, {"format", o->format}, {"out", o->out}},
             [&](std::ostream& out) { out << "written: " << o->out << '\n'; });
  });
}

struct CalendarOptions {
  std::string from, to, out;
};

void add_calendar(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<CalendarOptions>();
  auto* cmd = minutes.add_subcommand("calendar", "the organization's meetings as one iCalendar file");
  cmd->add_option("--from", o->from, "first day");
  cmd->add_option("--to", o->to, "last day");
  cmd->add_option("--out", o->out, "output .ics file")->required();
  cmd->callback([&ctx, o] {
    const OrgId org = ctx.require_org();
    auto meetings = list_meetings(ctx.db(), org, parse_optional_date_option("--from", o->from),
                                  parse_optional_date_option("--to", o->to));
    write_text(o->out, meetings_ics(ctx.db(), meetings, sdk::organizations(ctx).name(ctx.db(), org)));
    ctx.emit({{"id", org}, {"meetings", meetings.size()}, {"out", o->out}},
             [&](std::ostream& out) { out << meetings.size() << " meetings written to " << o->out << '\n'; });
  });
}

struct EventsOptions {
  std::string year, out;
};

void add_events(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<EventsOptions>();
  auto* cmd = minutes.add_subcommand("events",
                                     "a 年度's meetings and events (行事一覧) as PDF: 和暦 and 西暦, place");
  cmd->add_option("--year", o->year, "年度: 2026, 令和8, R8 (default this 年度)");
  cmd->add_option("--out", o->out, "the PDF file to write")->required();
  cmd->callback([&ctx, o] {
    const OrgId org = ctx.require_org();
    const int fy = sdk::cli::parse_fiscal_year_option("--year", o->year, sdk::cli::this_fiscal_year());
    sdk::Document doc = events_document(ctx.db(), sdk::organizations(ctx), org, fy);
    doc.save_pdf(o->out);
    ctx.emit({{"id", org}, {"fiscal_year", fy}, {"out", o->out}},
             [&](std::ostream& out) { out << "written: " << o->out << '\n'; });
  });
}

struct PapersOptions {
  MeetingId meeting = 0;
  std::string deadline, out;
  bool to_chair = false;
  int blank = 0;
};

// The 総会's paper: `minutes reception-list ID --out F` (受付名簿, one 班 a page) and
// `minutes notice ID --deadline D [--to-chair] [--blank N] --out F` (開催通知 with 出欠票・委任状).
void add_papers(CLI::App& minutes, sdk::CliContext& ctx) {
  auto list = options<PapersOptions>();
  auto* cmd =
      minutes.add_subcommand("reception-list", "a 総会's 受付名簿 as PDF: one 班 a page, a box per state");
  sdk::add_id(*cmd, ctx, "ID", list->meeting, "minutes_meetings", "meeting id")->required();
  cmd->add_option("--out", list->out, "the PDF file to write")->required();
  cmd->callback([&ctx, list] {
    const Meeting m = get_meeting(ctx.db(), list->meeting);
    reception_list_document(ctx.db(), members(ctx), sdk::organizations(ctx), m.id)
        .save_pdf(list->out, {.personal_data = true});
    ctx.emit({{"id", m.id}, {"out", list->out}},
             [&](std::ostream& out) { out << "written: " << list->out << '\n'; });
  });
  auto o = options<PapersOptions>();
  auto* notice = minutes.add_subcommand(
      "notice",
      "a 総会's 開催通知 with the tear-off 出欠票・委任状 as PDF: one per household by 班, or blank forms");
  sdk::add_id(*notice, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  notice->add_option("--deadline", o->deadline, "the day the 出欠票 are due (before the meeting)")
      ->required();
  notice->add_flag("--to-chair", o->to_chair, "the 委任状 name 議長 as 受任者 (default: left blank)");
  notice->add_option("--blank", o->blank, "that many forms without names instead of one per household");
  notice->add_option("--out", o->out, "the PDF file to write")->required();
  notice->callback([&ctx, o] {
    const Meeting m = get_meeting(ctx.db(), o->meeting);
    auto dir = ctx.services().find<sdk::MemberDirectory>();
    sdk::Document doc =
        notice_document(ctx.db(), dir.get(), sdk::organizations(ctx), m.id,
                        {parse_date_option("--deadline", o->deadline), o->to_chair, o->blank});
    doc.save_pdf(o->out, {.personal_data = o->blank == 0});
    ctx.emit({{"id", m.id}, {"pages", doc.page_count()}, {"out", o->out}},
             [&](std::ostream& out) { out << "written: " << o->out << '\n'; });
  });
}

}  // namespace

void add_export_commands(CLI::App& minutes, sdk::CliContext& ctx) {
  add_export(minutes, ctx);
  add_papers(minutes, ctx);
  add_calendar(minutes, ctx);
  add_events(minutes, ctx);
}

}  // namespace wasshoi::minutes::cli
