#include "core/proposals.hpp"

#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/orgs.hpp"
#include "core/stored_fields.hpp"

namespace wasshoi::proposals {

namespace {

OrgId resolve_addressee(sdk::Database& db, sdk::OrganizationDirectory& orgs, Addressee a, OrgId org) {
  if (org == 0) {
    auto bodies = orgs.of_kind(db, sdk::OrgKind::City);  // the city itself first
    if (a != Addressee::Mayor || bodies.empty() || bodies.front().parent)
      throw sdk::InputError(std::string("addressee ") + label(a) +
                            ": give the city body (--to ORG, an organization of kind city)");
    return bodies.front().id;
  }
  const sdk::OrgRef body = orgs.get(db, org);
  if (body.kind != sdk::OrgKind::City)
    throw sdk::InputError("addressee: " + body.name + " (org " + std::to_string(org) +
                          ") is not a city body (kind city)");
  if (a == Addressee::Mayor && body.parent)
    throw sdk::InputError("addressee 市長: give the city itself, not " + body.name);
  if (a != Addressee::Mayor && !body.parent)
    throw sdk::InputError(std::string("addressee ") + label(a) + ": give a 支所 or 担当課 of " + body.name +
                          ", not the city itself");
  return org;
}

void check_author(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org) {
  const sdk::OrgRef o = orgs.get(db, org);
  if (o.kind == sdk::OrgKind::City)
    throw sdk::InputError("organization " + o.name + " is a city body: it receives proposals");
}

std::string with_city(sdk::Database& db, sdk::OrganizationDirectory& orgs, const sdk::OrgRef& body) {
  const sdk::OrgRef city = city_of(db, orgs, body);
  if (city.id == body.id || body.name.starts_with(city.name)) return body.name;
  return city.name + body.name;
}

std::string search_text(const NewProposal& p) {
  return sdk::fold_for_search(p.title + " " + p.place);
}

}  // namespace

std::string addressee_title(sdk::Database& db, sdk::OrganizationDirectory& orgs, Addressee,
                            OrgId addressee_org) {
  // 市長, 支所長 and 課長 alike: the body's name followed by 長.
  return with_city(db, orgs, orgs.get(db, addressee_org)) + "長";
}

std::string department_title(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId department) {
  return with_city(db, orgs, orgs.get(db, department)) + "長";
}

ProposalId add_proposal(sdk::Database& db, sdk::OrganizationDirectory& orgs, const NewProposal& p) {
  std::string title = sdk::trim(p.title);
  if (title.empty()) throw sdk::InputError("title: the title is empty");
  if (!p.created_on.valid()) throw sdk::InputError("date: not a date");
  sdk::check_date("date", p.created_on);
  sdk::check_text(sdk::TextKind::Line, "title", title);
  sdk::check_text(sdk::TextKind::Name, "addressee", p.addressee_person);
  sdk::check_text(sdk::TextKind::Address, "place", p.place);
  check_author(db, orgs, p.org);
  OrgId to = resolve_addressee(db, orgs, p.addressee, p.addressee_org);
  sdk::Transaction tx(db, "proposals.add", title);
  sdk::Statement(
      db,
      "INSERT INTO proposals_proposals(org_id, title, kind, addressee, addressee_org_id, addressee_person, "
      "place, fiscal_year, created_on, search) VALUES(?,?,?,?,?,?,?,?,?,?)")
      .bind_all(p.org, title, to_string(p.kind), to_string(p.addressee), to, sdk::trim(p.addressee_person),
                sdk::trim(p.place), sdk::fiscal_year(p.created_on), p.created_on, search_text(p))
      .run();
  ProposalId id = db.last_insert_id();
  tx.commit();
  return id;
}

HeaderEdit header_of(const Proposal& p) {
  return {p.title, p.kind,       p.addressee,    p.addressee_org, p.addressee_person,
          p.place, p.doc_number, p.contact_name, p.contact_phone, p.reply_by};
}

void update_header(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id, const HeaderEdit& h) {
  std::string t = sdk::trim(h.title);
  if (t.empty()) throw sdk::InputError("title: the title is empty");
  sdk::check_text(sdk::TextKind::Line, "title", t);
  sdk::check_text(sdk::TextKind::Name, "addressee", h.addressee_person);
  sdk::check_text(sdk::TextKind::Address, "place", h.place);
  sdk::check_text(sdk::TextKind::Line, "document number", h.doc_number);
  sdk::check_text(sdk::TextKind::Name, "contact", h.contact_name);
  sdk::check_text(sdk::TextKind::Line, "contact phone", h.contact_phone);
  if (h.reply_by && !h.reply_by->valid()) throw sdk::InputError("reply by: not a date");
  require_editable(db, id);
  OrgId to = resolve_addressee(db, orgs, h.addressee, h.addressee_org);
  sdk::Transaction tx(db, "proposals.edit", id_text(id));
  sdk::Statement(db,
                 "UPDATE proposals_proposals SET title = ?, kind = ?, addressee = ?, addressee_org_id = ?, "
                 "addressee_person = ?, place = ?, search = ?, doc_number = ?, contact_name = ?, "
                 "contact_phone = ?, reply_by = ? WHERE id = ?")
      .bind_all(t, to_string(h.kind), to_string(h.addressee), to, sdk::trim(h.addressee_person),
                sdk::trim(h.place), sdk::fold_for_search(t + " " + h.place), sdk::trim(h.doc_number),
                sdk::trim(h.contact_name), sdk::trim(h.contact_phone), h.reply_by, id)
      .run();
  tx.commit();
}

void update_header(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id,
                   const std::string& title, const std::string& place, const std::string& addressee_person) {
  HeaderEdit h = header_of(get_proposal(db, orgs, id));
  h.title = title, h.place = place, h.addressee_person = addressee_person;
  update_header(db, orgs, id, h);
}

std::vector<ProposalSummary> list_proposals(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                            int fiscal_year) {
  static constexpr const char* kSql =
      "SELECT p.id, p.org_id, p.title, p.kind, p.addressee, p.addressee_org_id, p.state, "
      "p.fiscal_year, "
      "p.submitted_on, a.category, a.answered_on, a.text, "
      "EXISTS(SELECT 1 FROM proposals_carryovers c WHERE c.proposal_id = p.id) "
      "FROM proposals_proposals p "
      "LEFT JOIN proposals_answers a ON a.proposal_id = p.id "
      "WHERE p.org_id = ?1 AND (?2 = 0 OR p.fiscal_year = ?2 OR EXISTS(SELECT 1 FROM proposals_carryovers c "
      "WHERE c.proposal_id = p.id AND c.fiscal_year = ?2)) ORDER BY p.fiscal_year DESC, p.id DESC";
  std::vector<ProposalSummary> out;
  for (OrgId o : org_scope(db, orgs, org)) {
    const std::string org_name = orgs.name(db, o);  // one organization per query: its name once
    sdk::Statement st(db, kSql);
    st.bind_all(o, fiscal_year);
    while (st.step()) {
      ProposalSummary s{st.get_int(0), st.get_int(1), org_name, st.get_text(2), parse_kind(st.get_text(3))};
      s.addressee = addressee_title(db, orgs, parse_addressee(st.get_text(4)), st.get_int(5));
      s.state = parse_state(st.get_text(6));
      s.fiscal_year = static_cast<int>(st.get_int(7));
      s.submitted_on = st.get_date(8);  // empty also for a stored date that is not one (db.hpp)
      if (!st.is_null(9)) s.answer = parse_answer_category(st.get_text(9));
      s.answered_on = st.get_date(10);
      s.answer_text = st.is_null(11) ? "" : st.get_text(11);
      s.continuing = st.get_int(12) != 0 || s.state == State::Continuing;
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace wasshoi::proposals
