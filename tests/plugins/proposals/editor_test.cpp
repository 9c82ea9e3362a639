// What the editor's and the dashboard's buttons call (the same core functions as the CLI): the
// header form, PDF出力 beside the database, the yearly 総括表 and 処理簿; and `proposals edit`.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "core/documents.hpp"
#include "core/lifecycle.hpp"
#include "core/proposals.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::proposals;
using Catch::Matchers::Contains;

namespace {
// The folder a document goes to without a path: the database's (a SQLite file), or on a server,
// which has none, the current folder: the test's own temporary one for the while.
struct Folder {
  explicit Folder(test::ProposalsFixture& f)
      : path(f.scratch.postgres() ? f.tmp.path() : std::filesystem::path(f.db_path).parent_path()) {
    if (f.scratch.postgres()) std::filesystem::current_path(f.tmp.path());
  }
  ~Folder() { std::filesystem::current_path(before); }
  std::filesystem::path before = std::filesystem::current_path();
  std::filesystem::path path;
};
}  // namespace

TEST_CASE("the header form changes kind and addressee with the same checks as a new proposal") {
  test::ProposalsFixture f;
  ProposalId id = f.draft_without_history();
  HeaderEdit h = header_of(get_proposal(f.db(), f.orgs(), id));
  h.kind = Kind::Petition, h.addressee = Addressee::Department, h.addressee_org = f.road,
  h.addressee_person = "佐々木 一郎";
  update_header(f.db(), f.orgs(), id, h);
  Proposal p = get_proposal(f.db(), f.orgs(), id);
  CHECK(p.kind == Kind::Petition);
  CHECK(addressee_title(f.db(), f.orgs(), p.addressee, p.addressee_org) == "一関市建設部道路課長");
  CHECK_THAT(request_preview(f.db(), f.orgs(), p, {p.org_name, "", {2026, 5, 20}, ""}),
             Contains("一関市建設部道路課長　佐々木 一郎　様") && Contains("（陳情）"));

  auto audit = f.count("audit_log");
  h.addressee_org = f.second;  // a 自治会, not a city body
  REQUIRE_THROWS_WITH(update_header(f.db(), f.orgs(), id, h), Contains("is not a city body"));
  h.addressee_org = f.road, h.title = "  ";
  REQUIRE_THROWS_WITH(update_header(f.db(), f.orgs(), id, h), Contains("title: the title is empty"));
  CHECK(f.count("audit_log") == audit);
  CHECK(get_proposal(f.db(), f.orgs(), id).addressee_org == f.road);
}

TEST_CASE("PDF出力 without a path writes the 要望書 beside the database and tells where") {
  test::ProposalsFixture f;
  const Folder folder(f);
  ProposalId id = f.draft_without_history();
  Proposal p = get_proposal(f.db(), f.orgs(), id);
  auto out = default_request_path(f.db(), p);
  CHECK(out == folder.path / "要望書_1_通学路への防犯灯の増設.pdf");
  auto r = export_request(f.db(), f.orgs(), id, &f.members(), out);
  CHECK(r.out == out);
  CHECK(r.pages == 1);
  CHECK_THAT(r.signer.no_chair, Contains("no 会長 recorded"));
  CHECK_THAT(test::squeeze(test::pdf_text(out)), Contains("通学路への防犯灯の増設について（要望）"));
  REQUIRE_THROWS_WITH(export_request(f.db(), f.orgs(), id, nullptr, f.tmp / "x.docx"),
                      Contains("must end in .pdf or .md"));
  CHECK(!std::filesystem::exists(f.tmp / "x.docx"));
}

TEST_CASE("the dashboard writes the 総括表 (A4 landscape) and the 処理簿 beside the database") {
  test::ProposalsFixture f;
  const Folder folder(f);
  f.draft_without_history();
  auto summary = default_yearly_path(f.db(), YearlyReport::Summary, 2026);
  auto ledger = default_yearly_path(f.db(), YearlyReport::Ledger, 2026);
  CHECK(summary == folder.path / "総括表_令和8年度.pdf");
  CHECK(ledger == folder.path / "処理簿_令和8年度.pdf");
  export_yearly(f.db(), f.orgs(), YearlyReport::Summary, f.kyodotai, 2026, summary);
  export_yearly(f.db(), f.orgs(), YearlyReport::Ledger, f.kyodotai, 2026, ledger);
  std::string cmd = "pdfinfo '" + summary.string() + "' | grep -q 'Page size: *841.89 x 595.276 pts (A4)'";
  CHECK(std::system(cmd.c_str()) == 0);
  CHECK_THAT(test::pdf_text(summary), Contains("通学路への防犯灯の増設"));
  CHECK(std::filesystem::exists(ledger));
  REQUIRE_THROWS_WITH(
      export_yearly(f.db(), f.orgs(), YearlyReport::Ledger, f.kyodotai, 2026, f.tmp / "l.csv"),
      Contains("must end in .pdf") && !Contains("or .csv"));
}

TEST_CASE("`proposals edit` changes the header until the proposal is submitted") {
  test::ProposalsFixture f;
  ProposalId id = f.draft_without_history();
  add_history(f.db(), id, {0, sdk::Date{2025, 11, 2}, "経過"});
  approve(f.db(), f.orgs(), id, &f.meetings(), f.board);
  auto p = std::to_string(id), org = std::to_string(f.first), road = std::to_string(f.road);
  f.close();
  auto j = f.cli_json({"proposals", "edit", p, "--kind", "政策提言", "--addressee", "担当課", "--to", road,
                       "--place", "北側通学路（約400m）"});
  CHECK(j["kind"] == "policy");
  CHECK(j["addressee"] == "department");
  CHECK(j["place"] == "北側通学路（約400m）");
  CHECK(j["title"] == "通学路への防犯灯の増設");  // not given: unchanged
  f.cli_json({"proposals", "submit", p, "--date", "2026-05-20", "--org", org});
  auto r = f.cli({"proposals", "edit", p, "--title", "別の件名"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("can no longer be changed"));
}
