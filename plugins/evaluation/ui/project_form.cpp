// 協働事業の登録・修正: a new 協働事業 (title, partners from the organization list, 形態, purpose,
// period, cost) and the corrections of one the organization registered — its particulars, its
// partners (added from the list, taken out while they have not evaluated) and its goals with
// indicator, target and achieved value. Every write is a core/ function the CLI calls too; the
// host's row guard refuses an officer who may not write, and the refusal is the panel's message.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/text.hpp>
#include <wasshoi/sdk/ui_date.hpp>

#include "ui/state.hpp"

namespace wasshoi::evaluation::ui {

namespace {

// The particulars as typed: kept between frames, read when 登録 or 保存 is pressed.
struct Particulars {
  std::string title, form = "jikko", purpose, start, end, cost, cost_note;
};

struct GoalRow {
  std::string goal, indicator, unit, target, achieved;
};

struct FormState {
  ProjectPick pick;
  bool creating = false;  // the new-project form rather than the chosen project's corrections
  Particulars fields;
  Id fields_of = -1;  // the project the fields were filled from (0: the new one)
  std::uint64_t fields_loaded = 0;
  std::vector<sdk::OrgId> partners;  // ticked for a new project
  std::vector<sdk::OrgRef> orgs;     // the organization list
  sdk::OrgId org_loaded = 0;
  sdk::OrgId add_partner = 0;
  std::vector<GoalRow> goals;
  GoalRow new_goal;
  sdk::ui::PanelMessage message;
};

sdk::ui::PerOrg<FormState> form_state;

std::string number_text(const std::optional<double>& v) {
  return v ? format_number(*v) : std::string();
}

std::optional<double> parse_number(const char* field, const std::string& text) {
  const std::string ascii = sdk::fold_for_search(sdk::trim(text));
  if (ascii.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(ascii.c_str(), &end);
  if (end != ascii.c_str() + ascii.size() || !std::isfinite(v))
    throw sdk::InputError(std::string(tr(field)) + "：「" + text + "」は数値ではありません");
  return v;
}

std::optional<sdk::Date> parse_day(const char* field, const std::string& text) {
  if (sdk::trim(text).empty()) return std::nullopt;
  if (auto d = sdk::parse_date(text)) return d;
  throw sdk::InputError(std::string(tr(field)) + "：「" + text + "」は日付ではありません");
}

ProjectInput input_of(const Particulars& f) {
  ProjectInput in;
  in.title = f.title;
  in.form = f.form;
  in.purpose = f.purpose;
  in.start = parse_day("evaluation.form.start", f.start);
  in.end = parse_day("evaluation.form.end", f.end);
  in.cost_note = f.cost_note;
  if (!sdk::trim(f.cost).empty())
    in.cost = sdk::parse_integer(tr("evaluation.cost"), f.cost, {0, 10'000'000'000, "yen", "ceiling"});
  return in;
}

void fill_from(FormState& s, const Project* p) {
  s.fields = {};
  s.goals.clear();
  s.new_goal = {};
  s.partners.clear();
  s.fields_of = p ? p->id : 0;
  s.fields_loaded = generation();
  if (!p) return;
  s.fields = {p->title,
              p->form,
              p->purpose,
              p->start ? p->start->iso() : "",
              p->end ? p->end->iso() : "",
              p->cost ? sdk::group_thousands(*p->cost) : "",
              p->cost_note};
  for (const auto& g : p->goals)
    s.goals.push_back({g.goal, g.indicator, g.unit, number_text(g.target), number_text(g.achieved)});
}

void load_orgs(sdk::Context& ctx, FormState& s) {
  if (s.org_loaded == ctx.current_org() && !s.orgs.empty()) return;
  s.org_loaded = ctx.current_org();
  s.orgs.clear();
  auto& dir = sdk::organizations(ctx);
  for (auto kind : {sdk::OrgKind::Kyodotai, sdk::OrgKind::Jichikai, sdk::OrgKind::Npo, sdk::OrgKind::Company,
                    sdk::OrgKind::Support, sdk::OrgKind::City})
    for (auto& o : dir.of_kind(ctx.db(), kind))
      if (o.id != ctx.current_org()) s.orgs.push_back(std::move(o));
}

// A text field with its label on the right, as wide as the line allows (at most `wide` em).
void line_field(const char* key, std::string& value, float wide = 28) {
  const char* label = tr(key);
  const float room =
      ImGui::GetContentRegionAvail().x - sdk::ui::text_width(label) - ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::SetNextItemWidth(std::max(em(4), std::min(em(wide), room)));
  sdk::ui::InputText(label, value);
}

void draw_particulars(FormState& s) {
  line_field("evaluation.col.title", s.fields.title);
  const float room = ImGui::GetContentRegionAvail().x - sdk::ui::text_width(tr("evaluation.col.form")) -
                     ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::SetNextItemWidth(std::max(em(4), std::min(em(12), room)));
  if (sdk::ui::BeginCombo(tr("evaluation.col.form"), form_label(s.fields.form))) {
    for (const auto& f : forms())
      if (sdk::ui::Selectable(f.ja, s.fields.form == f.key)) s.fields.form = f.key;
    ImGui::EndCombo();
  }
  sdk::ui::TextDisabled(tr("evaluation.purpose"));
  sdk::ui::InputTextMultiline("##purpose", s.fields.purpose,
                              ImVec2(ImGui::GetContentRegionAvail().x, em(3.5f)));
  sdk::ui::DateInput(tr("evaluation.form.start"), s.fields.start);
  sdk::ui::DateInput(tr("evaluation.form.end"), s.fields.end);
  line_field("evaluation.form.cost", s.fields.cost, 9);
  line_field("evaluation.cost_note", s.fields.cost_note);
}

void draw_new(sdk::Context& ctx, FormState& s) {
  if (s.fields_of != 0) fill_from(s, nullptr);
  sdk::ui::section(tr("evaluation.form.new"));
  draw_particulars(s);
  sdk::ui::section(tr("evaluation.partners"), sdk::ui::Heading::Muted);
  sdk::ui::TextWrapped(tr("evaluation.form.partners_note"));
  for (const auto& o : s.orgs) {
    bool on = std::find(s.partners.begin(), s.partners.end(), o.id) != s.partners.end();
    if (ImGui::Checkbox((sdk::ui::display_text(o.name) + "##org" + std::to_string(o.id)).c_str(), &on)) {
      if (on)
        s.partners.push_back(o.id);
      else
        s.partners.erase(std::remove(s.partners.begin(), s.partners.end(), o.id), s.partners.end());
    }
  }
  if (sdk::ui::Button(tr("evaluation.form.create"))) {
    Id created = 0;
    if (sdk::ui::run_action(s.message, tr("evaluation.form.created"), [&] {
          ProjectInput in = input_of(s.fields);
          in.partners = s.partners;
          created = add_project(ctx.db(), sdk::organizations(ctx), ctx.current_org(), in);
          changed(ctx, "project");
        })) {
      selection(ctx).project = created, selection(ctx).survey = 0;
      s.creating = false;
      s.fields_of = -1;
    }
  }
}

void draw_partners(sdk::Context& ctx, FormState& s, const Project& p) {
  sdk::ui::section(tr("evaluation.partners"), sdk::ui::Heading::Muted);
  for (const auto& x : p.partners) {
    ImGui::PushID(static_cast<int>(x.id));
    ImGui::AlignTextToFramePadding();
    sdk::ui::Text(x.name);
    if (x.org == p.owner) {
      ImGui::SameLine();
      sdk::ui::TextDisabled(std::string("（") + tr("evaluation.owner") + "）");
    } else {
      sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("evaluation.form.remove_partner")));
      if (sdk::ui::Button(tr("evaluation.form.remove_partner")))
        sdk::ui::run_action(s.message, tr("evaluation.saved"), [&] {
          remove_partner(ctx.db(), sdk::organizations(ctx), p.id, x.org);
          changed(ctx, "partner");
        });
    }
    ImGui::PopID();
  }
  std::string preview = tr("evaluation.form.choose_org");
  for (const auto& o : s.orgs)
    if (o.id == s.add_partner) preview = o.name;
  const float room = ImGui::GetContentRegionAvail().x -
                     sdk::ui::button_width(tr("evaluation.form.add_partner")) -
                     ImGui::GetStyle().ItemSpacing.x;
  ImGui::SetNextItemWidth(std::max(em(6), std::min(em(20), room)));
  if (sdk::ui::BeginCombo("##add_partner", preview)) {
    for (const auto& o : s.orgs) {
      const bool taking_part =
          std::any_of(p.partners.begin(), p.partners.end(), [&](const Partner& x) { return x.org == o.id; });
      if (!taking_part && sdk::ui::Selectable(o.name + "##o" + std::to_string(o.id), o.id == s.add_partner))
        s.add_partner = o.id;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (sdk::ui::Button(tr("evaluation.form.add_partner")) && s.add_partner != 0)
    if (sdk::ui::run_action(s.message, tr("evaluation.saved"), [&] {
          add_partner(ctx.db(), sdk::organizations(ctx), p.id, s.add_partner);
          changed(ctx, "partner");
        }))
      s.add_partner = 0;
}

// One goal's fields in a table row; the row's buttons are the caller's.
void goal_cells(GoalRow& g) {
  for (std::string* v : {&g.goal, &g.indicator, &g.unit, &g.target, &g.achieved}) {
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::PushID(v);
    sdk::ui::InputText("##v", *v);
    ImGui::PopID();
  }
}

Goal goal_of(const GoalRow& g) {
  return {0,
          g.goal,
          g.indicator,
          g.unit,
          parse_number("evaluation.col.target", g.target),
          parse_number("evaluation.col.achieved", g.achieved)};
}

void draw_goal_table(sdk::Context& ctx, FormState& s, const Project& p) {
  sdk::ui::section(tr("evaluation.goals"), sdk::ui::Heading::Muted);
  s.goals.resize(p.goals.size());
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("goal_form", 6, kFlags)) return;
  ImGui::TableSetupColumn(tr("evaluation.col.goal"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn(tr("evaluation.col.indicator"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("evaluation.col.unit"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableSetupColumn(tr("evaluation.col.target"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(tr("evaluation.col.achieved"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  // The row buttons (保存, 削除) or the new row's 目標を加える, whichever is wider.
  const float buttons =
      std::max(sdk::ui::button_width(tr("evaluation.form.save_goal")) +
                   sdk::ui::button_width(tr("evaluation.form.remove_goal")) + ImGui::GetStyle().ItemSpacing.x,
               sdk::ui::button_width(tr("evaluation.form.add_goal")));
  ImGui::TableSetupColumn("##buttons", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize,
                          buttons);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < p.goals.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    goal_cells(s.goals[i]);
    ImGui::TableNextColumn();
    const int number = static_cast<int>(p.goals[i].id);
    if (sdk::ui::Button(tr("evaluation.form.save_goal")))
      sdk::ui::run_action(s.message, tr("evaluation.saved"), [&] {
        update_goal(ctx.db(), p.id, number, goal_of(s.goals[i]));
        changed(ctx, "goal");
      });
    ImGui::SameLine();
    if (sdk::ui::Button(tr("evaluation.form.remove_goal")))
      sdk::ui::run_action(s.message, tr("evaluation.saved"), [&] {
        remove_goal(ctx.db(), p.id, number);
        changed(ctx, "goal");
      });
    ImGui::PopID();
  }
  ImGui::PushID("new");
  ImGui::TableNextRow();
  goal_cells(s.new_goal);
  ImGui::TableNextColumn();
  if (sdk::ui::Button(tr("evaluation.form.add_goal")))
    if (sdk::ui::run_action(s.message, tr("evaluation.saved"), [&] {
          add_goal(ctx.db(), p.id, goal_of(s.new_goal));
          changed(ctx, "goal");
        }))
      s.new_goal = {};
  ImGui::PopID();
  ImGui::EndTable();
}

void draw_correct(sdk::Context& ctx, FormState& s, const Project& p) {
  if (s.fields_of != p.id || s.fields_loaded != generation()) fill_from(s, &p);
  sdk::ui::section(std::string(tr("evaluation.form.correct")) + "：" + p.title);
  draw_particulars(s);
  if (sdk::ui::Button(tr("evaluation.form.save")))
    sdk::ui::run_action(s.message, tr("evaluation.saved"), [&] {
      update_project(ctx.db(), p.id, input_of(s.fields));
      changed(ctx, "project");
    });
  draw_partners(ctx, s, p);
  draw_goal_table(ctx, s, p);
}

}  // namespace

void draw_project_form(sdk::Context& ctx) {
  FormState& s = form_state.get(ctx);
  ImGui::PushID("evaluation.edit");
  if (!may_write(ctx)) {
    sdk::ui::TextDisabled(tr("evaluation.read_only"));
    ImGui::PopID();
    return;
  }
  load_orgs(ctx, s);
  if (ImGui::RadioButton(tr("evaluation.form.mode_new"), s.creating)) s.creating = true;
  sdk::ui::same_line_if_fits(sdk::ui::text_width(tr("evaluation.form.mode_correct")) + em(2));
  if (ImGui::RadioButton(tr("evaluation.form.mode_correct"), !s.creating)) s.creating = false;
  if (s.creating) {
    draw_new(ctx, s);
  } else if (const Project* p = pick_project(ctx, s.pick)) {
    if (p->owner == ctx.current_org())
      draw_correct(ctx, s, *p);
    else
      sdk::ui::TextWrapped(std::string(tr("evaluation.form.owner_only")) + p->owner_name);
  }
  sdk::ui::show(s.message);
  ImGui::PopID();
}

}  // namespace wasshoi::evaluation::ui
