#include "ui/book_panel.hpp"

#include <cmath>
#include <filesystem>
#include <memory>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/ui_date.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "core/books.hpp"
#include "core/documents.hpp"
#include "core/entries.hpp"
#include "core/front.hpp"
#include "core/grants.hpp"
#include "ui/common.hpp"

namespace wasshoi::ledger::ui {

namespace {

struct Form {
  std::string date_text, category, amount, summary, receipt_no;
  std::string receipt_path;  // a picture or PDF of the receipt, kept with the next entry
  std::shared_ptr<sdk::ui::FileChooser> receipt = std::make_shared<sdk::ui::FileChooser>();
  int account = 0, to_account = 1;
  int grant = 0;  // 0: none; else the grant at grant - 1
  bool transfer = false;
  bool focus_first = true;
};

struct BookState {
  int year = 0;
  Id account_filter = 0;  // 0: every account
  std::uint64_t loaded_generation = 0;
  int loaded_year = 0;
  Id loaded_filter = -1;
  std::vector<Entry> entries;
  std::vector<Account> accounts;
  std::vector<Category> categories;
  std::vector<Grant> grants;
  std::string widest_amount;  // of the year's entries, found when they are loaded
  Form form;
  sdk::ui::PanelMessage message;
  std::shared_ptr<sdk::ui::FileChooser> csv = std::make_shared<sdk::ui::FileChooser>(),
                                        csv_sjis = std::make_shared<sdk::ui::FileChooser>();
  sdk::ui::ReasonPrompt reverse;
  Id reversing = 0;
  // An entry's receipt saved where the officer says.
  std::shared_ptr<sdk::ui::FileChooser> receipt_out = std::make_shared<sdk::ui::FileChooser>();
  Id saving_receipt = 0;
};

sdk::ui::PerOrg<BookState> book_state;

std::string widest_amount(const std::vector<Entry>& entries) {
  std::int64_t most = 99'999;
  for (const auto& e : entries)
    most = std::max({most, e.amount < 0 ? -e.amount : e.amount, e.balance < 0 ? -e.balance : e.balance});
  return "△" + yen(most);
}

void reload(sdk::Context& ctx, BookState& s) {
  if (s.loaded_generation == generation() && s.loaded_year == s.year && s.loaded_filter == s.account_filter)
    return;
  const OrgId org = ctx.current_org();
  s.accounts = accounts(ctx.db(), org);
  s.categories = categories(ctx.db(), org);
  s.grants = grants(ctx.db(), org);
  s.entries = book(
      ctx.db(), org,
      {.year = s.year, .account = s.account_filter ? std::optional<Id>(s.account_filter) : std::nullopt});
  s.widest_amount = widest_amount(s.entries);
  if (s.form.date_text.empty()) s.form.date_text = sdk::ui::date_field_text(sdk::today());
  s.loaded_generation = generation(), s.loaded_year = s.year, s.loaded_filter = s.account_filter;
}

// The field just drawn was left with Enter (sdk::ui::InputText writes the text back as it is
// typed, so ImGui's EnterReturnsTrue, which holds it back until Enter, is not used).
bool entered() {
  return ImGui::IsItemDeactivated() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)));
}

bool account_combo(const char* id, const std::vector<Account>& accounts, int& index, float width) {
  if (accounts.empty()) return false;
  index = std::clamp(index, 0, static_cast<int>(accounts.size()) - 1);
  ImGui::SetNextItemWidth(width);
  bool changed_index = false;
  if (sdk::ui::BeginCombo(id, accounts[static_cast<std::size_t>(index)].name)) {
    for (int i = 0; i < static_cast<int>(accounts.size()); ++i)
      if (sdk::ui::Selectable(accounts[static_cast<std::size_t>(i)].name, i == index))
        index = i, changed_index = true;
    ImGui::EndCombo();
  }
  return changed_index;
}

void submit(sdk::Context& ctx, BookState& s, const sdk::Date& day) {
  Form& f = s.form;
  const OrgId org = ctx.current_org();
  const std::int64_t amount = sdk::parse_integer(tr("ledger.col.amount"), f.amount, kAmountRange);
  const std::string from = s.accounts.at(static_cast<std::size_t>(f.account)).name;
  if (f.transfer) {
    add_transfer(ctx.db(), org,
                 {day, from, s.accounts.at(static_cast<std::size_t>(f.to_account)).name, amount, f.summary,
                  writer(ctx)});
  } else {
    const auto hits = match_categories(s.categories, f.category);
    if (sdk::trim(f.category).empty() || hits.empty())
      throw sdk::InputError(std::string(tr("ledger.book.no_category")) + " (" + f.category + ")");
    NewEntry entry{day,         from,        std::to_string(hits.front().id), amount, f.summary, f.receipt_no,
                   writer(ctx), std::nullopt};
    if (f.grant > 0 && f.grant <= static_cast<int>(s.grants.size()))
      entry.grant = s.grants[static_cast<std::size_t>(f.grant - 1)].id;
    if (!f.receipt_path.empty()) {
      entry.receipt_bytes =
          sdk::read_input_file(f.receipt_path, sdk::FileKind::Picture, tr("ledger.book.receipt"));
      entry.receipt_name = std::filesystem::path(f.receipt_path).filename().string();
    }
    add_entry(ctx.db(), org, entry);
  }
  // The 補助金 stays chosen: a grant's entries usually come together.
  f.category.clear(), f.amount.clear(), f.summary.clear(), f.receipt_no.clear(), f.receipt_path.clear();
  f.focus_first = true;
  changed(ctx, "entry");
}

void draw_form(sdk::Context& ctx, BookState& s) {
  Form& f = s.form;
  const float em = ImGui::GetFontSize();
  // Large text in a small window: the form folds away under its heading (closed at first) so the
  // 出納帳 itself keeps the screen; opened, it is the same form.
  const bool compact = ImGui::GetContentRegionAvail().y < em * 26;
  if (compact) {
    if (!ImGui::CollapsingHeader(tr("ledger.book.new_fold"))) return;
  } else {
    sdk::ui::section(tr("ledger.book.new"), sdk::ui::Heading::Muted);
  }
  bool enter = false;
  constexpr ImGuiInputTextFlags kEnter = 0;
  ImGui::PushID("entry");
  sdk::ui::TextDisabled(tr("ledger.col.date"));
  ImGui::SameLine();
  const auto date = sdk::ui::DateInput("##date", f.date_text);
  sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(tr("ledger.book.transfer")));
  ImGui::Checkbox(tr("ledger.book.transfer"), &f.transfer);
  // 科目 (or where a transfer goes), 金額, 口座
  if (f.transfer) {
    sdk::ui::TextDisabled(tr("ledger.book.to_account"));
    ImGui::SameLine();
    account_combo("##to", s.accounts, f.to_account, em * 10);
  } else {
    sdk::ui::TextDisabled(tr("ledger.col.category"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 9);
    if (f.focus_first) ImGui::SetKeyboardFocusHere();
    sdk::ui::InputText("##category", f.category, kEnter);
    enter |= entered();
    if (ImGui::IsItemActive()) f.focus_first = false;  // asked until it has the keyboard
    const auto hits = match_categories(s.categories, f.category);
    if (!sdk::trim(f.category).empty()) {
      const std::string hint = hits.empty() ? tr("ledger.book.no_match") : "→ " + hits.front().path;
      sdk::ui::same_line_if_fits(sdk::ui::text_width(hint));
      hits.empty() ? sdk::ui::warning_text(hint) : sdk::ui::TextDisabled(hint);
    }
  }
  sdk::ui::TextDisabled(tr("ledger.col.amount"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 7);
  sdk::ui::InputText("##amount", f.amount, kEnter | ImGuiInputTextFlags_CharsNoBlank);
  enter |= entered();
  sdk::ui::same_line_if_fits(sdk::ui::text_width(tr("ledger.col.account")) + em * 10);
  sdk::ui::TextDisabled(f.transfer ? tr("ledger.book.from_account") : tr("ledger.col.account"));
  ImGui::SameLine();
  account_combo("##account", s.accounts, f.account, em * 9);
  sdk::ui::TextDisabled(tr("ledger.col.summary"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(em * 16, ImGui::GetContentRegionAvail().x));
  sdk::ui::InputText("##summary", f.summary, kEnter);
  enter |= entered();
  if (!f.transfer) {
    sdk::ui::same_line_if_fits(sdk::ui::text_width(tr("ledger.col.receipt_no")) + em * 5);
    sdk::ui::TextDisabled(tr("ledger.col.receipt_no"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 5);
    sdk::ui::InputText("##receipt", f.receipt_no, kEnter);
    enter |= entered();
  }
  if (!f.transfer) {
    sdk::ui::TextDisabled(tr("ledger.book.receipt"));
    ImGui::SameLine();
    sdk::ui::file_field("receipt", *f.receipt,
                        {.mode = sdk::ui::FileMode::Open,
                         .title = tr("ledger.book.receipt"),
                         .filters = {sdk::ui::image_files(), {"PDF", {"*.pdf", "*.PDF"}}}},
                        f.receipt_path);
    if (!s.grants.empty()) {
      std::vector<std::string> names = {tr("ledger.book.no_grant")};
      for (const auto& g : s.grants) names.push_back(g.name);
      f.grant = std::clamp(f.grant, 0, static_cast<int>(s.grants.size()));
      const float width = std::min(em * 14, ImGui::GetContentRegionAvail().x);
      sdk::ui::same_line_if_fits(sdk::ui::text_width(tr("ledger.book.grant")) + width);
      sdk::ui::TextDisabled(tr("ledger.book.grant"));
      ImGui::SameLine();
      ImGui::SetNextItemWidth(width);
      if (sdk::ui::BeginCombo("##grant", names[static_cast<std::size_t>(f.grant)])) {
        for (int i = 0; i < static_cast<int>(names.size()); ++i)
          if (sdk::ui::Selectable(names[static_cast<std::size_t>(i)], i == f.grant)) f.grant = i;
        ImGui::EndCombo();
      }
    }
  }
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("ledger.book.add")));
  ImGui::BeginDisabled(!date.has_date());
  const bool clicked = sdk::ui::Button(tr("ledger.book.add"));
  ImGui::EndDisabled();
  ImGui::PopID();
  if ((enter || clicked) && date.has_date())
    sdk::ui::run_action(s.message, tr("ledger.book.added"), [&] { submit(ctx, s, *date.date); });
  if (!compact) note(tr("ledger.book.keys"));
}

std::string grant_name(const BookState& s, const Entry& e) {
  if (!e.grant) return {};
  for (const auto& g : s.grants)
    if (g.id == *e.grant) return g.name;
  return {};
}

std::string entry_text(const BookState& s, const Entry& e, bool with_account) {
  std::string text;
  text += e.kind == EntryKind::Transfer  ? tr("ledger.book.transfer")
          : e.kind == EntryKind::Opening ? tr("ledger.book.opening")
                                         : e.category_path;
  text += "　";
  if (!e.source.empty()) text += "〔" + e.source + "〕";
  text += e.summary;
  if (e.reverses) text += "（" + e.reason + "）";
  if (const std::string g = grant_name(s, e); !g.empty()) text += "〔" + g + "〕";
  if (e.reversed) text = std::string(tr("ledger.book.reversed_mark")) + text;
  if (with_account) text += "［" + e.account_name + "］";
  return text;
}

// Wide (a 出納帳 as on paper): 日付, 口座, 科目, 摘要, 収入, 支出, 残高. Narrow (large text): 日付,
// 科目と摘要, 金額 (支出 with △), 残高.
void draw_table(sdk::Context& ctx, BookState& s, bool write) {
  constexpr ImGuiTableFlags kFlags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
  const bool wide = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 46;
  const bool with_account = s.account_filter == 0;
  const bool receipts =
      std::any_of(s.entries.begin(), s.entries.end(), [](const Entry& e) { return e.has_receipt; });
  const int columns = (wide ? 7 : 4) + (receipts ? 1 : 0) + (write ? 1 : 0);
  const float height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetTextLineHeightWithSpacing() * 8);
  if (!ImGui::BeginTable("book", columns, kFlags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  const std::string& amount = s.widest_amount;
  sdk::ui::fixed_column(tr("ledger.col.date"), {"2026-12-31", sdk::tr("date.unknown")});
  if (wide) {
    ImGui::TableSetupColumn(tr("ledger.col.account"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("ledger.col.category"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr("ledger.col.summary"), ImGuiTableColumnFlags_WidthStretch, 2.5f);
    sdk::ui::fixed_column(tr("ledger.col.income"), {amount});
    sdk::ui::fixed_column(tr("ledger.col.expense"), {amount});
  } else {
    ImGui::TableSetupColumn(tr("ledger.col.summary"), ImGuiTableColumnFlags_WidthStretch);
    sdk::ui::fixed_column(tr("ledger.col.amount"), {amount});
  }
  sdk::ui::fixed_column(tr("ledger.col.balance"), {amount});
  if (receipts)
    ImGui::TableSetupColumn("##receipt", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize,
                            std::ceil(sdk::ui::button_width(tr("ledger.book.receipt_save"))) + 1.0f);
  if (write)
    ImGui::TableSetupColumn("##fix", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize,
                            std::ceil(sdk::ui::button_width(tr("ledger.book.correct"))) + 1.0f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(s.entries.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Entry& e = s.entries[static_cast<std::size_t>(i)];
      ImGui::PushID(static_cast<int>(e.id));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.day ? e.day->iso().c_str() : sdk::tr("date.unknown"));
      if (wide) {
        ImGui::TableNextColumn();
        sdk::ui::TextEllipsis(e.account_name);
        ImGui::TableNextColumn();
        sdk::ui::TextEllipsis(e.kind == EntryKind::Transfer  ? tr("ledger.book.transfer")
                              : e.kind == EntryKind::Opening ? tr("ledger.book.opening")
                                                             : e.category_path);
        ImGui::TableNextColumn();
        Entry plain = e;
        plain.kind = EntryKind::Entry, plain.category_path.clear();
        sdk::ui::TextEllipsis(sdk::trim(entry_text(s, plain, false)));
        ImGui::TableNextColumn();
        if (e.amount > 0) amount_cell(e.amount);
        ImGui::TableNextColumn();
        if (e.amount < 0) amount_cell(-e.amount);
      } else {
        ImGui::TableNextColumn();
        sdk::ui::TextEllipsis(entry_text(s, e, with_account));
        ImGui::TableNextColumn();
        amount_cell(e.amount);
      }
      ImGui::TableNextColumn();
      amount_cell(e.balance);
      if (receipts) {
        ImGui::TableNextColumn();
        if (e.has_receipt && sdk::ui::Button(tr("ledger.book.receipt_save")))
          if (auto r = receipt(ctx, e.id)) {
            s.saving_receipt = e.id;
            const std::string day = sdk::iso_or_unknown(e.day);
            const std::string ext = std::filesystem::path(r->name).extension().string();
            s.receipt_out->open(
                {.mode = sdk::ui::FileMode::Save,
                 .title = tr("ledger.book.receipt_save_title"),
                 .suggested_name = sdk::ui::document_file_name(
                     {"領収書", day, e.receipt_no.empty() ? std::string_view(e.summary) : e.receipt_no},
                     ext)});
          }
      }
      if (write) {
        ImGui::TableNextColumn();
        if (!e.reversed && !e.reverses && e.kind != EntryKind::Opening &&
            sdk::ui::Button(tr("ledger.book.correct"))) {
          s.reversing = e.id;
          s.reverse.open(tr("ledger.book.correct_title"), sdk::iso_or_unknown(e.day) + " " + e.account_name +
                                                              " " + e.category_path + " " + e.summary + " " +
                                                              yen(e.amount) + "円");
        }
      }
      ImGui::PopID();
    }
  ImGui::EndTable();
}

}  // namespace

void draw_book_panel(sdk::Context& ctx) {
  if (ctx.current_org() == 0) return sdk::ui::TextDisabled(tr("ledger.no_org"));
  if (!prepare(ctx)) return note(tr("ledger.no_books"));
  BookState& s = book_state.get(ctx);
  if (s.year == 0) s.year = current_year(ctx);
  reload(ctx, s);
  year_combo("##year", ctx, s.year);
  std::string filter = s.account_filter ? std::string() : tr("ledger.book.all_accounts");
  for (const auto& a : s.accounts)
    if (a.id == s.account_filter) filter = a.name;
  sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 10);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (sdk::ui::BeginCombo("##filter", filter)) {
    if (sdk::ui::Selectable(tr("ledger.book.all_accounts"), s.account_filter == 0)) s.account_filter = 0;
    for (const auto& a : s.accounts)
      if (sdk::ui::Selectable(a.name, a.id == s.account_filter)) s.account_filter = a.id;
    ImGui::EndCombo();
  }
  const std::string name =
      sdk::ui::document_file_name({"出納帳", sdk::format_fiscal_year_ja(s.year)}, ".csv");
  const sdk::ui::FileRequest csv{.mode = sdk::ui::FileMode::Save,
                                 .title = tr("ledger.book.csv"),
                                 .suggested_name = name,
                                 .filters = {sdk::ui::csv_files()}};
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("ledger.book.csv")));
  if (auto path = sdk::ui::save_button(tr("ledger.book.csv"), *s.csv, csv))
    sdk::ui::run_action(s.message, tr("ledger.book.csv_saved"), [&] {
      sdk::write_file(*path, cash_book_csv(ctx.db(), ctx.current_org(), s.year, false));
    });
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("ledger.book.csv_sjis")));
  if (auto path = sdk::ui::save_button(tr("ledger.book.csv_sjis"), *s.csv_sjis, csv))
    sdk::ui::run_action(s.message, tr("ledger.book.csv_saved"), [&] {
      sdk::write_file(*path, cash_book_csv(ctx.db(), ctx.current_org(), s.year, true));
    });
  const bool write = writes(ctx);
  if (write && year_state(ctx.db(), ctx.current_org(), s.year) == "open")
    draw_form(ctx, s);
  else if (!write)
    note(tr("ledger.read_only"));
  else
    note(tr("ledger.book.locked"));
  sdk::ui::show(s.message);
  if (auto reason = s.reverse.draw())
    sdk::ui::run_action(s.message, tr("ledger.book.corrected"), [&] {
      reverse_entry(ctx.db(), ctx.current_org(), s.reversing, *reason, sdk::today(), writer(ctx));
      changed(ctx, "entry");
    });
  if (auto path = s.receipt_out->poll())
    sdk::ui::run_action(s.message, tr("ledger.book.receipt_saved"), [&] {
      auto r = receipt(ctx, s.saving_receipt);
      if (!r) throw sdk::InputError(tr("ledger.book.no_receipt"));
      std::filesystem::path out = *path;
      // The receipt keeps its own kind: 領収書_2026-05-10_12.jpg
      if (out.extension().empty()) out += std::filesystem::path(r->name).extension();
      sdk::write_file(out, r->bytes, {.personal_data = true});
    });
  draw_table(ctx, s, write);
}

}  // namespace wasshoi::ledger::ui
