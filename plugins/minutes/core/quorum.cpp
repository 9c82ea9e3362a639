#include "core/quorum.hpp"

#include "core/attendance.hpp"
#include "core/reception.hpp"

namespace wasshoi::minutes {

QuorumRule quorum_rule(sdk::Database& db, OrgId org) {
  sdk::Statement st(db,
                    "SELECT numerator, denominator, strictly_more, count_proxies, count_written "
                    "FROM minutes_quorum_rules WHERE org_id = ?");
  st.bind(1, org);
  if (!st.step()) return QuorumRule{};
  return {static_cast<int>(st.get_int(0)), static_cast<int>(st.get_int(1)), st.get_int(2) != 0,
          st.get_int(3) != 0, st.get_int(4) != 0};
}

void set_quorum_rule(sdk::Database& db, OrgId org, const QuorumRule& r) {
  if (r.numerator <= 0 || r.denominator <= 0 || r.numerator > r.denominator)
    throw sdk::InputError(
        "a quorum is a fraction of the member households between 0 and 1, e.g. 1/2 or 2/3; got " +
        std::to_string(r.numerator) + "/" + std::to_string(r.denominator));
  sdk::Transaction tx(db, "minutes.quorum_rule", describe(quorum_rule(db, org)) + " → " + describe(r));
  sdk::Statement(
      db,
      "INSERT INTO minutes_quorum_rules(org_id, numerator, denominator, strictly_more, count_proxies, "
      "count_written) VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(org_id) DO UPDATE SET "
      "numerator = excluded.numerator, denominator = excluded.denominator, "
      "strictly_more = excluded.strictly_more, count_proxies = excluded.count_proxies, "
      "count_written = excluded.count_written")
      .bind_all(org, r.numerator, r.denominator, r.strictly_more ? 1 : 0, r.count_proxies ? 1 : 0,
                r.count_written ? 1 : 0)
      .run();
  tx.commit();
}

void set_quorum_rule(sdk::Context& ctx, OrgId org, const QuorumRule& rule) {
  ctx.require(sdk::Act::OrgSettings, org);
  set_quorum_rule(ctx.db(), org, rule);
}

std::string describe(const QuorumRule& r) {
  std::string s = "会員世帯の";
  if (r.numerator * 2 == r.denominator && r.strictly_more)
    s += "過半数";
  else if (r.numerator == r.denominator)
    s += "全数";
  else
    s += std::to_string(r.denominator) + "分の" + std::to_string(r.numerator) +
         (r.strictly_more ? "超" : "以上");
  if (r.count_proxies && r.count_written)
    s += "（委任状・議決権行使書を含む）";
  else if (r.count_proxies)
    s += "（委任状を含む）";
  else if (r.count_written)
    s += "（議決権行使書を含む）";
  return s;
}

int required_count(const QuorumRule& r, int base) {
  // counted * d > base * n (more than), or counted * d >= base * n (at least)
  const long long need = static_cast<long long>(base) * r.numerator;
  long long k = need / r.denominator;
  if (r.strictly_more) return static_cast<int>(k + 1);
  if (k * r.denominator < need) ++k;
  return static_cast<int>(k);
}

QuorumStatus quorum(sdk::Database& db, sdk::MemberDirectory& members, const Meeting& meeting) {
  QuorumStatus q;
  q.rule = quorum_rule(db, meeting.org);
  q.applies = meeting.general_assembly;
  q.base = members.member_household_count(db, meeting.org, meeting.start_at().date);
  q.unlisted = unlisted_count(db, meeting.id);
  q.present = households_present(db, meeting.id) + q.unlisted;
  for (const auto& v : absent_votes(db, meeting.id))
    ++(v.kind == AbsentVoteKind::Proxy ? q.proxies : q.written);
  q.counted = q.present + (q.rule.count_proxies ? q.proxies : 0) + (q.rule.count_written ? q.written : 0);
  q.required = required_count(q.rule, q.base);
  q.quorate = q.base > 0 && q.counted >= q.required;
  return q;
}

std::string quorum_statement(const QuorumStatus& q, const std::string& kind) {
  std::string s = "会員世帯数" + std::to_string(q.base) + "世帯のうち、出席" + std::to_string(q.present) +
                  "世帯" + (q.unlisted > 0 ? "（名簿外" + std::to_string(q.unlisted) + "世帯を含む）" : "") +
                  "、委任状" + std::to_string(q.proxies) + "世帯、議決権行使書" + std::to_string(q.written) +
                  "世帯、計" + std::to_string(q.counted) + "世帯で、定足数" + std::to_string(q.required) +
                  "世帯（" + describe(q.rule) + "）を";
  if (q.quorate) return s + "満たしており、本" + kind + "は成立した。";
  return s + "満たしておらず、本" + kind + "は定足数に達していない（不成立）。";
}

}  // namespace wasshoi::minutes
