#include "core/meetings.hpp"

#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/row_lock.hpp>
#include <wasshoi/sdk/text.hpp>

#include "core/agenda.hpp"

namespace wasshoi::minutes {

namespace {

constexpr const char* kSelectMeeting =
    "SELECT m.id, m.org_id, m.kind, m.title, m.start_at, m.end_at, m.place, m.booking_id, m.chair, "
    "m.recorder, "
    "m.state, m.approved_at, coalesce((SELECT k.general_assembly FROM minutes_kinds k WHERE k.name = m.kind "
    "AND (k.org_id IS NULL OR k.org_id = m.org_id) ORDER BY k.org_id IS NULL LIMIT 1), 0), "
    "coalesce((SELECT o.has_votes FROM minutes_kind_options o WHERE o.org_id = m.org_id AND o.kind = "
    "m.kind), "
    "(SELECT k.has_votes FROM minutes_kinds k WHERE k.name = m.kind AND (k.org_id IS NULL OR k.org_id = "
    "m.org_id) ORDER BY k.org_id IS NULL LIMIT 1), 1) "
    "FROM minutes_meetings m ";

Meeting read_meeting(const sdk::Statement& st) {
  Meeting m;
  m.id = st.get_int(0);
  m.org = st.get_int(1);
  m.kind = st.get_text(2);
  m.title = st.get_text(3);
  m.start = st.get_datetime(4);  // empty for a stored date that is not one (db.hpp)
  m.end = st.get_datetime(5);
  m.place = st.get_text(6);
  m.booking_id = st.get_optional_int(7);
  m.chair = st.get_text(8);
  m.recorder = st.get_text(9);
  m.state = parse_state(st.get_text(10));
  m.approved_at = st.get_optional_int(11);
  m.general_assembly = st.get_int(12) != 0;
  m.has_votes = st.get_int(13) != 0;
  return m;
}

void check_times(const MeetingInput& in) {
  if (!in.start.valid()) throw sdk::InputError("the start of the meeting is not a valid date and time");
  if (!in.end.valid()) throw sdk::InputError("the end of the meeting is not a valid date and time");
  if (in.end <= in.start)
    throw sdk::InputError("the end (" + in.end.iso() + ") must be after the start (" + in.start.iso() + ")");
}

// The place from the booking when one is given; the booking must belong to the organization.
std::string resolve_place(sdk::Database& db, const MeetingInput& in, sdk::FacilityDirectory* facilities) {
  if (!in.booking_id) return sdk::trim(in.place);
  if (!facilities)
    throw sdk::InputError("a booking id needs the booking plugin (集会施設予約), which is not enabled");
  auto booking = facilities->booking(db, *in.booking_id);
  if (!booking) throw sdk::InputError("no booking with id " + std::to_string(*in.booking_id));
  if (booking->org != in.org)
    throw sdk::InputError("booking " + std::to_string(*in.booking_id) + " was made by another organization");
  auto facility = facilities->facility(db, booking->facility_id);
  std::string name = facility ? facility->name : std::string();
  return in.place.empty() ? name : name + "（" + sdk::trim(in.place) + "）";
}

}  // namespace

const char* to_string(MinutesState s) {
  switch (s) {
    case MinutesState::Signed:
      return "signed";
    case MinutesState::Approved:
      return "approved";
    default:
      return "draft";
  }
}

MinutesState parse_state(std::string_view text) {
  if (text == "signed") return MinutesState::Signed;
  if (text == "approved") return MinutesState::Approved;
  return MinutesState::Draft;
}

std::vector<MeetingKind> meeting_kinds(sdk::Database& db, OrgId org) {
  sdk::Statement st(
      db,
      "SELECT k.name, k.general_assembly, coalesce((SELECT o.has_votes FROM minutes_kind_options o "
      "WHERE o.org_id = ?1 AND o.kind = k.name), k.has_votes) FROM minutes_kinds k "
      "WHERE k.org_id IS NULL OR k.org_id = ?1 ORDER BY k.org_id IS NOT NULL, k.sort_order, k.id");
  st.bind(1, org);
  std::vector<MeetingKind> out;
  while (st.step()) out.push_back({st.get_text(0), st.get_int(1) != 0, st.get_int(2) != 0});
  return out;
}

MeetingKind find_kind(sdk::Database& db, OrgId org, const std::string& name) {
  std::string list;
  for (auto& k : meeting_kinds(db, org)) {
    if (k.name == name) return k;
    list += (list.empty() ? "" : ", ") + k.name;
  }
  throw sdk::InputError("unknown meeting kind '" + name + "'; the kinds are: " + list);
}

void add_kind(sdk::Database& db, OrgId org, const std::string& name, bool general_assembly) {
  std::string n = sdk::trim(name);
  if (n.empty()) throw sdk::InputError("a meeting kind needs a name");
  sdk::check_text(sdk::TextKind::Name, "meeting kind", n);
  for (auto& k : meeting_kinds(db, org))
    if (k.name == n) throw sdk::InputError("the meeting kind '" + n + "' exists already");
  sdk::Transaction tx(db, "minutes.kind_add", n);
  sdk::Statement(db, "INSERT INTO minutes_kinds(org_id, name, general_assembly) VALUES(?, ?, ?)")
      .bind_all(org, n, general_assembly ? 1 : 0)
      .run();
  tx.commit();
}

void add_kind(sdk::Context& ctx, OrgId org, const std::string& name, bool general_assembly) {
  ctx.require(sdk::Act::OrgSettings, org);
  add_kind(ctx.db(), org, name, general_assembly);
}

void set_kind_votes(sdk::Context& ctx, OrgId org, const std::string& kind, bool has_votes) {
  ctx.require(sdk::Act::OrgSettings, org);
  auto& db = ctx.db();
  const MeetingKind k = find_kind(db, org, kind);
  if (k.has_votes == has_votes)
    throw sdk::InputError("the meeting kind '" + k.name + "' " + (has_votes ? "takes" : "takes no") +
                          " votes already");
  sdk::Transaction tx(db, "minutes.kind_votes", k.name + (has_votes ? ": 議決権あり" : ": 議決権なし"));
  sdk::Statement(db,
                 "INSERT INTO minutes_kind_options(org_id, kind, has_votes) VALUES(?, ?, ?) "
                 "ON CONFLICT(org_id, kind) DO UPDATE SET has_votes = excluded.has_votes")
      .bind_all(org, k.name, has_votes ? 1 : 0)
      .run();
  tx.commit();
}

std::string default_title(sdk::Database& db, OrgId org, const std::string& kind, const DateTime& start) {
  const int fy = sdk::fiscal_year(start.date);
  sdk::Statement st(db,
                    "SELECT count(*) FROM minutes_meetings WHERE org_id = ? AND kind = ? AND start_at >= ? "
                    "AND start_at < ?");
  st.bind_all(org, kind, sdk::Date{fy, 4, 1}, start);
  st.step();
  const auto n = st.get_int(0) + 1;
  const std::string year = sdk::format_fiscal_year_ja(fy);
  if (kind == "総会") return year + " 定期総会";
  return year + " 第" + std::to_string(n) + "回 " + kind;
}

MeetingId add_meeting(sdk::Database& db, const MeetingInput& in, sdk::FacilityDirectory* facilities) {
  const MeetingKind kind = find_kind(db, in.org, in.kind);
  check_times(in);
  sdk::check_date("start", in.start.date);
  sdk::check_text(sdk::TextKind::Line, "title", in.title);
  sdk::check_text(sdk::TextKind::Line, "place", in.place);
  sdk::check_text(sdk::TextKind::Name, "chair", in.chair);
  sdk::check_text(sdk::TextKind::Name, "recorder", in.recorder);
  const std::string place = resolve_place(db, in, facilities);
  const std::string title =
      sdk::trim(in.title).empty() ? default_title(db, in.org, kind.name, in.start) : sdk::trim(in.title);
  sdk::Transaction tx(db, "minutes.add", title);
  sdk::Statement(
      db,
      "INSERT INTO minutes_meetings(org_id, kind, title, start_at, end_at, place, booking_id, chair, "
      "recorder) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind_all(in.org, kind.name, title, in.start, in.end, place, in.booking_id, sdk::trim(in.chair),
                sdk::trim(in.recorder))
      .run();
  const MeetingId id = db.last_insert_id();
  tx.commit();
  return id;
}

MeetingId schedule_meeting(sdk::Database& db, const MeetingInput& in, sdk::FacilityDirectory* facilities,
                           bool template_agenda) {
  sdk::Transaction tx(db, "minutes.add", in.kind);
  const MeetingId id = add_meeting(db, in, facilities);
  if (template_agenda) apply_template(db, id);
  tx.commit();
  return id;
}

namespace {
[[noreturn]] void refuse_unknown_date(const Meeting& m) {
  throw sdk::InputError("meeting " + std::to_string(m.id) + " (" + m.title +
                        ") has a stored date and time that is not one (" + sdk::kDateUnknown +
                        "): set it with `minutes reschedule " + std::to_string(m.id) + " --start … --end …`");
}
}  // namespace

const DateTime& Meeting::start_at() const {
  if (!start) refuse_unknown_date(*this);
  return *start;
}

const DateTime& Meeting::end_at() const {
  if (!end) refuse_unknown_date(*this);
  return *end;
}

void reschedule_meeting(sdk::Database& db, MeetingId id, const DateTime& start, const DateTime& end) {
  MeetingInput in;
  in.start = start;
  in.end = end;
  check_times(in);
  sdk::check_date("start", start.date);
  sdk::Transaction tx(db, "minutes.reschedule", "meeting " + std::to_string(id) + " " + start.iso());
  begin_edit(db, id);  // approved minutes are locked; signed ones go back to draft
  sdk::Statement(db, "UPDATE minutes_meetings SET start_at = ?, end_at = ? WHERE id = ?")
      .bind_all(start, end, id)
      .run();
  tx.commit();
}

std::optional<Meeting> find_meeting(sdk::Database& db, MeetingId id) {
  sdk::Statement st(db, std::string(kSelectMeeting) + "WHERE m.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_meeting(st);
}

Meeting get_meeting(sdk::Database& db, MeetingId id) {
  auto m = find_meeting(db, id);
  if (!m) throw sdk::InputError("no meeting with id " + std::to_string(id));
  return *m;
}

std::vector<Meeting> list_meetings(sdk::Database& db, OrgId org, std::optional<Date> from,
                                   std::optional<Date> to) {
  // Without a period every meeting is listed, one whose stored date is not a date too (日付不明,
  // so it can be corrected); within a period only those known to fall in it.
  const bool period = from || to;
  sdk::Statement st(db, std::string(kSelectMeeting) +
                            "WHERE m.org_id = ?1 AND (?4 = 0 OR (m.start_at >= ?2 AND m.start_at < ?3)) "
                            "ORDER BY m.start_at, m.id");
  st.bind_all(org, from ? from->iso() : std::string("0000"), to ? to->add_days(1).iso() : std::string("9999"),
              period ? 1 : 0);
  std::vector<Meeting> out;
  while (st.step()) {
    Meeting m = read_meeting(st);
    if (period && !m.start) continue;
    out.push_back(std::move(m));
  }
  return out;
}

std::optional<Meeting> previous_meeting(sdk::Database& db, const Meeting& m) {
  if (!m.start) return std::nullopt;  // no neighbour of a meeting whose date is unknown
  sdk::Statement st(db, std::string(kSelectMeeting) +
                            "WHERE m.org_id = ? AND (m.start_at < ? OR (m.start_at = ? AND m.id < ?)) "
                            "ORDER BY m.start_at DESC, m.id DESC LIMIT 1");
  st.bind_all(m.org, *m.start, *m.start, m.id);
  if (!st.step()) return std::nullopt;
  return read_meeting(st);
}

std::optional<Meeting> next_meeting(sdk::Database& db, const Meeting& m) {
  if (!m.start) return std::nullopt;
  sdk::Statement st(db, std::string(kSelectMeeting) +
                            "WHERE m.org_id = ? AND (m.start_at > ? OR (m.start_at = ? AND m.id > ?)) "
                            "ORDER BY m.start_at, m.id LIMIT 1");
  st.bind_all(m.org, *m.start, *m.start, m.id);
  if (!st.step()) return std::nullopt;
  return read_meeting(st);
}

Meeting begin_edit(sdk::Database& db, MeetingId id) {
  // The meeting's row stays locked until the edit commits: on a server a second edit waits here,
  // then sees this one's state and numbers (the next 議案's number is read from the items).
  sdk::lock_row(db, "minutes_meetings", "id", id);
  Meeting m = get_meeting(db, id);
  if (m.state == MinutesState::Approved)
    throw sdk::InputError("the minutes of meeting " + std::to_string(id) + " (" + m.title +
                          ") are approved and locked: re-open them first with `minutes reopen " +
                          std::to_string(id) + " --reason …`");
  if (m.state == MinutesState::Signed) {
    sdk::Statement(db, "DELETE FROM minutes_signatories WHERE meeting_id = ?").bind(1, id).run();
    sdk::Statement(db, "UPDATE minutes_meetings SET state = 'draft' WHERE id = ?").bind(1, id).run();
    m.state = MinutesState::Draft;
  }
  return m;
}

void update_meeting_people(sdk::Database& db, MeetingId id, const std::string& place,
                           const std::string& chair, const std::string& recorder) {
  sdk::check_text(sdk::TextKind::Line, "place", place);
  sdk::check_text(sdk::TextKind::Name, "chair", chair);
  sdk::check_text(sdk::TextKind::Name, "recorder", recorder);
  sdk::Transaction tx(db, "minutes.update", "meeting " + std::to_string(id));
  begin_edit(db, id);
  sdk::Statement(db, "UPDATE minutes_meetings SET place = ?, chair = ?, recorder = ? WHERE id = ?")
      .bind_all(sdk::trim(place), sdk::trim(chair), sdk::trim(recorder), id)
      .run();
  tx.commit();
}

DateTime parse_datetime_arg(const std::string& text, const char* what) {
  if (auto dt = sdk::parse_datetime(text)) return *dt;
  const std::string t = sdk::trim(text);
  const auto space = t.find_last_of(' ');
  if (space != std::string::npos) {
    auto date = sdk::parse_date(t.substr(0, space));
    auto minutes = sdk::parse_time_of_day(sdk::trim(t.substr(space + 1)));
    if (date && minutes) return DateTime{*date, *minutes / 60, *minutes % 60};
  }
  throw sdk::InputError(std::string(what) + ": '" + text +
                        "' is not a date and time (e.g. 2026-04-19 10:00)");
}

}  // namespace wasshoi::minutes
