// 口座と科目: the 会計年度's start month, money accounts and funds, the 科目 tree, and the bank
// statement's import and reconciliation.
#include <algorithm>
#include <cmath>
#include <memory>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "core/bank.hpp"
#include "core/books.hpp"
#include "core/entries.hpp"
#include "core/front.hpp"
#include "ui/common.hpp"
#include "ui/panels_list.hpp"

namespace wasshoi::ledger::ui {

namespace {

struct SetupState {
  std::uint64_t loaded_generation = 0;
  std::vector<Account> accounts;
  std::vector<std::int64_t> balances;
  std::vector<bool> has_opening;
  std::vector<std::string> opening_text;  // typed, per account
  std::vector<Fund> funds;
  std::vector<Category> categories;
  int month = 4;
  std::string account_name, fund_name, category_name, category_reading;
  int account_fund = 0, account_kind = 1, category_side = 1, category_parent = 0;
  Id renaming = 0;
  std::string rename_text;
  sdk::ui::Confirm retire;
  Id retiring = 0;
  int bank_account = 0;
  std::string statement_path;
  std::shared_ptr<sdk::ui::FileChooser> statement = std::make_shared<sdk::ui::FileChooser>();
  std::optional<Reconciliation> reconciliation;
  sdk::ui::PanelMessage message;
};

sdk::ui::PerOrg<SetupState> setup_state;

void reload(sdk::Context& ctx, SetupState& s) {
  if (s.loaded_generation == generation()) return;
  const OrgId org = ctx.current_org();
  s.accounts = accounts(ctx.db(), org);
  s.balances.clear();
  s.has_opening.clear();
  for (const auto& a : s.accounts) {
    s.balances.push_back(balance(ctx.db(), a.id));
    s.has_opening.push_back(has_opening_balance(ctx.db(), a.id));
  }
  s.opening_text.resize(s.accounts.size());
  s.funds = funds(ctx.db(), org);
  s.categories = categories(ctx.db(), org);
  s.month = start_month(ctx.db(), org);
  s.reconciliation.reset();
  if (!s.accounts.empty()) {
    s.bank_account = std::clamp(s.bank_account, 0, static_cast<int>(s.accounts.size()) - 1);
    auto r =
        reconcile(ctx.db(), org, std::to_string(s.accounts[static_cast<std::size_t>(s.bank_account)].id));
    if (r.matched || !r.bank_only.empty()) s.reconciliation = std::move(r);
  }
  s.loaded_generation = generation();
}

bool choice(const char* id, const std::vector<std::string>& items, int& index, float width) {
  if (items.empty()) return false;
  index = std::clamp(index, 0, static_cast<int>(items.size()) - 1);
  ImGui::SetNextItemWidth(width);
  bool changed_index = false;
  if (sdk::ui::BeginCombo(id, items[static_cast<std::size_t>(index)])) {
    for (int i = 0; i < static_cast<int>(items.size()); ++i)
      if (sdk::ui::Selectable(items[static_cast<std::size_t>(i)], i == index))
        index = i, changed_index = true;
    ImGui::EndCombo();
  }
  return changed_index;
}

void draw_accounts(sdk::Context& ctx, SetupState& s, bool write) {
  const OrgId org = ctx.current_org();
  const float em = ImGui::GetFontSize();
  sdk::ui::section(tr("ledger.setup.accounts"));
  // An account without its opening balance takes one here (once; later, only corrections).
  const bool opening =
      write && std::find(s.has_opening.begin(), s.has_opening.end(), false) != s.has_opening.end();
  if (ImGui::BeginTable("accounts", opening ? 5 : 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn(tr("ledger.col.fund"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("ledger.col.account"), ImGuiTableColumnFlags_WidthStretch);
    sdk::ui::fixed_column(tr("ledger.col.kind"), {"普通預金", "定期預金"});
    sdk::ui::fixed_column(tr("ledger.col.balance"), {"△999,999,999"});
    if (opening)
      ImGui::TableSetupColumn(tr("ledger.setup.opening"),
                              ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize,
                              std::ceil(em * 6 + sdk::ui::button_width(tr("ledger.setup.opening_set")) +
                                        ImGui::GetStyle().ItemSpacing.x) +
                                  1.0f);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < s.accounts.size(); ++i) {
      ImGui::PushID(static_cast<int>(s.accounts[i].id));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      sdk::ui::TextEllipsis(s.accounts[i].fund_name);
      ImGui::TableNextColumn();
      sdk::ui::TextEllipsis(s.accounts[i].name);
      ImGui::TableNextColumn();
      sdk::ui::Text(account_kind_ja(s.accounts[i].kind));
      ImGui::TableNextColumn();
      amount_cell(s.balances[i]);
      if (opening) {
        ImGui::TableNextColumn();
        if (!s.has_opening[i]) {
          ImGui::SetNextItemWidth(em * 6);
          sdk::ui::InputText("##opening", s.opening_text[i], ImGuiInputTextFlags_CharsNoBlank);
          ImGui::SameLine();
          if (sdk::ui::Button(tr("ledger.setup.opening_set")))
            sdk::ui::run_action(s.message, tr("ledger.setup.opening_saved"), [&] {
              const std::int64_t amount =
                  sdk::parse_integer(tr("ledger.setup.opening"), s.opening_text[i], kBudgetRange);
              const int year = current_year(ctx);
              set_opening_balance(ctx.db(), org, s.accounts[i].name, Date{year, s.month, 1}, amount,
                                  writer(ctx));
              s.opening_text[i].clear();
              changed(ctx, "entry");
            });
        }
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (!write) return;
  std::vector<std::string> fund_names, kinds = {"現金", "普通預金", "定期預金"};
  for (const auto& f : s.funds) fund_names.push_back(f.name);
  sdk::ui::TextDisabled(tr("ledger.setup.new_account"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 10);
  sdk::ui::InputText("##account_name", s.account_name);
  sdk::ui::same_line_if_fits(em * 9);
  choice("##account_fund", fund_names, s.account_fund, em * 9);
  sdk::ui::same_line_if_fits(em * 6);
  choice("##account_kind", kinds, s.account_kind, em * 6);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("ledger.setup.add")));
  if (sdk::ui::Button(tr("ledger.setup.add")))
    sdk::ui::run_action(s.message, tr("ledger.setup.saved"), [&] {
      add_account(ctx.db(), org, fund_names.at(static_cast<std::size_t>(s.account_fund)), s.account_name,
                  static_cast<AccountKind>(s.account_kind));
      s.account_name.clear();
      changed(ctx, "account");
    });
  sdk::ui::TextDisabled(tr("ledger.setup.new_fund"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 12);
  sdk::ui::InputText("##fund_name", s.fund_name);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("ledger.setup.add_fund")));
  if (sdk::ui::Button(tr("ledger.setup.add_fund")))
    sdk::ui::run_action(s.message, tr("ledger.setup.saved"), [&] {
      add_fund(ctx.db(), org, s.fund_name);
      s.fund_name.clear();
      changed(ctx, "fund");
    });
  sdk::ui::TextDisabled(tr("ledger.setup.start_month"));
  ImGui::SameLine();
  std::vector<std::string> months;
  for (int m = 1; m <= 12; ++m) months.push_back(std::to_string(m) + "月");
  int index = s.month - 1;
  if (choice("##month", months, index, em * 5))
    sdk::ui::run_action(s.message, tr("ledger.setup.saved"), [&] {
      set_start_month(ctx.db(), org, index + 1);
      changed(ctx, "settings");
    });
}

void draw_categories(sdk::Context& ctx, SetupState& s, bool write) {
  const OrgId org = ctx.current_org();
  const float em = ImGui::GetFontSize();
  sdk::ui::section(tr("ledger.setup.categories"));
  const int columns = write ? 4 : 3;
  if (ImGui::BeginTable("categories", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
    sdk::ui::fixed_column(tr("ledger.col.side"), {tr("ledger.side.income"), tr("ledger.side.expense")});
    ImGui::TableSetupColumn(tr("ledger.col.category"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("ledger.col.reading"), ImGuiTableColumnFlags_WidthStretch);
    if (write)
      ImGui::TableSetupColumn(
          "##actions", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize,
          std::ceil(sdk::ui::button_width(tr("ledger.setup.rename")) +
                    sdk::ui::button_width(tr("ledger.setup.retire")) + ImGui::GetStyle().ItemSpacing.x) +
              1.0f);
    ImGui::TableHeadersRow();
    for (const auto& c : s.categories) {
      ImGui::PushID(static_cast<int>(c.id));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      sdk::ui::TextDisabled(c.side == Side::Income ? tr("ledger.side.income") : tr("ledger.side.expense"));
      ImGui::TableNextColumn();
      if (s.renaming == c.id) {
        ImGui::SetNextItemWidth(-1);
        sdk::ui::InputText("##rename", s.rename_text);
        if (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))
          sdk::ui::run_action(s.message, tr("ledger.setup.saved"), [&] {
            rename_category(ctx.db(), org, c.id, s.rename_text, c.reading);
            s.renaming = 0;
            changed(ctx, "category");
          });
      } else {
        sdk::ui::TextEllipsis((c.depth ? "　" : "") + c.name);
      }
      ImGui::TableNextColumn();
      sdk::ui::TextEllipsis(c.reading);
      if (write) {
        ImGui::TableNextColumn();
        if (sdk::ui::Button(tr("ledger.setup.rename"))) s.renaming = c.id, s.rename_text = c.name;
        ImGui::SameLine();
        if (sdk::ui::Button(tr("ledger.setup.retire"))) {
          s.retiring = c.id;
          s.retire.open(tr("ledger.setup.retire"), c.path);
        }
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (s.retire.draw())
    sdk::ui::run_action(s.message, tr("ledger.setup.saved"), [&] {
      retire_category(ctx.db(), org, s.retiring);
      changed(ctx, "category");
    });
  if (!write) return;
  std::vector<std::string> sides = {tr("ledger.side.income"), tr("ledger.side.expense")};
  std::vector<std::string> parents = {tr("ledger.setup.no_parent")};
  const Side side = s.category_side == 0 ? Side::Income : Side::Expense;
  for (const auto& c : s.categories)
    if (c.depth == 0 && c.side == side) parents.push_back(c.name);
  sdk::ui::TextDisabled(tr("ledger.setup.new_category"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 8);
  sdk::ui::InputText("##category_name", s.category_name);
  sdk::ui::same_line_if_fits(em * 8);
  ImGui::SetNextItemWidth(em * 8);
  sdk::ui::InputText("##category_reading", s.category_reading);
  sdk::ui::same_line_if_fits(em * 5);
  choice("##side", sides, s.category_side, em * 5);
  sdk::ui::same_line_if_fits(em * 8);
  choice("##parent", parents, s.category_parent, em * 8);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("ledger.setup.add")));
  ImGui::PushID("category");
  if (sdk::ui::Button(tr("ledger.setup.add")))
    sdk::ui::run_action(s.message, tr("ledger.setup.saved"), [&] {
      add_category(
          ctx.db(), org, side, s.category_name, s.category_reading,
          s.category_parent ? parents.at(static_cast<std::size_t>(s.category_parent)) : std::string());
      s.category_name.clear(), s.category_reading.clear();
      changed(ctx, "category");
    });
  ImGui::PopID();
}

void draw_bank(sdk::Context& ctx, SetupState& s, bool write) {
  const OrgId org = ctx.current_org();
  sdk::ui::section(tr("ledger.setup.bank"));
  std::vector<std::string> names;
  for (const auto& a : s.accounts) names.push_back(a.name);
  if (choice("##bank_account", names, s.bank_account, ImGui::GetFontSize() * 10)) bump_generation();
  if (write) {
    sdk::ui::TextDisabled(tr("ledger.setup.statement"));
    if (sdk::ui::file_field("statement", *s.statement,
                            {.mode = sdk::ui::FileMode::Open,
                             .title = tr("ledger.setup.statement"),
                             .filters = {sdk::ui::csv_files()}},
                            s.statement_path))
      sdk::ui::run_action(s.message, {}, [&] {
        const auto bytes = sdk::read_input_file(s.statement_path, sdk::FileKind::Roster, "statement");
        const auto r = import_statement(
            ctx.db(), org, std::to_string(s.accounts.at(static_cast<std::size_t>(s.bank_account)).id), bytes);
        s.message.done(std::to_string(r.lines) + tr("ledger.setup.lines_read") + std::to_string(r.added) +
                       tr("ledger.setup.lines_new") + std::to_string(r.matched) +
                       tr("ledger.setup.lines_matched"));
        changed(ctx, "bank");
      });
  }
  if (!s.reconciliation) return note(tr("ledger.setup.no_statement"));
  const Reconciliation& r = *s.reconciliation;
  sdk::ui::Text(std::to_string(r.matched) + tr("ledger.setup.matched_count"));
  auto lines = [&](const char* id, const char* title,
                   const std::vector<std::tuple<std::string, std::int64_t, std::string>>& rows) {
    sdk::ui::section(title, sdk::ui::Heading::Muted);
    if (rows.empty()) return sdk::ui::TextDisabled(tr("ledger.setup.none"));
    if (!ImGui::BeginTable(id, 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
    sdk::ui::fixed_column(tr("ledger.col.date"), {"2026-12-31"});
    ImGui::TableSetupColumn(tr("ledger.col.summary"), ImGuiTableColumnFlags_WidthStretch);
    sdk::ui::fixed_column(tr("ledger.col.amount"), {"△999,999,999"});
    ImGui::TableHeadersRow();
    for (const auto& [day, amount, text] : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(day.c_str());
      ImGui::TableNextColumn();
      sdk::ui::TextEllipsis(text);
      ImGui::TableNextColumn();
      amount_cell(amount);
    }
    ImGui::EndTable();
  };
  std::vector<std::tuple<std::string, std::int64_t, std::string>> bank_only, book_only;
  for (const auto& l : r.bank_only)
    bank_only.emplace_back(sdk::iso_or_unknown(l.day), l.amount, l.description);
  for (const auto& e : r.book_only) book_only.emplace_back(sdk::iso_or_unknown(e.day), e.amount, e.summary);
  lines("bank_only", tr("ledger.setup.bank_only"), bank_only);
  lines("book_only", tr("ledger.setup.book_only"), book_only);
}

}  // namespace

void draw_setup_panel(sdk::Context& ctx) {
  if (ctx.current_org() == 0) return sdk::ui::TextDisabled(tr("ledger.no_org"));
  if (!prepare(ctx)) return note(tr("ledger.no_books"));
  SetupState& s = setup_state.get(ctx);
  reload(ctx, s);
  const bool write = writes(ctx);
  sdk::ui::show(s.message);
  draw_accounts(ctx, s, write);
  draw_categories(ctx, s, write);
  draw_bank(ctx, s, write);
}

}  // namespace wasshoi::ledger::ui
