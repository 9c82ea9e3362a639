#include "core/minutes_document.hpp"

#include <cstdio>
#include <wasshoi/sdk/ical.hpp>

#include "core/actions.hpp"
#include "core/agenda.hpp"
#include "core/approval.hpp"
#include "core/attendance.hpp"
#include "core/elections.hpp"
#include "core/meetings.hpp"
#include "core/quorum.hpp"
#include "core/reception.hpp"

namespace wasshoi::minutes {

namespace {

std::string hm(const DateTime& t) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%d:%02d", t.hour, t.minute);
  return buf;
}

std::string weekday_ja(const Date& d) {
  static const char* const kDays[] = {"日", "月", "火", "水", "木", "金", "土"};
  return kDays[d.weekday()];
}

std::string seireki(const Date& d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string due_text(const ActionItem& a) {
  return a.due ? sdk::format_wareki(*a.due) : std::string("—");
}

std::string status_text(const ActionItem& a, const Date& as_of) {
  if (a.status == ActionStatus::Done && a.done_on && *a.done_on <= as_of)
    return "完了（" + sdk::format_wareki(*a.done_on) + "）";
  if (a.due && *a.due < as_of) return "期限超過";
  return "継続中";
}

void add_attendance(sdk::Document& doc, sdk::Database& db, const Meeting& m) {
  std::vector<std::string> members, guests;
  for (const auto& a : attendees(db, m.id)) {
    if (a.kind == AttendeeKind::Guest)
      guests.push_back(a.affiliation.empty() ? a.name + " 様" : a.affiliation + " " + a.name + " 様");
    else
      members.push_back(a.name);
  }
  if (members.empty() && guests.empty()) return;
  doc.heading("出席者");
  if (!m.general_assembly && !members.empty())
    doc.paragraph("出席者（" + std::to_string(members.size()) + "名）：" + join(members, "、"));
  if (!guests.empty()) doc.paragraph("来賓・出席職員：" + join(guests, "、"));
}

void add_quorum(sdk::Document& doc, sdk::Database& db, sdk::MemberDirectory* members, const Meeting& m) {
  if (!m.general_assembly) return;
  doc.heading("定足数");
  if (!members) {
    doc.paragraph("会員名簿（members プラグイン）が有効でないため、定足数を算定できない。");
    return;
  }
  doc.paragraph(quorum_statement(quorum(db, *members, m), m.kind));
}

void add_action_table(sdk::Document& doc, const std::vector<ActionItem>& items, const Date& as_of,
                      bool with_origin) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : items) {
    std::vector<std::string> row{a.title, a.assignee.empty() ? "—" : a.assignee, due_text(a),
                                 status_text(a, as_of)};
    if (with_origin) row.insert(row.begin() + 1, a.meeting_title);
    rows.push_back(std::move(row));
  }
  std::vector<sdk::TableColumn> cols{{"内容", 4}, {"担当", 1.6}, {"期限", 2}, {"状況", 1.8}};
  if (with_origin) cols.insert(cols.begin() + 1, sdk::TableColumn{"決定した会議", 2.4});
  doc.table(cols, rows);
}

std::string vote_sentence(const AgendaItem& item) {
  if (!item.result) return {};  // a report (報告事項) is not voted on
  if (*item.result == VoteResult::Continued) return "審議の結果、継続審議とした。";
  if (!item.votes) return std::string("審議の結果、") + label_ja(*item.result) + "した。";
  const Votes& v = *item.votes;
  return "採決の結果、賛成" + std::to_string(v.in_favour) + "、反対" + std::to_string(v.against) + "、棄権" +
         std::to_string(v.abstain) + "で" + (*item.result == VoteResult::Approved ? "原案のとおり" : "") +
         label_ja(*item.result) + "した。";
}

// Who was elected, from the members plugin's roles of the meeting's 年度 (the 総会 in April elects
// the officers of the 年度 it opens); nothing without the plugin or roles — the item's notes
// then carry the names as typed.
void add_elected(sdk::Document& doc, sdk::Database& db, sdk::MemberDirectory* members, const Meeting& m,
                 const AgendaItem& item) {
  if (const auto elected = proposals(db, m.id, item.number); !elected.empty()) {  // 役員改選 with its rows
    std::vector<std::vector<std::string>> rows;
    for (const auto& q : elected) rows.push_back({q.role, q.name, q.han});
    doc.paragraph("選任された役員（" + sdk::format_fiscal_year_ja(elected.front().fiscal_year) + "）");
    doc.table({{"役職", 1.2}, {"氏名", 2.0}, {"班", 0.8}}, std::move(rows));
    return;
  }
  if (!members || !m.start) return;
  const int year = sdk::fiscal_year(m.start->date);
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : members->officers(db, m.org, year))
    rows.push_back({r.role, r.person.name, r.person.han.empty() ? "" : r.person.han});
  if (rows.empty()) return;
  doc.paragraph("選任された役員（" + sdk::format_fiscal_year_ja(year) + "）");
  doc.table({{"役職", 1.2}, {"氏名", 2.0}, {"班", 0.8}}, std::move(rows));
}

void add_items(sdk::Document& doc, sdk::Database& db, sdk::MemberDirectory* members, const Meeting& m) {
  doc.heading(m.has_votes ? "議事（審議の経過と議決）" : "議事（報告と協議の経過）");
  auto items = agenda(db, m.id);
  if (items.empty()) doc.paragraph("議案なし");
  for (const auto& item : items) {
    doc.subheading("第" + std::to_string(item.number) + "号議案　" + item.title);
    if (!item.discussion.empty()) doc.paragraph(item.discussion);
    if (!m.has_votes) continue;  // a kind without 議決権 (班長会 that reports) prints no 議決
    if (auto sentence = vote_sentence(item); !sentence.empty()) doc.paragraph(sentence);
    if (elects_officers(item.title) && item.result == VoteResult::Approved)
      add_elected(doc, db, members, m, item);
  }
}

void add_signatures(sdk::Document& doc, sdk::Database& db, const Meeting& m) {
  doc.space(6);
  doc.paragraph("以上の議事の経過及び結果を明確にするため、議長及び議事録署名人が次に署名する。");
  doc.paragraph(sdk::format_wareki(m.start_at().date), sdk::Align::Right);
  std::vector<std::string> labels{"議長" + (m.chair.empty() ? std::string() : "　" + m.chair)};
  auto signers = signatories(db, m.id);
  for (std::size_t i = 0; i < 2; ++i)
    labels.push_back("議事録署名人" + (i < signers.size() ? "　" + signers[i].name : std::string()));
  doc.signatures(labels);
  if (m.state == MinutesState::Approved && m.approved_at)
    if (auto at = find_meeting(db, *m.approved_at))
      doc.paragraph("この議事録は" + (at->start ? sdk::format_wareki(at->start->date) : sdk::kDateUnknown) +
                    "の" + at->title + "において承認された。");
}

}  // namespace

std::string meeting_when(const Meeting& m) {
  if (!m.start || !m.end) return sdk::kDateUnknown;
  const DateTime& start = *m.start;
  const DateTime& end = *m.end;
  std::string s = sdk::format_wareki(start.date) + "（" + weekday_ja(start.date) + "） " + hm(start) + "〜";
  if (end.date != start.date) s += sdk::format_wareki(end.date) + " ";
  return s + hm(end) + "（西暦 " + seireki(start.date) + "）";
}

std::string attendance_summary(sdk::Database& db, const Meeting& m) {
  int guests = 0;
  for (const auto& a : attendees(db, m.id)) guests += a.kind == AttendeeKind::Guest;
  std::string s;
  if (m.general_assembly) {
    int proxies = 0, written = 0;
    for (const auto& v : absent_votes(db, m.id)) ++(v.kind == AbsentVoteKind::Proxy ? proxies : written);
    const int unlisted = unlisted_count(db, m.id);
    s = "出席" + std::to_string(households_present(db, m.id) + unlisted) + "世帯" +
        (unlisted > 0 ? "（名簿外" + std::to_string(unlisted) + "世帯を含む）" : "") + "、委任状" +
        std::to_string(proxies) + "世帯、議決権行使書" + std::to_string(written) + "世帯";
  } else {
    s = "出席" + std::to_string(members_present(db, m.id)) + "名";
  }
  return guests ? s + "、来賓・職員" + std::to_string(guests) + "名" : s;
}

sdk::Document minutes_document(sdk::Database& db, sdk::OrganizationDirectory& orgs,
                               sdk::MemberDirectory* members, MeetingId id) {
  const Meeting m = get_meeting(db, id);
  m.start_at(), m.end_at();  // minutes need their date: InputError with how to set it when unknown
  const std::string org = orgs.name(db, m.org);
  sdk::Document doc(m.title + " 議事録");
  doc.footer(org + "　" + m.title + " 議事録");
  doc.title(m.title + " 議事録" + (m.state == MinutesState::Draft ? "（案）" : ""));
  doc.paragraph(org, sdk::Align::Right);
  doc.fields({{"日時", meeting_when(m)},
              {"場所", m.place.empty() ? "—" : m.place},
              {"議長", m.chair.empty() ? "—" : m.chair},
              {"書記", m.recorder.empty() ? "—" : m.recorder},
              {"出席者", attendance_summary(db, m)}});
  add_quorum(doc, db, members, m);
  add_attendance(doc, db, m);
  if (auto carried = carried_actions(db, id); !carried.empty()) {
    doc.heading("前回からの継続事項");
    add_action_table(doc, carried, m.start->date, true);
  }
  add_items(doc, db, members, m);
  if (auto decided = actions_of(db, id); !decided.empty()) {
    doc.heading("決定事項・今後の対応");
    add_action_table(doc, decided, m.start->date, false);
  }
  add_signatures(doc, db, m);
  return doc;
}

sdk::Document events_document(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                              int fiscal_year) {
  const std::string name = orgs.name(db, org);
  const std::string title = sdk::format_fiscal_year_ja(fiscal_year) + " 行事一覧";
  sdk::Document doc(title);
  doc.landscape().footer(name + "　" + title);
  doc.title(title);
  doc.paragraph(name + "　（" + sdk::format_wareki({fiscal_year, 4, 1}) + "〜" +
                    sdk::format_wareki({fiscal_year + 1, 3, 31}) + "）",
                sdk::Align::Right);
  std::vector<std::vector<std::string>> rows;
  int n = 0;
  for (const auto& m : list_meetings(db, org, Date{fiscal_year, 4, 1}, Date{fiscal_year + 1, 3, 31})) {
    if (!m.start || !m.end) continue;
    rows.push_back({std::to_string(++n),
                    sdk::format_wareki(m.start->date) + "（" + weekday_ja(m.start->date) + "）",
                    seireki(m.start->date), hm(*m.start) + "〜" + hm(*m.end), m.kind, m.title,
                    m.place.empty() ? "—" : m.place});
  }
  // A meeting whose stored date did not read as one: listed last, so nothing is silently lost.
  for (const auto& m : list_meetings(db, org))
    if (!m.start || !m.end)
      rows.push_back({std::to_string(++n), sdk::kDateUnknown, "", "", m.kind, m.title, m.place});
  if (rows.empty()) {
    doc.paragraph("この年度の会議・行事はまだ登録されていません。");
    return doc;
  }
  doc.table({{"No.", 0.8, sdk::Align::Right},
             {"日付", 3.6},
             {"西暦", 2.6},
             {"時間", 2.2},
             {"種類", 2.2},
             {"名称", 4.6},
             {"場所", 3.6}},
            rows);
  doc.paragraph("全" + std::to_string(rows.size()) + "件。");
  return doc;
}

std::string meetings_ics(sdk::Database& db, const std::vector<Meeting>& meetings,
                         const std::string& calendar_name) {
  sdk::IcalWriter cal(calendar_name);
  for (const auto& m : meetings) {
    if (!m.start || !m.end) continue;  // a meeting whose stored date is not one has no place in a calendar
    sdk::IcalEvent e;
    e.uid = "minutes-" + std::to_string(m.id) + "@wasshoi";
    e.start = *m.start;
    e.end = *m.end;
    e.summary = m.title;
    e.location = m.place;
    std::vector<std::string> lines{m.kind + (m.chair.empty() ? "" : "（議長 " + m.chair + "）")};
    for (const auto& item : agenda(db, m.id))
      lines.push_back("第" + std::to_string(item.number) + "号議案 " + item.title);
    e.description = join(lines, "\n");
    e.status = "CONFIRMED";
    e.categories = {m.kind};
    cal.add(e);
  }
  return cal.str();
}

}  // namespace wasshoi::minutes
