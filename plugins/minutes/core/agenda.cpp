#include "core/agenda.hpp"

#include <wasshoi/sdk/input.hpp>

#include "core/attendance.hpp"
#include "core/elections.hpp"
#include "core/meetings.hpp"

namespace wasshoi::minutes {

namespace {

AgendaItem read_item(const sdk::Statement& st) {
  AgendaItem a;
  a.id = st.get_int(0);
  a.meeting = st.get_int(1);
  a.number = static_cast<int>(st.get_int(2));
  a.title = st.get_text(3);
  a.discussion = st.get_text(4);
  if (!st.is_null(5))
    a.votes = Votes{static_cast<int>(st.get_int(5)), static_cast<int>(st.get_int(6)),
                    static_cast<int>(st.get_int(7))};
  if (auto r = st.get_optional_text(8)) a.result = parse_result(*r);
  return a;
}

constexpr const char* kSelectItem =
    "SELECT id, meeting_id, number, title, discussion, votes_for, votes_against, votes_abstain, result "
    "FROM minutes_items ";

void check_votes(sdk::Database& db, const Meeting& m, int number, const Votes& v) {
  if (!m.has_votes)
    throw sdk::InputError("no votes are taken at a " + m.kind + " (this kind of meeting has no 議決権; " +
                          "会議の設定 can change that): nothing recorded for " + item_name(m.id, number));
  if (v.in_favour < 0 || v.against < 0 || v.abstain < 0)
    throw sdk::InputError("vote counts cannot be negative (" + item_name(m.id, number) + ")");
  const int may_vote = voters(db, m);
  if (v.total() > may_vote) {
    std::string who =
        m.general_assembly ? " (households present + 委任状 + 議決権行使書)" : " (members present)";
    throw sdk::InputError("votes for " + item_name(m.id, number) + " add up to " + std::to_string(v.total()) +
                          " (" + std::to_string(v.in_favour) + " for, " + std::to_string(v.against) +
                          " against, " + std::to_string(v.abstain) + " abstaining) but only " +
                          std::to_string(may_vote) + " may vote" + who);
  }
}

// Inside the caller's transaction: the notes, then the 議決 rule.
// Returns what an approved 役員改選 wrote into the roster (elections.hpp), for the audit detail.
std::string apply_outcome(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& o,
                          sdk::MemberDirectory* members) {
  // Before anything: a negative count is never valid, also where it adds up to 0 (read as no count).
  if (o.votes && (o.votes->in_favour < 0 || o.votes->against < 0 || o.votes->abstain < 0))
    throw sdk::InputError("vote counts cannot be negative (" + item_name(meeting, number) + ")");
  if ((o.result || o.votes) && !get_meeting(db, meeting).has_votes)
    check_votes(db, get_meeting(db, meeting), number, Votes{});  // refuses, naming the kind
  if (o.discussion) set_discussion(db, meeting, number, *o.discussion);
  const int counted = o.votes ? o.votes->total() : 0;
  if (o.result == VoteResult::Continued && counted == 0)
    continue_item(db, meeting, number);
  else if (o.result || o.votes)
    record_vote(db, meeting, number, o.votes.value_or(Votes{}), o.result);
  if (!o.result && !o.votes) return {};
  return apply_election(db, members, meeting, number);
}

std::string with(const std::string& detail, const std::string& election) {
  return election.empty() ? detail : detail + "; " + election;
}

}  // namespace

const char* to_string(VoteResult r) {
  switch (r) {
    case VoteResult::Rejected:
      return "rejected";
    case VoteResult::Continued:
      return "continued";
    default:
      return "approved";
  }
}

const char* label_ja(VoteResult r) {
  switch (r) {
    case VoteResult::Rejected:
      return "否決";
    case VoteResult::Continued:
      return "継続審議";
    default:
      return "可決";
  }
}

std::optional<VoteResult> parse_result(std::string_view t) {
  if (t == "approved" || t == "可決") return VoteResult::Approved;
  if (t == "rejected" || t == "否決") return VoteResult::Rejected;
  if (t == "continued" || t == "継続審議" || t == "継続") return VoteResult::Continued;
  return std::nullopt;
}

ItemId add_item(sdk::Database& db, MeetingId meeting, const std::string& title,
                const std::string& discussion) {
  const std::string t = sdk::trim(title);
  if (t.empty()) throw sdk::InputError("an agenda item (議案) needs a title");
  sdk::check_text(sdk::TextKind::Line, "title", t);
  sdk::check_text(sdk::TextKind::Note, "discussion", discussion);
  sdk::Transaction tx(db, "minutes.item_add", "meeting " + std::to_string(meeting) + ": " + t);
  begin_edit(db, meeting);
  sdk::Statement(db,
                 "INSERT INTO minutes_items(meeting_id, number, title, discussion) VALUES(?1, "
                 "(SELECT coalesce(max(number), 0) + 1 FROM minutes_items WHERE meeting_id = ?1), ?2, ?3)")
      .bind_all(meeting, t, discussion)
      .run();
  const ItemId id = db.last_insert_id();
  tx.commit();
  return id;
}

std::vector<AgendaItem> agenda(sdk::Database& db, MeetingId meeting) {
  sdk::Statement st(db, std::string(kSelectItem) + "WHERE meeting_id = ? ORDER BY number");
  st.bind(1, meeting);
  std::vector<AgendaItem> out;
  while (st.step()) out.push_back(read_item(st));
  return out;
}

AgendaItem get_item(sdk::Database& db, MeetingId meeting, int number) {
  sdk::Statement st(db, std::string(kSelectItem) + "WHERE meeting_id = ? AND number = ?");
  st.bind_all(meeting, number);
  if (!st.step()) {
    get_meeting(db, meeting);  // names an unknown meeting first
    throw sdk::InputError("no " + item_name(meeting, number));
  }
  return read_item(st);
}

void set_discussion(sdk::Database& db, MeetingId meeting, int number, const std::string& discussion) {
  sdk::check_text(sdk::TextKind::Note, "discussion", discussion);
  sdk::Transaction tx(db, "minutes.discussion", item_name(meeting, number));
  begin_edit(db, meeting);
  const AgendaItem item = get_item(db, meeting, number);
  sdk::Statement(db, "UPDATE minutes_items SET discussion = ? WHERE id = ?")
      .bind_all(discussion, item.id)
      .run();
  tx.commit();
}

VoteResult record_vote(sdk::Database& db, MeetingId meeting, int number, const Votes& v,
                       std::optional<VoteResult> result) {
  sdk::Transaction tx(db, "minutes.vote", item_name(meeting, number));
  const Meeting m = begin_edit(db, meeting);
  const AgendaItem item = get_item(db, meeting, number);
  check_votes(db, m, number, v);
  const VoteResult r =
      result ? *result : (v.in_favour * 2 > v.total() ? VoteResult::Approved : VoteResult::Rejected);
  tx.set_detail(item_name(meeting, number) + ": " + std::to_string(v.in_favour) + "/" +
                std::to_string(v.against) + "/" + std::to_string(v.abstain) + " " + to_string(r));
  sdk::Statement(
      db,
      "UPDATE minutes_items SET votes_for = ?, votes_against = ?, votes_abstain = ?, result = ? WHERE id = ?")
      .bind_all(v.in_favour, v.against, v.abstain, to_string(r), item.id)
      .run();
  tx.commit();
  return r;
}

void continue_item(sdk::Database& db, MeetingId meeting, int number) {
  sdk::Transaction tx(db, "minutes.vote", item_name(meeting, number) + ": continued");
  begin_edit(db, meeting);
  const AgendaItem item = get_item(db, meeting, number);
  sdk::Statement(db,
                 "UPDATE minutes_items SET votes_for = NULL, votes_against = NULL, votes_abstain = NULL, "
                 "result = 'continued' WHERE id = ?")
      .bind(1, item.id)
      .run();
  tx.commit();
}

void edit_item(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome,
               sdk::MemberDirectory* members) {
  sdk::Transaction tx(db, "minutes.item_edit");
  const std::string title = get_item(db, meeting, number).title;
  tx.set_detail(with(title, apply_outcome(db, meeting, number, outcome, members)));
  tx.commit();
}

void vote_item(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome,
               sdk::MemberDirectory* members) {
  sdk::Transaction tx(db, "minutes.vote", "meeting " + std::to_string(meeting));
  tx.set_detail(
      with("meeting " + std::to_string(meeting), apply_outcome(db, meeting, number, outcome, members)));
  tx.commit();
}

void edit_item(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome) {
  edit_item(db, meeting, number, outcome, nullptr);
}

void vote_item(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome) {
  vote_item(db, meeting, number, outcome, nullptr);
}

void correct_vote(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome,
                  const std::string& reason) {
  correct_vote(db, meeting, number, outcome, reason, nullptr);
}

std::string describe_vote(const AgendaItem& item) {
  std::string s;
  if (item.votes)
    s = "賛成" + std::to_string(item.votes->in_favour) + " 反対" + std::to_string(item.votes->against) +
        " 棄権" + std::to_string(item.votes->abstain);
  if (item.result) s += std::string(s.empty() ? "" : " ") + label_ja(*item.result);
  return s;
}

void correct_vote(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome,
                  const std::string& reason, sdk::MemberDirectory* members) {
  const std::string why = sdk::trim(reason);
  if (why.empty()) throw sdk::InputError("correcting a 議決 needs a reason, which is kept in the log");
  sdk::check_text(sdk::TextKind::Note, "reason", why);
  sdk::Transaction tx(db, "minutes.vote_correct");
  const AgendaItem before = get_item(db, meeting, number);
  if (!before.votes && !before.result)
    throw sdk::InputError("no 議決 is recorded for " + item_name(meeting, number) +
                          " yet: record it first (nothing to correct)");
  if (!outcome.votes && !outcome.result)
    throw sdk::InputError("give the corrected counts or result of " + item_name(meeting, number));
  const std::string election = apply_outcome(db, meeting, number, outcome, members);
  const AgendaItem after = get_item(db, meeting, number);
  const std::string was = describe_vote(before), now = describe_vote(after);
  if (was == now)
    throw sdk::InputError("the 議決 of " + item_name(meeting, number) + " is " + was + " already");
  tx.set_detail(with(item_name(meeting, number) + ": " + was + " → " + now + ": " + why, election));
  tx.commit();
}

ItemId add_items(sdk::Database& db, MeetingId meeting, const std::string& title,
                 const std::string& discussion, bool from_template) {
  if (title.empty() && !from_template) throw sdk::InputError("give the 議案's TITLE or --template");
  sdk::Transaction tx(db, "minutes.item_add", "meeting " + std::to_string(meeting));
  get_meeting(db, meeting);
  if (from_template) apply_template(db, meeting);
  ItemId id = 0;
  if (!title.empty()) id = add_item(db, meeting, title, discussion);
  tx.commit();
  return id;
}

std::vector<std::string> standard_template(const std::string& kind) {
  if (kind == "総会")
    return {"{前年度} 事業報告について",     "{前年度} 収支決算報告について", "{前年度} 会計監査報告について",
            "{年度} 事業計画（案）について", "{年度} 収支予算（案）について", "役員の選任について"};
  if (kind == "臨時総会") return {"（議案名）"};
  if (kind == "役員会") return {"前回議事録の承認について", "報告事項", "協議事項", "今後の行事予定について"};
  if (kind == "班長会") return {"回覧・配布物について", "各班からの報告", "行事への協力依頼について"};
  return {};
}

std::vector<std::string> template_items(sdk::Database& db, OrgId org, const std::string& kind) {
  sdk::Statement st(db,
                    "SELECT items FROM minutes_templates WHERE kind = ? AND (org_id IS NULL OR org_id = ?) "
                    "ORDER BY org_id IS NULL LIMIT 1");
  st.bind_all(kind, org);
  std::vector<std::string> out;
  if (!st.step()) return out;
  const std::string text = st.get_text(0);
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t nl = text.find('\n', from);
    if (nl == std::string::npos) nl = text.size();
    if (nl > from) out.push_back(text.substr(from, nl - from));
    from = nl + 1;
  }
  return out;
}

std::vector<std::string> agenda_template(sdk::Database& db, OrgId org, const std::string& kind, int fy) {
  const std::string last = sdk::format_fiscal_year_ja(fy - 1);
  const std::string year = sdk::format_fiscal_year_ja(fy);
  auto out = template_items(db, org, kind);
  for (auto& t : out) {
    for (auto [key, value] : {std::pair<std::string, std::string>{"{前年度}", last}, {"{年度}", year}})
      for (auto at = t.find(key); at != std::string::npos; at = t.find(key, at + value.size()))
        t.replace(at, key.size(), value);
  }
  return out;
}

void set_template(sdk::Context& ctx, OrgId org, const std::string& kind,
                  const std::vector<std::string>& items) {
  ctx.require(sdk::Act::OrgSettings, org);
  auto& db = ctx.db();
  const MeetingKind k = find_kind(db, org, kind);
  std::string joined, shown;
  int n = 0;
  for (const auto& raw : items) {
    ++n;
    const std::string t = sdk::trim(raw);
    if (t.empty())
      throw sdk::InputError("item " + std::to_string(n) + " of the " + k.name +
                            " template is blank: give it a name or remove it");
    sdk::check_text(sdk::TextKind::Line, "template item", t);
    joined += (joined.empty() ? "" : "\n") + t;
    shown += (shown.empty() ? "" : "、") + t;
  }
  sdk::Transaction tx(db, "minutes.template_edit", k.name + ": " + (shown.empty() ? "（なし）" : shown));
  sdk::Statement(db, "DELETE FROM minutes_templates WHERE org_id = ? AND kind = ?")
      .bind_all(org, k.name)
      .run();
  sdk::Statement(db, "INSERT INTO minutes_templates(org_id, kind, items) VALUES(?, ?, ?)")
      .bind_all(org, k.name, joined)
      .run();
  tx.commit();
}

int apply_template(sdk::Database& db, MeetingId meeting) {
  const Meeting m = get_meeting(db, meeting);
  const auto titles = agenda_template(db, m.org, m.kind, sdk::fiscal_year(m.start_at().date));
  sdk::Transaction tx(db, "minutes.template", m.kind + " template for meeting " + std::to_string(meeting));
  for (const auto& t : titles) add_item(db, meeting, t);
  tx.commit();
  return static_cast<int>(titles.size());
}

std::string item_name(MeetingId meeting, int number) {
  return "第" + std::to_string(number) + "号議案 of meeting " + std::to_string(meeting);
}

}  // namespace wasshoi::minutes
