#include "cli/json_shapes.hpp"

namespace wasshoi::members::cli {

namespace {

nlohmann::json date_json(const std::optional<Date>& d) {
  return d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr);
}
template <typename T>
nlohmann::json optional_json(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json to_json(const RosterRow& r) {
  return {{"id", r.person},
          {"household_id", r.household},
          {"name", r.name},
          {"reading", r.reading},
          {"relation", r.relation},
          {"head", r.head},
          {"han", r.han},
          {"address", r.address},
          {"phone", r.phone},
          {"people", r.people},
          {"joined", date_json(r.joined)},
          {"left", date_json(r.left)},
          {"needs_support", r.needs_support},
          {"roles", r.roles}};
}

nlohmann::json to_json(const Person& p) {
  return {{"id", p.id},
          {"household_id", p.household},
          {"name", p.data.name},
          {"reading", p.data.reading},
          {"relation", p.data.relation},
          {"head", p.data.head},
          {"birth_year", optional_json(p.data.birth_year)},
          {"needs_support", p.data.needs_support},
          {"helper_id", optional_json(p.data.helper)},
          {"support_note", p.data.support_note}};
}

nlohmann::json to_json(const Household& h, const std::vector<Person>& persons) {
  nlohmann::json people = nlohmann::json::array();
  for (const auto& p : persons) people.push_back(to_json(p));
  return {{"id", h.id},
          {"org_id", h.org},
          {"head_name", h.head_name},
          {"han", h.han_name},
          {"han_id", optional_json(h.data.han)},
          {"address", h.data.address},
          {"phone", h.data.phone},
          {"people", h.data.people},
          {"joined", date_json(h.data.joined)},
          {"left", date_json(h.data.left)},
          {"current", h.current()},
          {"notes", h.data.notes},
          {"persons", people}};
}

nlohmann::json to_json(const ImportSummary& s, const ImportPlan& plan) {
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& p : s.skipped) skipped.push_back({{"line", p.line}, {"message", p.message}});
  nlohmann::json columns = nlohmann::json::object();
  for (std::size_t i = 0; i < plan.columns.headers.size(); ++i)
    columns[plan.columns.headers[i]] = field_name(plan.columns.fields[i]);
  return {{"dry_run", s.dry_run},
          {"encoding", sdk::encoding_name(plan.encoding)},
          {"rows", plan.data_rows},
          {"households", s.households},
          {"persons", s.persons},
          {"created_han", s.created_han},
          {"columns", columns},
          {"skipped", skipped},
          {"dropped_lines", s.dropped_lines}};
}

nlohmann::json to_json(const RoleAssignment& a) {
  return {{"id", a.id},
          {"fiscal_year", a.fiscal_year},
          {"role", a.role},
          {"role_id", a.kind},
          {"person_id", a.person},
          {"name", a.person_name},
          {"household_id", a.household},
          {"han", a.han_name}};
}

nlohmann::json to_json(const DuesLine& l, int fiscal_year) {
  return {{"id", l.household},
          {"household_id", l.household},
          {"fiscal_year", fiscal_year},
          {"head_name", l.head_name},
          {"han", l.han},
          {"address", l.address},
          {"due", l.due},
          {"paid", l.paid},
          {"settled", l.settled()},
          {"last_paid", date_json(l.last_paid)},
          {"collected_by", l.collected_by},
          {"out_of_range", l.out_of_range},
          {"year_due", l.year_due},
          {"own_amount", l.own_amount},
          {"exempt", l.exempt()},
          {"exemption", l.exemption == Exemption::Full      ? "full"
                        : l.exemption == Exemption::Partial ? "partial"
                                                            : ""},
          {"exemption_reason", l.exemption_reason}};
}

nlohmann::json to_json(const PaymentRecord& p) {
  return {{"id", p.id},
          {"household_id", p.household},
          {"fiscal_year", p.fiscal_year},
          {"amount", p.amount},
          {"paid_on", date_json(p.paid_on)},
          {"collected_by", p.collected_by},
          {"reverses", p.reverses ? nlohmann::json(*p.reverses) : nlohmann::json(nullptr)},
          {"reversed", p.reversed},
          {"reason", p.reason}};
}

nlohmann::json to_json(const CollectionRate& r) {
  return {{"han", r.total ? nlohmann::json(nullptr) : nlohmann::json(r.han)},
          {"total", r.total},
          {"households", r.households},
          {"settled", r.settled},
          {"exempt", r.exempt},
          {"expected", r.expected},
          {"collected", r.collected},
          {"out_of_range", r.out_of_range},
          {"rate", r.rate()}};
}

nlohmann::json to_json(const SafetyEntry& e) {
  return {{"id", e.person},
          {"household_id", e.household},
          {"name", e.name},
          {"reading", e.reading},
          {"han", e.han},
          {"address", e.address},
          {"phone", e.phone},
          {"note", e.note},
          {"birth_year", optional_json(e.birth_year)},
          {"helper_id", optional_json(e.helper)},
          {"helper_name", e.helper_name},
          {"helper_phone", e.helper_phone}};
}

}  // namespace wasshoi::members::cli
