#include "ui/import_panel.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "ui/import_job.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::members::ui {

namespace {

constexpr Field kMappable[] = {Field::Ignore,  Field::Household, Field::Han,     Field::Name,
                               Field::Reading, Field::Relation,  Field::Address, Field::Phone,
                               Field::People,  Field::Joined,    Field::Left,    Field::BirthYear,
                               Field::Support, Field::Notes};

// What the officer chose and saw: fresh for each organization and sign-in (the file's rows are
// personal data of the organization it was checked for).
struct ImportPanelState {
  std::string path;
  sdk::ui::FileChooser chooser;  // the desktop's dialog for the roster file
  int encoding = 0;              // auto, UTF-8, CP932
  bool skip_bad = false;
  std::vector<std::pair<std::string, Field>> mapping;
  std::optional<ImportPlan> plan;
  std::vector<std::string> new_han;
  sdk::ui::PanelMessage message;
  std::optional<ImportSummary> done;
};

sdk::ui::PerOrg<ImportPanelState> import_state;

// The import running, kept apart from the panel's state: it goes on when the officer chooses
// another organization or signs out (destroying it would wait for it), and only the
// organization and sign-in that started it see its progress and its result. One at a time.
struct RunningImport {
  std::unique_ptr<ImportJob> job;
  sdk::ui::OrgSession started_by;
};

RunningImport& running() {
  static RunningImport r;
  return r;
}

ImportOptions options_of(const ImportPanelState& s) {
  ImportOptions o;
  o.source = std::filesystem::path(s.path).filename().string();
  o.encoding = static_cast<InputEncoding>(s.encoding);
  o.mapping = s.mapping;
  o.skip_bad_rows = s.skip_bad;
  return o;
}

void check_file(sdk::Context& ctx, ImportPanelState& s) {
  s.plan.reset();
  s.done.reset();
  sdk::ui::run_action(s.message, {}, [&] {
    s.plan = read_roster(sdk::read_input_file(s.path, sdk::FileKind::Roster, "roster"), options_of(s));
    s.new_han = missing_han(ctx.db(), sdk::organizations(ctx), ctx.current_org(), s.plan->han_names());
  });
}

void draw_file_row(sdk::Context& ctx, ImportPanelState& s) {
  // The roster file from the desktop's own dialog; a chosen file is read at once.
  ImGui::AlignTextToFramePadding();
  sdk::ui::Text(tr("members.csv_file"));
  ImGui::SameLine();
  const sdk::ui::FileRequest request{.mode = sdk::ui::FileMode::Open,
                                     .title = tr("members.choose_roster"),
                                     .filters = {sdk::ui::csv_files()}};
  if (sdk::ui::file_field("roster", s.chooser, request, s.path)) check_file(ctx, s);
  const char* encodings[] = {tr("members.encoding.auto"), "UTF-8", "Shift_JIS (CP932)"};
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  ImGui::Combo(tr("members.encoding"), &s.encoding, encodings, 3);
  sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(tr("members.skip_bad")));
  ImGui::Checkbox(tr("members.skip_bad"), &s.skip_bad);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("members.check")));
  if (ImGui::Button(tr("members.check"))) check_file(ctx, s);
}

// One combo per column: what it is imported as. A change re-reads the file with the new map.
void draw_mapping(sdk::Context& ctx, ImportPanelState& s) {
  const ColumnMap& map = s.plan->columns;
  std::optional<std::pair<std::string, Field>> remap;
  if (ImGui::BeginTable("columns", static_cast<int>(std::min<std::size_t>(map.headers.size(), 63)),
                        ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX)) {
    for (std::size_t i = 0; i < map.headers.size() && i < 63; ++i) {
      ImGui::TableNextColumn();
      sdk::ui::Text(map.headers[i]);
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::BeginCombo("##field", tr(std::string("members.field_name.") + field_name(map.fields[i])))) {
        for (Field f : kMappable)
          if (ImGui::Selectable(tr(std::string("members.field_name.") + field_name(f)), f == map.fields[i]))
            remap = std::pair{map.headers[i], f};
        ImGui::EndCombo();
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (remap) {
    std::erase_if(s.mapping, [&](const auto& m) { return m.first == remap->first; });
    s.mapping.push_back(*remap);
    check_file(ctx, s);
  }
}

void draw_preview_rows(const ImportPlan& plan) {
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                     ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("preview", 6, kFlags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 10))) return;
  for (const char* key : {"members.col.line", "members.col.han", "members.col.name", "members.col.reading",
                          "members.col.address", "members.col.people"})
    ImGui::TableSetupColumn(tr(key));
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < plan.households.size() && i < 200; ++i) {
    const auto& h = plan.households[i];
    for (const auto& p : h.persons) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d", p.line);
      ImGui::TableNextColumn();
      sdk::ui::Text(h.han_name);
      ImGui::TableNextColumn();
      sdk::ui::Text(p.data.name);
      ImGui::TableNextColumn();
      sdk::ui::Text(p.data.reading);
      ImGui::TableNextColumn();
      sdk::ui::Text(h.data.address);
      ImGui::TableNextColumn();
      ImGui::Text("%d", h.data.people);
    }
  }
  ImGui::EndTable();
}

void draw_plan(sdk::Context& ctx, ImportPanelState& s) {
  const ImportPlan& plan = *s.plan;
  sdk::ui::Text(std::string(tr("members.detected")) + sdk::encoding_name(plan.encoding) + "  " +
                with_commas(static_cast<std::size_t>(plan.data_rows)) + tr("members.rows_suffix") + "  → " +
                with_commas(plan.households.size()) + tr("members.households_suffix") + " / " +
                with_commas(plan.person_count()) + tr("members.persons_suffix"));
  for (const auto& h : s.new_han) sdk::ui::Text(std::string(tr("members.new_han")) + h);
  sdk::ui::section(tr("members.columns"));
  draw_mapping(ctx, s);
  if (!s.plan) return;  // re-read failed; the message says why
  if (!plan.errors.empty()) {
    sdk::ui::section(tr("members.bad_rows"));
    for (std::size_t i = 0; i < plan.errors.size() && i < 100; ++i)
      sdk::ui::warning_text(plan.errors[i].message);
  }
  sdk::ui::section(tr("members.preview"));
  draw_preview_rows(plan);
}

void draw_run(sdk::Context& ctx, ImportPanelState& s) {
  RunningImport& r = running();
  if (r.job) {
    const bool ours = r.started_by == sdk::ui::org_session(ctx);
    if (!r.job->finished()) {
      if (ours)
        ImGui::ProgressBar(r.job->progress(), ImVec2(-1, 0));
      else
        ImGui::TextDisabled("%s", tr("members.import_elsewhere"));
      return;
    }
    if (r.job->error().empty()) changed(ctx, "import");  // the roster changed, whoever looks now
    if (ours) {
      if (r.job->error().empty())
        s.done = r.job->summary();
      else
        s.message.error(r.job->error());
      s.plan.reset();
    }
    r.job.reset();
    return;
  }
  const bool can = s.plan && !s.plan->households.empty() && (s.plan->errors.empty() || s.skip_bad);
  ImGui::BeginDisabled(!can);
  if (ImGui::Button(tr("members.run_import"))) {
    auto orgs = ctx.services().find<sdk::OrganizationDirectory>();
    if (!orgs) throw sdk::Error("the host's organization directory is missing");
    r.job = std::make_unique<ImportJob>(ctx.db(), orgs, ctx.current_org(), *s.plan, options_of(s));
    r.started_by = sdk::ui::org_session(ctx);
  }
  ImGui::EndDisabled();
  if (s.plan && !s.plan->errors.empty() && !s.skip_bad) {
    sdk::ui::same_line_if_fits(
        std::min(sdk::ui::text_width(tr("members.fix_or_skip")), ImGui::GetFontSize() * 10));
    sdk::ui::TextDisabled(tr("members.fix_or_skip"));
  }
}

}  // namespace

void draw_import_panel(sdk::Context& ctx) {
  if (!may_show_roster(ctx)) return;
  if (ctx.access().role == sdk::Role::HanLeader) {
    ImGui::TextDisabled("%s", tr("members.officers_only"));
    return;
  }
  ImportPanelState& s = import_state.get(ctx);
  const bool importing = running().job != nullptr;
  ImGui::BeginDisabled(importing);
  draw_file_row(ctx, s);
  ImGui::EndDisabled();
  sdk::ui::show(s.message);
  if (s.done)
    sdk::ui::Text(std::string(tr("members.imported")) +
                  with_commas(static_cast<std::size_t>(s.done->households)) +
                  tr("members.households_suffix") + " / " +
                  with_commas(static_cast<std::size_t>(s.done->persons)) + tr("members.persons_suffix"));
  draw_run(ctx, s);
  if (s.plan && !running().job)
    draw_plan(ctx, s);
  else if (!running().job && !s.done)
    sdk::ui::TextWrapped(tr("members.import_help"));
}

}  // namespace wasshoi::members::ui
