#pragma once
// 協働事業 (joint projects) and every partner's 自主評価 on the city plan's common items
// (一関市協働推進アクションプラン「協働の評価・検証、見直し」): the project, its partners, goals
// with indicators, target and achieved values, the meetings and issues behind it; each partner's
// 5-step rating, comment, cause and improvement; the comparison that points out where partners
// differ by two steps or more.
//
// Access: a project is the registering organization's (its 会長 and 役員 edit it); every partner
// reads it; a partner's 自主評価 is that partner's (its 会長 and 役員 write it; 班長 and 閲覧 read).
// The host's row guard refuses every other write below the plugin (core/schema.cpp declares the
// tables); the reads here take the organization the officer works in and refuse a project it does
// not take part in, with the same message as for a project that does not exist.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {
class MeetingDirectory;
class IssueTracker;
}  // namespace wasshoi::sdk

namespace wasshoi::evaluation {

using Id = std::int64_t;

// 協働の形態: the plan's list (共催, 後援, 実行委員会, 委託, 補助, 参加, 参画, 協定, 情報提供,
// 意見交換, 政策提言, アドプト).
struct Form {
  const char* key;  // as stored: "kyosai"
  const char* ja;   // 共催
};
const std::vector<Form>& forms();
// The key for "共催" or "kyosai"; InputError naming `field` and listing the forms otherwise.
std::string parse_form(std::string_view field, std::string_view text);
std::string form_label(std::string_view key);

// The common items every partner evaluates. The first three are the plan's questions; the last
// three the viewpoints from which causes and improvements are seen.
struct Item {
  const char* key;  // "goals"
  const char* ja;   // 目標や成果が達成されたか
};
const std::vector<Item>& items();
std::string parse_item(std::string_view field, std::string_view text);
std::string item_label(std::string_view key);
inline constexpr int kUnmetRating = 2;  // a rating of 2 or less: not met — cause and improvement asked

struct Goal {
  Id id = 0;
  std::string goal;       // 防災訓練への参加者を増やす
  std::string indicator;  // 参加者数
  std::string unit;       // 人
  std::optional<double> target;
  std::optional<double> achieved;
};

struct Link {
  std::string kind;  // meeting, issue
  Id ref = 0;
  std::string label;
};

struct ProjectInput {
  std::string title;
  std::string form;  // key or 日本語
  std::string purpose;
  std::optional<sdk::Date> start, end;
  std::optional<std::int64_t> cost;  // 円
  std::string cost_note;             // 内訳, where the money came from
  std::vector<sdk::OrgId> partners;  // besides the registering organization
};

struct Partner {
  Id id = 0;  // the row in evaluation_partners
  sdk::OrgId org = 0;
  std::string name;
  sdk::OrgKind kind = sdk::OrgKind::Jichikai;
};

struct Project {
  Id id = 0;
  sdk::OrgId owner = 0;
  std::string owner_name;
  std::string title, form, purpose;
  std::optional<sdk::Date> start, end;
  std::optional<std::int64_t> cost;
  std::string cost_note;
  std::string improvements;  // 改善の方向性, decided together
  std::vector<Partner> partners;
  std::vector<Goal> goals;
  std::vector<Link> links;
};

// ---- writes: one transaction each --------------------------------------------------------------
Id add_project(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId owner, const ProjectInput& in);
// Checks what add_project and update_project write (title, 形態, purpose, period, cost): the
// form's key; InputError naming the field otherwise.
std::string check_project_input(const ProjectInput& in);
// Corrects the title, 形態, purpose, period, cost and its note (in.partners is not used: partners
// are added and removed one by one). Refused like every write, below the plugin, for anyone but
// the registering organization's 会長 and 役員; nothing is written then.
void update_project(sdk::Database& db, Id project, const ProjectInput& in);
void add_partner(sdk::Database& db, sdk::OrganizationDirectory& orgs, Id project, sdk::OrgId partner);
// Takes `partner` out of the project. Refused (InputError, nothing written) for the registering
// organization, for an organization that does not take part, and for a partner that has already
// evaluated: its 自主評価 belongs to it and is part of the comparison.
void remove_partner(sdk::Database& db, sdk::OrganizationDirectory& orgs, Id project, sdk::OrgId partner);
void check_goal(const Goal& goal);  // InputError naming the field
Id add_goal(sdk::Database& db, Id project, const Goal& goal);
// Corrects goal `goal_number` (目標1 → 1): its text, indicator, unit, target and achieved value.
void update_goal(sdk::Database& db, Id project, int goal_number, const Goal& goal);
// Removes goal `goal_number`; the goals after it move up (目標3 becomes 目標2).
void remove_goal(sdk::Database& db, Id project, int goal_number);
void set_achieved(sdk::Database& db, Id project, int goal_number, double achieved);
void set_improvements(sdk::Database& db, Id project, const std::string& text);
// Links the meeting (minutes plugin) and/or the local issue (issues plugin) behind a project, in
// one transaction; a service is needed only for what is given (nullptr: that plugin is not there).
void add_links(sdk::Database& db, sdk::MeetingDirectory* meetings, sdk::IssueTracker* issues, Id project,
               std::optional<Id> meeting, std::optional<Id> issue);
// Unlinks the meeting (kind "meeting") or the local issue (kind "issue") `ref`; the meeting or
// issue itself is not touched. InputError when the project has no such link.
void remove_link(sdk::Database& db, Id project, const std::string& kind, Id ref);

struct Rating {
  std::string item;  // key or 日本語
  int rating = 0;    // 1 (できなかった) … 5 (十分にできた)
  std::string comment;
  std::string cause;        // for a rating of 2 or less: why
  std::string improvement;  // for a rating of 2 or less: what next
};
// `partner`'s 自主評価 on `project` (the items given; others are kept): the organization the
// officer works in. InputError when it is not a partner, for a rating outside 1–5, an unknown
// item, or a rating of 2 or less without a cause and an improvement.
void save_ratings(sdk::Database& db, sdk::OrganizationDirectory& orgs, Id project, sdk::OrgId partner,
                  const std::vector<Rating>& ratings);

// ---- reads ---------------------------------------------------------------------------------
// The project as `viewer` (the organization the officer works in) sees it: InputError "no
// 協働事業 N among those <viewer> takes part in" when it is not a partner or there is no such project.
Project project(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId viewer, Id id);
// The projects `viewer` registered or takes part in, by start date.
std::vector<Project> list_projects(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId viewer);

struct PartnerRating {
  sdk::OrgId org = 0;
  std::string partner;
  std::optional<int> rating;  // none: not evaluated yet
  std::string comment, cause, improvement;
};
struct ComparisonRow {
  std::string item;  // key
  std::string label;
  std::vector<PartnerRating> ratings;  // in the project's partner order
  int spread = 0;                      // highest minus lowest of the ratings given
  bool differs = false;                // spread of 2 steps or more: the partners see it differently
};
// Side by side, item by item, for every partner of the project.
std::vector<ComparisonRow> compare(sdk::Database& db, const Project& p);

std::string format_number(double v);  // 120, 1.5
std::string format_yen(std::int64_t v);

}  // namespace wasshoi::evaluation
