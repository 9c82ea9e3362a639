// 議案と議決: each 議案's discussion and vote (checked against the attendance), the action items
// decided, the items carried from earlier meetings, and the approval of the minutes. A 議決
// recorded before is corrected with a reason (asked when 保存 changes its counts or result).
#include <algorithm>
#include <map>

#include "core/actions.hpp"
#include "core/agenda.hpp"
#include "core/attendance.hpp"
#include "core/elections.hpp"
#include "core/meetings.hpp"
#include "ui/approval_view.hpp"
#include "ui/draw_panels.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::minutes::ui {

namespace {

struct ItemEdit {
  std::string discussion;
  int votes[3] = {0, 0, 0};
  int result = 0;  // 0 none, 1 可決, 2 否決, 3 継続審議
};

struct AgendaPanel {
  MeetingId loaded = 0;
  std::map<ItemId, ItemEdit> edits;
  std::string new_item, action_what, action_who, action_due;
  // A 議決 being corrected: the 議案 and what 保存 would write, waiting for the reason.
  int correcting = 0;
  ItemOutcome correction;
  sdk::ui::ReasonPrompt reason, reopen;
  // 役員改選: the roster search for a proposed officer and the role chosen for them.
  std::string officer_query, officer_searched;
  std::vector<sdk::PersonRef> officer_hits;
  int officer_role = 0;
};

AgendaPanel& agenda_panel(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<AgendaPanel> p;
  return p.get(ctx);
}

ItemEdit edit_of(const AgendaItem& item) {
  ItemEdit e;
  e.discussion = item.discussion;
  if (item.votes)
    e.votes[0] = item.votes->in_favour, e.votes[1] = item.votes->against, e.votes[2] = item.votes->abstain;
  if (item.result) e.result = 1 + static_cast<int>(*item.result);
  return e;
}

ItemOutcome outcome_of(const ItemEdit& e) {
  // The form shows 0 for a count not taken.
  const Votes v{e.votes[0], e.votes[1], e.votes[2]};
  const bool counted = v.in_favour != 0 || v.against != 0 || v.abstain != 0;
  return {e.discussion, counted ? std::optional(v) : std::nullopt,
          e.result ? std::optional(static_cast<VoteResult>(e.result - 1)) : std::nullopt};
}

// Whether 保存 changes a 議決 recorded before (then it is a correction, with a reason).
bool corrects_vote(const AgendaItem& item, const ItemEdit& e) {
  if (!item.votes && !item.result) return false;
  const ItemEdit stored = edit_of(item);
  return !std::equal(std::begin(e.votes), std::end(e.votes), std::begin(stored.votes)) ||
         e.result != stored.result;
}

void save_item(sdk::Context& ctx, const Meeting& m, const AgendaItem& item, const ItemEdit& e) {
  AgendaPanel& p = agenda_panel(ctx);
  if (corrects_vote(item, e)) {
    AgendaItem after = item;
    const ItemOutcome o = outcome_of(e);
    after.votes = o.votes, after.result = o.result;
    p.correcting = item.number, p.correction = o;
    p.reason.open(tr("minutes.vote_correct_title"),
                  "第" + std::to_string(item.number) + "号議案　" + item.title + "\n" + describe_vote(item) +
                      " → " + (o.votes || o.result ? describe_vote(after) : tr("minutes.result.none")));
    return;
  }
  attempt(ctx, item.title, [&] {
    edit_item(ctx.db(), m.id, item.number, outcome_of(e), ctx.services().find<sdk::MemberDirectory>().get());
  });
  p.loaded = 0;  // reload what was stored
}

void draw_vote_correction(sdk::Context& ctx, const Meeting& m) {
  AgendaPanel& p = agenda_panel(ctx);
  if (auto reason = p.reason.draw()) {
    attempt(ctx, tr("minutes.vote_corrected"), [&] {
      correct_vote(ctx.db(), m.id, p.correcting, p.correction, *reason,
                   ctx.services().find<sdk::MemberDirectory>().get());
    });
    p.loaded = 0;
  }
}

void draw_election(sdk::Context& ctx, const Meeting& m, const AgendaItem& item);

void draw_item(sdk::Context& ctx, const Meeting& m, const AgendaItem& item, int voters_n) {
  ItemEdit& e = agenda_panel(ctx).edits[item.id];
  ImGui::PushID(static_cast<int>(item.id));
  sdk::ui::TextWrapped("第" + std::to_string(item.number) + "号議案　" + item.title);
  sdk::ui::InputTextMultiline("##discussion", e.discussion, ImVec2(-1, ImGui::GetFontSize() * 3.2f));
  if (elects_officers(item.title)) draw_election(ctx, m, item);
  if (!m.has_votes) {  // a kind without 議決権: the notes only, no vote boxes
    if (sdk::ui::Button(tr("minutes.save"))) save_item(ctx, m, item, e);
    ImGui::Separator();
    ImGui::PopID();
    return;
  }
  const char* labels[] = {tr("minutes.vote.for"), tr("minutes.vote.against"), tr("minutes.vote.abstain")};
  // 賛成 反対 棄権, the result and 保存 on one line while they fit, else on the next (large text).
  const float em = ImGui::GetFontSize();
  const float inner = ImGui::GetStyle().ItemInnerSpacing.x;
  const float count_width = ImGui::CalcTextSize("0000").x + ImGui::GetStyle().FramePadding.x * 2;
  for (int i = 0; i < 3; ++i) {
    if (i) sdk::ui::same_line_if_fits(count_width + inner + sdk::ui::text_width(labels[i]));
    ImGui::SetNextItemWidth(count_width);
    ImGui::InputInt(labels[i], &e.votes[i], 0, 0);
  }
  const char* results[] = {tr("minutes.result.none"), "可決", "否決", "継続審議"};
  sdk::ui::same_line_if_fits(em * 7.5f);
  ImGui::SetNextItemWidth(em * 7.5f);
  ImGui::Combo("##result", &e.result, results, 4);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("minutes.save")));
  if (sdk::ui::Button(tr("minutes.save"))) save_item(ctx, m, item, e);
  const int total = e.votes[0] + e.votes[1] + e.votes[2];
  if (total > voters_n) sdk::ui::warning_text(tr("minutes.vote.too_many"));
  ImGui::Separator();
  ImGui::PopID();
}

// 役員改選: the proposed officers of the 議案 (role, name, 班), taken off while no 議決 is recorded;
// a person found in the roster by name is added in the chosen role. 可決 writes their roles.
void draw_election(sdk::Context& ctx, const Meeting& m, const AgendaItem& item) {
  auto members = ctx.services().find<sdk::MemberDirectory>();
  if (!members) return;
  AgendaPanel& p = agenda_panel(ctx);
  const auto list = proposals(ctx.db(), m.id, item.number);
  const float em = ImGui::GetFontSize();
  sdk::ui::TextWrapped(std::string(tr("minutes.election.proposed")) + "（" +
                       sdk::format_fiscal_year_ja(list.empty() ? term_year(m) : list.front().fiscal_year) +
                       "）");
  if (list.empty()) sdk::ui::TextWrapped(tr("minutes.election.none"));
  for (const auto& q : list) {
    ImGui::PushID(static_cast<int>(q.id));
    const std::string line = q.role + "　" + q.name + (q.han.empty() ? "" : "（" + q.han + "）");
    if (!item.result) {  // taken off while no 議決 is recorded
      if (sdk::ui::Button(tr("minutes.election.remove")))
        attempt(ctx, q.name, [&] { remove_proposal(ctx.db(), m.id, item.number, q.id); });
      ImGui::SameLine();
    } else {
      ImGui::Bullet();
    }
    sdk::ui::TextEllipsis(line);
    ImGui::PopID();
  }
  if (item.result) {
    if (!list.empty() && list.front().assignment) sdk::ui::TextWrapped(tr("minutes.election.written"));
    return;
  }
  const auto roles = members->role_names(ctx.db(), m.org);
  if (roles.empty()) return;
  p.officer_role = std::clamp(p.officer_role, 0, static_cast<int>(roles.size()) - 1);
  ImGui::SetNextItemWidth(std::min(em * 12, ImGui::GetContentRegionAvail().x * 0.5f));
  sdk::ui::InputText(tr("minutes.election.search"), p.officer_query);
  if (p.officer_query != p.officer_searched) {
    p.officer_searched = p.officer_query;
    p.officer_hits.clear();
    if (!sdk::trim(p.officer_query).empty())
      p.officer_hits = members->search_persons(ctx.db(), m.org, p.officer_query, 8, std::nullopt);
  }
  std::string widest;
  for (const auto& r : roles)
    if (sdk::ui::text_width(r) > sdk::ui::text_width(widest)) widest = r;
  for (const auto& h : p.officer_hits) {
    ImGui::PushID(static_cast<int>(h.id));
    ImGui::SetNextItemWidth(sdk::ui::text_width(widest) + em * 2.5f);
    ImGui::Combo(
        "##role", &p.officer_role,
        [](void* data, int i, const char** out) {
          *out = (*static_cast<const std::vector<std::string>*>(data))[i].c_str();
          return true;
        },
        const_cast<std::vector<std::string>*>(&roles), static_cast<int>(roles.size()));
    ImGui::SameLine();
    if (sdk::ui::Button(tr("minutes.election.add")) && attempt(ctx, h.name, [&] {
          propose_officer(ctx.db(), *members, m.id, item.number, h.id, roles[p.officer_role]);
        }))
      p.officer_query.clear();
    ImGui::SameLine();
    sdk::ui::TextEllipsis(h.name + (h.han.empty() ? "" : "（" + h.han + "）"));
    ImGui::PopID();
  }
}

void bullet(const std::string& text) {
  ImGui::Bullet();
  sdk::ui::TextWrapped(text);
}

void draw_actions_of(sdk::Context& ctx, const Meeting& m) {
  AgendaPanel& p = agenda_panel(ctx);
  auto carried = carried_actions(ctx.db(), m.id);
  if (!carried.empty()) {
    sdk::ui::section(tr("minutes.carried"));
    for (const auto& a : carried)
      bullet(a.title + "（" + a.assignee + (a.due ? "、" + tr_due(*a.due) : std::string()) + "）← " +
             a.meeting_title);
  }
  sdk::ui::section(tr("minutes.decided"));
  for (const auto& a : actions_of(ctx.db(), m.id))
    bullet(a.title + "（" + a.assignee + (a.due ? "、" + tr_due(*a.due) : std::string()) + "）");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  sdk::ui::InputText(tr("minutes.action.what"), p.action_what);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  sdk::ui::InputText(tr("minutes.action.who"), p.action_who);
  const auto due = sdk::ui::DateInput(tr("minutes.action.due"), p.action_due);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("minutes.action.add")));
  ImGui::BeginDisabled(!due.valid);  // a 期限 that is not a date is marked and not taken
  if (sdk::ui::Button(tr("minutes.action.add")) && attempt(ctx, p.action_what, [&] {
        add_action(ctx.db(), {m.id, std::nullopt, p.action_what, p.action_who, due.date});
      }))
    p.action_what.clear();
  ImGui::EndDisabled();
}

}  // namespace

void draw_agenda_panel(sdk::Context& ctx) {
  if (!ready(ctx, true)) return;
  const Meeting m = get_meeting(ctx.db(), selection(ctx).meeting);
  meeting_header(ctx, m);
  AgendaPanel& p = agenda_panel(ctx);
  lock_notice(ctx, m, p.reopen);
  draw_vote_correction(ctx, m);
  auto items = agenda(ctx.db(), m.id);
  if (p.loaded != m.id) {
    p.edits.clear();
    for (const auto& item : items) p.edits[item.id] = edit_of(item);
    p.loaded = m.id;
  }
  const int voters_n = voters(ctx.db(), m);
  // The 議案 beside the action items and the approval; one under the other in a narrow window.
  const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 52;
  if (!narrow) ImGui::BeginChild("##agenda_side", ImVec2(ImGui::GetContentRegionAvail().x * 0.62f, 0));
  ImGui::BeginDisabled(locked(m));  // lock_notice says why and offers 再開する
  if (m.has_votes)
    ImGui::Text("%s %d", tr("minutes.voters"), voters_n);
  else
    sdk::ui::TextWrapped(tr("minutes.no_votes"));
  for (const auto& item : items) draw_item(ctx, m, item, voters_n);
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 16, ImGui::GetContentRegionAvail().x));
  sdk::ui::InputText("##new_item", p.new_item);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("minutes.item.add")));
  if (sdk::ui::Button(tr("minutes.item.add")) &&
      attempt(ctx, p.new_item, [&] { add_item(ctx.db(), m.id, p.new_item); })) {
    p.new_item.clear();
    p.loaded = 0;
  }
  if (items.empty()) {
    sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("minutes.item.template")));
    if (sdk::ui::Button(tr("minutes.item.template")) &&
        attempt(ctx, m.kind, [&] { apply_template(ctx.db(), m.id); }))
      p.loaded = 0;
  }
  ImGui::EndDisabled();
  if (!narrow) {
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##side");
  }
  ImGui::BeginDisabled(locked(m));
  draw_actions_of(ctx, m);
  ImGui::EndDisabled();
  draw_approval(ctx, m);
  if (!narrow) ImGui::EndChild();
}

}  // namespace wasshoi::minutes::ui
