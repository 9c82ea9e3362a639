#pragma once
// The 懇談会 list: the issues chosen by status, category and period, grouped by category and
// ordered by support then priority, for a まちづくり懇談会. It carries no personal data: no
// reporter, no phone number, nothing that tells who raised an anonymous issue.
#include <wasshoi/sdk/csv.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::issues {

struct AgendaRow {
  IssueId id = 0;
  std::string title;
  std::string summary;    // the description
  std::string place;      // place and landmark
  std::string raised_in;  // 自治会 (several after a merge across them)
  int supporters = 0;
  int priority = kPriorityNormal;
  std::string status;
  std::string split;  // 自助30%・共助20%・公助50%, empty when not decided
};

struct AgendaGroup {
  std::string category;
  std::vector<AgendaRow> rows;
  int supporters() const;
};

struct Agenda {
  std::string title;     // まちづくり懇談会 地域課題一覧
  std::string org_name;  // who compiles it
  bool rollup = false;   // a 地域協働体's list: rows marked by 自治会
  IssueFilter filter;
  sdk::Date made_on;
  std::vector<AgendaGroup> groups;
  int issue_count() const;
};

// The statuses a 懇談会 list takes when none are chosen: the open ones.
std::vector<std::string> default_agenda_statuses();
Agenda build_agenda(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, IssueFilter filter,
                    std::string title = {});

sdk::Document agenda_document(const Agenda& agenda);
// UTF-8 with BOM, CRLF (what Excel opens).
std::string agenda_csv(const Agenda& agenda);
// Writes .pdf or .csv by the extension; InputError for anything else.
void save_agenda(const Agenda& agenda, const std::filesystem::path& out);

std::string split_text(const Split& split);

}  // namespace wasshoi::issues
