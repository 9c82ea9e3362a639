#pragma once
// The demo database (`wasshoi-cli demo`, every plugin) opened through the host core with the real
// plugin libraries, for the annual report's sections (sdk/annual_report.hpp): a section found
// through host core's sdk::AnnualReport service, its figures, its content as Markdown or PDF, and
// the plugin's own CLI `--json` on the same database to compare with. On the engine under test
// (label `engines`: a SQLite file, or a schema of the server in WASSHOI_TEST_DB). Header-only:
// each plugin's report test includes it.
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/host/app_context.hpp>
#include <wasshoi/sdk/annual_report.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/input.hpp>

#include "scratch_db.hpp"
#include "test_support.hpp"

namespace wasshoi::test {

struct ReportDemo {
  explicit ReportDemo(int households = 60) {
    sdk::strings().load_folder(bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    auto r = run_cli({"--db", db, "--json", "demo", "--households", std::to_string(households)});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    org = j["id"].get<sdk::OrgId>();
    other = j["jichikai"].size() > 1 ? j["jichikai"][1].get<sdk::OrgId>() : 0;
    kyodotai = j["kyodotai"].get<sdk::OrgId>();
    open();
  }

  void open() {
    ctx.reset();
    app = std::make_unique<host::App>(host::AppOptions{
        .db_path = db, .plugin_dir = bin_dir() / "plugins", .actor = "test", .create = false});
    app->open_database();
    ctx = std::make_unique<host::AppContext>(*app, org);
  }

  // The plugin's own command line on the same file: `args` with --db, --org and --json.
  nlohmann::json cli(std::vector<std::string> args, sdk::OrgId as_org = 0) const {
    args.insert(args.begin(), {"--db", db, "--org", std::to_string(as_org ? as_org : org), "--json"});
    auto r = run_cli(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
  }

  std::vector<sdk::ReportSection> sections(sdk::OrgId o = 0) {
    return app->services().get<sdk::AnnualReport>().sections(app->db(), o ? o : org);
  }
  sdk::ReportSection section(const std::string& id) {
    for (auto& s : sections())
      if (s.id == id) return s;
    FAIL("no report section " << id);
    return {};
  }
  std::map<std::string, std::int64_t> figures(const std::string& id) {
    std::map<std::string, std::int64_t> out;
    for (const auto& f : section(id).figures(*ctx, period())) out[f.name] = f.value;
    return out;
  }
  sdk::Document document(const std::string& id) {
    auto s = section(id);
    sdk::Document doc(id);
    doc.heading(sdk::tr(s.title_key));
    s.write(*ctx, period(), doc);
    return doc;
  }
  std::string markdown(const std::string& id) { return document(id).to_markdown(); }
  // The section as a PDF of its own (for pdftotext and for looking at), in the temporary folder
  // or in WASSHOI_REPORT_PDF_DIR when set (kept there to be looked at).
  std::filesystem::path pdf(const std::string& id) {
    std::filesystem::path dir = tmp.path();
    if (const char* keep = std::getenv("WASSHOI_REPORT_PDF_DIR")) dir = keep;
    auto path = dir / (id + ".pdf");
    document(id).save_pdf(path);
    return path;
  }

  // Officer accounts on the demo file (the file then asks everyone to sign in; the 会長 is signed
  // in): a 班長 of the first 班, a 閲覧 and the 会長 of another 自治会. SQLite only: a test that
  // calls this starts with WASSHOI_SQLITE_ONLY (accounts are refused on a server until issue 20).
  void add_accounts() {
    host::Accounts accounts(app->db());
    const auto full = sdk::Access::everything();
    const auto han = sdk::query_int(app->db(), "SELECT id FROM han WHERE org_id = " + std::to_string(org) +
                                                   " ORDER BY sort_order, id LIMIT 1");
    REQUIRE(han);
    first_han = *han;
    accounts.add(full, "kaicho", "山田 花子", "kaicho passphrase", sdk::Role::Chair, org, std::nullopt);
    accounts.add(full, "hancho", "﨑山 一郎", "hancho passphrase", sdk::Role::HanLeader, org, first_han);
    accounts.add(full, "etsuran", "閲覧 𠮷田", "etsuran passphrase", sdk::Role::Viewer, org, std::nullopt);
    if (other)
      accounts.add(full, "takasaki", "髙﨑 会長", "takasaki passphrase", sdk::Role::Chair, other,
                   std::nullopt);
    open();
    as("kaicho");
  }
  void as(const std::string& login) {
    app->sign_out();
    app->sign_in(login, login + " passphrase");
    app->enter(org, "");
  }

  sdk::ReportPeriod period() const { return sdk::report_period(org, year); }

  TempDir tmp;
  ScratchDb scratch;
  std::string db = scratch.target();
  sdk::OrgId org = 0, other = 0, kyodotai = 0;
  std::int64_t first_han = 0;
  int year = sdk::fiscal_year(sdk::today());  // the demo's data lie around today
  std::unique_ptr<host::App> app;
  std::unique_ptr<host::AppContext> ctx;
};

// Text without spaces (ASCII and full-width) and line ends, to compare with pdftotext's.
inline std::string squeeze_text(std::string text) {
  for (std::size_t at; (at = text.find("\u3000")) != std::string::npos;) text.erase(at, 3);
  std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\r'; });
  return text;
}

// pdftotext of a PDF, spaces and line ends taken out (layout spreads table cells).
inline std::string pdf_text_squeezed(const std::filesystem::path& pdf) {
  auto txt = pdf.string() + ".txt";
  std::string cmd = "pdftotext -layout '" + pdf.string() + "' '" + txt + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return squeeze_text(read_file(txt));
}

}  // namespace wasshoi::test
