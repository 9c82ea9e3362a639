#include "core/gikansho.hpp"

#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/agenda.hpp"
#include "core/meetings.hpp"

namespace wasshoi::minutes {

const char* part_id(sdk::ReportPart p) {
  switch (p) {
    case sdk::ReportPart::Activities:
      return "activities";
    case sdk::ReportPart::Settlement:
      return "settlement";
    case sdk::ReportPart::Audit:
      return "audit";
    case sdk::ReportPart::Plan:
      return "plan";
    case sdk::ReportPart::Budget:
      return "budget";
    case sdk::ReportPart::Officers:
      return "officers";
  }
  return "activities";
}

namespace {

// The 議案書 is printed in Japanese, whatever the window's language.
const char* part_name_ja(sdk::ReportPart p) {
  switch (p) {
    case sdk::ReportPart::Activities:
      return "事業報告";
    case sdk::ReportPart::Settlement:
      return "決算報告";
    case sdk::ReportPart::Audit:
      return "監査報告";
    case sdk::ReportPart::Plan:
      return "事業計画（案）";
    case sdk::ReportPart::Budget:
      return "予算（案）";
    case sdk::ReportPart::Officers:
      return "役員改選（案）";
  }
  return "";
}

constexpr sdk::ReportPart kParts[] = {sdk::ReportPart::Activities, sdk::ReportPart::Settlement,
                                      sdk::ReportPart::Audit,      sdk::ReportPart::Plan,
                                      sdk::ReportPart::Budget,     sdk::ReportPart::Officers};

std::optional<sdk::ReportPart> parse_part(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  for (auto p : kParts)
    if (*text == part_id(p)) return p;
  return std::nullopt;
}

// A 総会 or 臨時総会 with a date: what a 議案書 is for.
Meeting assembly(sdk::Database& db, MeetingId id) {
  Meeting m = get_meeting(db, id);
  if (!m.general_assembly)
    throw sdk::InputError("meeting " + std::to_string(id) + " is a " + m.kind +
                          ": a 議案書 is made for a 総会 or 臨時総会");
  m.start_at();  // InputError for a meeting whose stored date is not one
  return m;
}

// The changes are the officers' of the meeting's organization: the 会長 and the 役員.
Meeting check_officer(sdk::Context& ctx, MeetingId meeting) {
  ctx.require_visible("minutes_meetings", meeting);
  Meeting m = assembly(ctx.db(), meeting);
  const sdk::Access& a = ctx.access();
  if (a.read_only || !a.officer() || (!a.full() && a.org != m.org))
    throw sdk::InputError("the 議案書 of meeting " + std::to_string(meeting) +
                          " is changed by the 会長 or a 役員 of its organization; nothing was changed");
  return m;
}

void check_number(const std::vector<GikanshoItem>& items, int number) {
  if (number < 1 || number > static_cast<int>(items.size()))
    throw sdk::InputError("no 第" + std::to_string(number) + "号議案 in the 議案書 (it has " +
                          std::to_string(items.size()) + ")");
}

// Stores `items` as the meeting's 議案 in that order (inside the caller's transaction).
void store(sdk::Database& db, MeetingId meeting, const std::vector<GikanshoItem>& items) {
  sdk::Statement del(db, "DELETE FROM minutes_gikansho_items WHERE meeting_id = ?");
  del.bind_all(meeting).run();
  sdk::Statement ins(db,
                     "INSERT INTO minutes_gikansho_items(meeting_id, position, part, title, body) "
                     "VALUES (?, ?, ?, ?, ?)");
  int position = 0;
  for (const auto& item : items) {
    ins.reset();
    ins.bind_all(meeting, ++position);
    if (item.part)
      ins.bind(3, part_id(*item.part));
    else
      ins.bind(3, nullptr);
    ins.bind(4, item.title).bind(5, item.text).run();
  }
}

void check_item_text(const std::string& title, const std::string& text) {
  sdk::check_text(sdk::TextKind::Line, "議案の題名", title);
  if (sdk::trim(title).empty()) throw sdk::InputError("a 議案 needs a title (議案の題名 is empty)");
  sdk::check_text(sdk::TextKind::Note, "議案の本文", text);
}

// The officer's typed text: a paragraph per line, blank lines kept as space.
void typed_text(sdk::Document& doc, const std::string& text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = sdk::trim(text.substr(start, end - start));
    if (line.empty())
      doc.space(2);
    else
      doc.paragraph(line);
    start = end + 1;
  }
}

// A plugin's section in its 議案: its heading, then what it writes, or its message when it cannot.
GikanshoSection write_section(sdk::Context& ctx, const sdk::ReportSection& s, const sdk::ReportPeriod& period,
                              sdk::Document& doc) {
  GikanshoSection out{s.id, sdk::tr(s.title_key), {}, {}};
  sdk::Document part("");
  try {
    if (s.write) s.write(ctx, period, part);
    if (s.figures) out.figures = s.figures(ctx, period);
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  doc.subheading(out.title);
  if (out.error.empty())
    doc.append(part);
  else
    doc.paragraph("（この項目は作成できませんでした：" + out.error + "）");
  return out;
}

// 午前10時, 午後1時30分
std::string time_ja(const DateTime& t) {
  const int h = t.hour % 12 == 0 && t.hour >= 12 ? 12 : t.hour % 12;
  return std::string(t.hour < 12 ? "午前" : "午後") + std::to_string(h) + "時" +
         (t.minute ? std::to_string(t.minute) + "分" : std::string());
}

void cover(sdk::Context& ctx, const Meeting& m, sdk::Document& doc) {
  const DateTime& start = m.start_at();
  std::vector<std::string> lines{sdk::format_print_date(start.date, {.weekday = true}) + "　" +
                                 time_ja(start)};
  if (!m.place.empty()) lines.push_back(m.place);
  lines.push_back(sdk::organizations(ctx).name(ctx.db(), m.org));
  doc.cover(m.title + "\n議案書", lines);
}

}  // namespace

const char* part_key(sdk::ReportPart part) {
  switch (part) {
    case sdk::ReportPart::Activities:
      return "minutes.gikansho.part.activities";
    case sdk::ReportPart::Settlement:
      return "minutes.gikansho.part.settlement";
    case sdk::ReportPart::Audit:
      return "minutes.gikansho.part.audit";
    case sdk::ReportPart::Plan:
      return "minutes.gikansho.part.plan";
    case sdk::ReportPart::Budget:
      return "minutes.gikansho.part.budget";
    case sdk::ReportPart::Officers:
      return "minutes.gikansho.part.officers";
  }
  return "minutes.gikansho.part.activities";
}

std::string part_title(sdk::ReportPart part, int report_year) {
  // A plan and a budget are for the 年度 after the one reported on; 役員改選 has no 年度.
  const bool next = part == sdk::ReportPart::Plan || part == sdk::ReportPart::Budget;
  const std::string year = sdk::format_fiscal_year_ja(next ? report_year + 1 : report_year) + " ";
  return (part == sdk::ReportPart::Officers ? std::string() : year) + part_name_ja(part) + "について";
}

int default_report_year(const sdk::Date& day) {
  const int fy = sdk::fiscal_year(day);
  return day.month >= 4 && day.month <= 9 ? fy - 1 : fy;
}

int gikansho_year(sdk::Database& db, const Meeting& m) {
  sdk::Statement st(db, "SELECT fiscal_year FROM minutes_gikansho_years WHERE meeting_id = ?");
  st.bind_all(m.id);
  if (st.step()) return static_cast<int>(st.get_int(0));
  return default_report_year(m.start_at().date);
}

std::vector<GikanshoItem> gikansho_items(sdk::Database& db, const Meeting& m, std::optional<int> year) {
  std::vector<GikanshoItem> items;
  sdk::Statement st(db,
                    "SELECT id, part, title, body FROM minutes_gikansho_items WHERE meeting_id = ? "
                    "ORDER BY position, id");
  st.bind_all(m.id);
  while (st.step())
    items.push_back({st.get_int(0), parse_part(st.get_optional_text(1)), st.get_text(2), st.get_text(3)});
  if (!items.empty()) return items;
  const int reported = year ? *year : gikansho_year(db, m);
  for (auto p : kParts) items.push_back({0, p, part_title(p, reported), {}});
  return items;
}

std::vector<GikanshoSection> Gikansho::problems() const {
  std::vector<GikanshoSection> out;
  for (const auto& e : entries)
    for (const auto& s : e.sections)
      if (!s.error.empty()) out.push_back(s);
  return out;
}

Gikansho build_gikansho(sdk::Context& ctx, MeetingId meeting, std::optional<int> year) {
  ctx.require_visible("minutes_meetings", meeting);
  Gikansho g{assembly(ctx.db(), meeting), {}, {}, sdk::Document("")};
  const Meeting& m = g.meeting;
  if (year) sdk::check_date("年度", sdk::Date{*year, 4, 1});
  g.period = sdk::report_period(m.org, year ? *year : gikansho_year(ctx.db(), m));
  std::vector<sdk::ReportSection> sections;
  if (auto report = ctx.services().find<sdk::AnnualReport>()) sections = report->sections(ctx.db(), m.org);

  sdk::Document& doc = g.document = sdk::Document(m.title + " 議案書");
  doc.page_numbers(sdk::PageNumbers::Dashed).footer(sdk::organizations(ctx).name(ctx.db(), m.org));
  cover(ctx, m, doc);
  doc.contents("目次");
  int number = 0;
  for (const auto& item : gikansho_items(ctx.db(), m, g.period.fiscal_year)) {
    GikanshoEntry e{++number, item, {}, 0};
    doc.page_break().heading("第" + std::to_string(e.number) + "号議案　" + item.title);
    if (item.part)
      for (const auto& s : sections)
        if (s.part == *item.part) e.sections.push_back(write_section(ctx, s, g.period, doc));
    if (!sdk::trim(item.text).empty()) typed_text(doc, item.text);
    g.entries.push_back(std::move(e));
  }
  const auto pages = doc.contents_pages();
  for (std::size_t i = 0; i < g.entries.size() && i < pages.size(); ++i) g.entries[i].page = pages[i].page;
  return g;
}

void move_gikansho_item(sdk::Context& ctx, MeetingId meeting, int number, int delta) {
  const Meeting m = check_officer(ctx, meeting);
  sdk::Transaction tx(ctx.db(), "minutes.gikansho_move",
                      item_name(meeting, number) + (delta < 0 ? " up" : " down"));
  auto items = gikansho_items(ctx.db(), m);
  check_number(items, number);
  const int to = number + (delta < 0 ? -1 : 1);
  if (to < 1 || to > static_cast<int>(items.size()))
    throw sdk::InputError(item_name(meeting, number) + " is already " + (delta < 0 ? "first" : "last"));
  std::swap(items[static_cast<std::size_t>(number - 1)], items[static_cast<std::size_t>(to - 1)]);
  store(ctx.db(), meeting, items);
  tx.commit();
}

void edit_gikansho_item(sdk::Context& ctx, MeetingId meeting, int number, const std::string& title,
                        const std::string& text) {
  const Meeting m = check_officer(ctx, meeting);
  check_item_text(title, text);
  sdk::Transaction tx(ctx.db(), "minutes.gikansho_edit",
                      item_name(meeting, number) + ": " + sdk::trim(title));
  auto items = gikansho_items(ctx.db(), m);
  check_number(items, number);
  auto& item = items[static_cast<std::size_t>(number - 1)];
  item.title = sdk::trim(title);
  item.text = text;
  store(ctx.db(), meeting, items);
  tx.commit();
}

int add_gikansho_item(sdk::Context& ctx, MeetingId meeting, const std::string& title,
                      const std::string& text) {
  const Meeting m = check_officer(ctx, meeting);
  check_item_text(title, text);
  sdk::Transaction tx(ctx.db(), "minutes.gikansho_add",
                      "meeting " + std::to_string(meeting) + ": " + sdk::trim(title));
  auto items = gikansho_items(ctx.db(), m);
  items.push_back({0, std::nullopt, sdk::trim(title), text});
  store(ctx.db(), meeting, items);
  tx.commit();
  return static_cast<int>(items.size());
}

void remove_gikansho_item(sdk::Context& ctx, MeetingId meeting, int number) {
  const Meeting m = check_officer(ctx, meeting);
  sdk::Transaction tx(ctx.db(), "minutes.gikansho_remove", item_name(meeting, number));
  auto items = gikansho_items(ctx.db(), m);
  check_number(items, number);
  tx.set_detail(item_name(meeting, number) + ": " + items[static_cast<std::size_t>(number - 1)].title);
  items.erase(items.begin() + (number - 1));
  if (items.empty()) throw sdk::InputError("a 議案書 keeps one 議案 at least");
  store(ctx.db(), meeting, items);
  tx.commit();
}

void set_gikansho_year(sdk::Context& ctx, MeetingId meeting, std::optional<int> year) {
  const Meeting m = check_officer(ctx, meeting);
  if (year) sdk::check_date("年度", sdk::Date{*year, 4, 1});
  const int before = gikansho_year(ctx.db(), m);
  sdk::Transaction tx(ctx.db(), "minutes.gikansho_year",
                      "meeting " + std::to_string(meeting) + ": " + (year ? std::to_string(*year) : "usual"));
  if (year) {
    sdk::Statement st(ctx.db(),
                      "INSERT INTO minutes_gikansho_years(meeting_id, fiscal_year) VALUES (?, ?) "
                      "ON CONFLICT(meeting_id) DO UPDATE SET fiscal_year = excluded.fiscal_year");
    st.bind_all(meeting, *year).run();
  } else {
    sdk::Statement st(ctx.db(), "DELETE FROM minutes_gikansho_years WHERE meeting_id = ?");
    st.bind_all(meeting).run();
  }
  // Stored 議案 still titled as usual for the old 年度 take the new one's usual titles; a title the
  // officer wrote stays as written.
  const int after = gikansho_year(ctx.db(), m);
  auto items = gikansho_items(ctx.db(), m);
  bool retitled = false;
  for (auto& item : items)
    if (item.id != 0 && item.part && item.title == part_title(*item.part, before))
      item.title = part_title(*item.part, after), retitled = true;
  if (retitled) store(ctx.db(), meeting, items);
  tx.commit();
}

}  // namespace wasshoi::minutes
