// 補助金: the grants, a new one, and the 実績報告 of the one chosen (its entries, receipts, paper).
#include <memory>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/ui_document.hpp>

#include "core/documents.hpp"
#include "core/grants.hpp"
#include "ui/common.hpp"
#include "ui/panels_list.hpp"

namespace wasshoi::ledger::ui {

namespace {

struct GrantsState {
  std::uint64_t loaded_generation = 0;
  Id loaded_selected = -1;
  std::vector<Grant> grants;
  Id selected = 0;
  std::optional<GrantReport> report;
  Grant form;
  std::string amount;
  sdk::ui::PanelMessage message;
  std::shared_ptr<sdk::ui::DocumentActions> paper = std::make_shared<sdk::ui::DocumentActions>();
};

sdk::ui::PerOrg<GrantsState> grants_state;

void reload(sdk::Context& ctx, GrantsState& s) {
  if (s.loaded_generation == generation() && s.loaded_selected == s.selected) return;
  s.grants = grants(ctx.db(), ctx.current_org());
  if (!s.selected && !s.grants.empty()) s.selected = s.grants.front().id;
  s.report.reset();
  if (s.selected) s.report = grant_report(ctx.db(), ctx.current_org(), s.selected);
  s.loaded_generation = generation(), s.loaded_selected = s.selected;
}

void draw_form(sdk::Context& ctx, GrantsState& s) {
  sdk::ui::section(tr("ledger.grants.new"), sdk::ui::Heading::Muted);
  const float em = ImGui::GetFontSize();
  auto field = [&](const char* label, const char* id, std::string& text, float width) {
    sdk::ui::TextDisabled(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(width, ImGui::GetContentRegionAvail().x));
    sdk::ui::InputText(id, text);
  };
  field(tr("ledger.grants.name"), "##name", s.form.name, em * 16);
  field(tr("ledger.grants.body"), "##body", s.form.body, em * 10);
  sdk::ui::same_line_if_fits(em * 8);
  field(tr("ledger.col.amount"), "##amount", s.amount, em * 7);
  field(tr("ledger.grants.purpose"), "##purpose", s.form.purpose, em * 20);
  if (sdk::ui::Button(tr("ledger.grants.add")))
    sdk::ui::run_action(s.message, tr("ledger.grants.added"), [&] {
      Grant g = s.form;
      g.amount = sdk::parse_integer(tr("ledger.col.amount"), s.amount, kBudgetRange);
      s.selected = add_grant(ctx.db(), ctx.current_org(), g);
      s.form = {}, s.amount.clear();
      changed(ctx, "grant");
    });
}

}  // namespace

void draw_grants_panel(sdk::Context& ctx) {
  if (ctx.current_org() == 0) return sdk::ui::TextDisabled(tr("ledger.no_org"));
  if (!prepare(ctx)) return note(tr("ledger.no_books"));
  GrantsState& s = grants_state.get(ctx);
  reload(ctx, s);
  if (s.grants.empty()) note(tr("ledger.grants.none"));
  for (const auto& g : s.grants) {
    ImGui::PushID(static_cast<int>(g.id));
    if (sdk::ui::SelectableEllipsis(g.name + "（" + g.body + "）" + yen(g.amount) + "円", g.id == s.selected))
      s.selected = g.id;
    ImGui::PopID();
  }
  if (writes(ctx)) draw_form(ctx, s);
  sdk::ui::show(s.message);
  if (!s.report) return;
  const GrantReport& r = *s.report;
  sdk::ui::section(std::string(tr("ledger.grants.report")) + " " + r.grant.name);
  const OrgId org = ctx.current_org();
  const std::string org_name = sdk::organizations(ctx).name(ctx.db(), org);
  s.paper->draw(s.message, sdk::ui::document_file_name({"実績報告", r.grant.name}, ".pdf"),
                [&] { return grant_document(ctx.db(), org, org_name, r.grant.id); });
  sdk::ui::Text(std::string(tr("ledger.col.income")) + " " + yen(r.income) + "円　" +
                tr("ledger.col.expense") + " " + yen(r.expense) + "円　" + tr("ledger.grants.balance") + " " +
                yen(r.balance()) + "円");
  if (r.entries.empty()) return note(tr("ledger.grants.no_entries"));
  if (!ImGui::BeginTable("grant_entries", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
  sdk::ui::fixed_column(tr("ledger.col.date"), {"2026-12-31"});
  ImGui::TableSetupColumn(tr("ledger.col.summary"), ImGuiTableColumnFlags_WidthStretch);
  sdk::ui::fixed_column(tr("ledger.col.receipt_no"), {"R-0000"});
  sdk::ui::fixed_column(tr("ledger.col.amount"), {"△99,999,999"});
  ImGui::TableHeadersRow();
  for (const auto& e : r.entries) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(e.day ? e.day->iso().c_str() : sdk::tr("date.unknown"));
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(e.category_path + " " + e.summary);
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(e.receipt_no);
    ImGui::TableNextColumn();
    amount_cell(e.amount);
  }
  ImGui::EndTable();
}

}  // namespace wasshoi::ledger::ui
