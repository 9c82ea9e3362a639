#pragma once
// The proposal store: create a 要望書, fill its three sections, link the issues behind it, attach
// photos or a map. Every write is one audited transaction; bad input throws InputError and writes
// nothing. Sections can be edited while the proposal is 作成中 or 承認済; once submitted, what the
// city received is frozen.
#include <filesystem>
#include <wasshoi/sdk/issue_tracker.hpp>

#include "core/model.hpp"

namespace wasshoi::proposals {

struct NewProposal {
  OrgId org = 0;
  std::string title;
  Kind kind = Kind::Request;
  Addressee addressee = Addressee::Mayor;
  OrgId addressee_org = 0;  // 0 with 市長: the only city in the database
  std::string addressee_person;
  std::string place;
  sdk::Date created_on = sdk::today();
};

ProposalId add_proposal(sdk::Database& db, sdk::OrganizationDirectory& orgs, const NewProposal& p);
std::optional<Proposal> find_proposal(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id);
Proposal get_proposal(sdk::Database& db, sdk::OrganizationDirectory& orgs,
                      ProposalId id);  // InputError "no proposal with id N"

// The header as the editor and `proposals edit` change it; checked like add_proposal.
struct HeaderEdit {
  std::string title;
  Kind kind = Kind::Request;
  Addressee addressee = Addressee::Mayor;
  OrgId addressee_org = 0;  // 0 with 市長: the only city in the database
  std::string addressee_person;
  std::string place;
  std::string doc_number;  // 文書番号
  std::string contact_name, contact_phone;
  std::optional<sdk::Date> reply_by;  // 回答期限
};
HeaderEdit header_of(const Proposal& p);
void update_header(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id, const HeaderEdit& h);
// Title, place, addressee person only (kind and addressee stay).
void update_header(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id,
                   const std::string& title, const std::string& place, const std::string& addressee_person);

std::int64_t add_gathering(sdk::Database& db, ProposalId id, const Gathering& g);
std::int64_t add_history(sdk::Database& db, ProposalId id, const HistoryEntry& h);
std::int64_t add_action(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id, const Action& a);
void remove_entry(sdk::Database& db, ProposalId id, Section section, std::int64_t entry_id);

// Links a local issue (地域課題) through the issues plugin; its title is kept for printing.
void link_issue(sdk::Database& db, ProposalId id, sdk::IssueTracker* tracker, std::int64_t issue_id);

// A photo or map image (kind "photo" / "map"), a PNG of at most kMaxAttachmentBytes: anything
// else is refused naming the file, since the 要望書 prints it.
std::int64_t add_attachment(sdk::Database& db, ProposalId id, const std::string& kind,
                            const std::string& name, const std::string& caption, const sdk::Blob& data);
// The same reading the image from a file; InputError naming the file when it cannot be read.
std::int64_t add_attachment_file(sdk::Database& db, ProposalId id, const std::string& kind,
                                 const std::filesystem::path& file, const std::string& caption);
sdk::Blob attachment_data(sdk::Database& db, std::int64_t attachment_id);
// Removes one picture (e.g. the wrong photo) and returns what it was. Like the sections, only
// while the proposal can be edited: the pictures the city received stay with the letter.
// InputError naming the proposal and the attachment when it is not one of this proposal's.
Attachment remove_attachment(sdk::Database& db, ProposalId id, std::int64_t attachment_id);

// Proposals of `org` (and, for a 地域協働体, of its 自治会), newest first. `fiscal_year` 0: all;
// otherwise those raised in that 年度 or carried over into it (継続案件).
std::vector<ProposalSummary> list_proposals(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                            int fiscal_year = 0);

// The addressee as printed: 一関市長, 一関市千厩支所長, 一関市建設部道路課長.
std::string addressee_title(sdk::Database& db, sdk::OrganizationDirectory& orgs, Addressee a,
                            OrgId addressee_org);
std::string department_title(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId department);

}  // namespace wasshoi::proposals
