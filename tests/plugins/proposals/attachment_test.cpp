// Removing a picture (the wrong photo) from a proposal: core on the real database, the 要望書 read
// back with pdfimages, and `wasshoi-cli proposals show` / `detach` end to end.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "core/documents.hpp"
#include "core/lifecycle.hpp"
#include "core/proposals.hpp"
#include "fixture.hpp"
#include "phone_photo.hpp"

using namespace wasshoi;
using namespace wasshoi::proposals;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

// A draft with the place's map and a photo attached; their ids in `map` and `photo`.
ProposalId with_pictures(test::ProposalsFixture& f, std::int64_t& map, std::int64_t& photo) {
  ProposalId id = f.draft_without_history();
  test::write_png(f.tmp / "map.png", 900, 600);
  test::write_png(f.tmp / "photo.png", 640, 480);
  map = add_attachment_file(f.db(), id, "map", f.tmp / "map.png", "防犯灯の増設を求める区間");
  photo = add_attachment_file(f.db(), id, "photo", f.tmp / "photo.png", "隣の町内の写真");
  return id;
}

void make_submitted(test::ProposalsFixture& f, ProposalId id) {
  add_history(f.db(), id,
              {0, sdk::Date{2025, 11, 2}, "自治会費で防犯灯2基を設置したが、なお暗い区間が残る。"});
  approve(f.db(), f.orgs(), id, &f.meetings(), f.board);
  submit(f.db(), f.orgs(), id, {2026, 5, 20}, "", &f.issues());
}

std::int64_t audit_rows(test::ProposalsFixture& f, const std::string& detail) {
  sdk::Statement st(f.db(),
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'proposals.attach' AND detail = ?");
  st.bind(1, detail);
  st.step();
  return st.get_int(0);
}

}  // namespace

TEST_CASE("removing the wrong photo takes it off the 要望書's 別紙, keeps the map and is audited") {
  test::ProposalsFixture f;
  std::int64_t map = 0, photo = 0;
  ProposalId id = with_pictures(f, map, photo);
  auto before = f.tmp / "before.pdf", after = f.tmp / "after.pdf";
  export_request(f.db(), f.orgs(), id, nullptr, before);
  REQUIRE(test::pdf_image_count(before) == 2);

  Attachment removed = remove_attachment(f.db(), id, photo);
  CHECK(removed.name == "photo.png");
  CHECK(removed.caption == "隣の町内の写真");
  Proposal p = get_proposal(f.db(), f.orgs(), id);
  REQUIRE(p.attachments.size() == 1);
  CHECK(p.attachments[0].id == map);
  CHECK(audit_rows(f, "proposal " + std::to_string(id) + " remove photo.png") == 1);

  export_request(f.db(), f.orgs(), id, nullptr, after);
  CHECK(test::pdf_image_count(after) == 1);
  std::string text = test::squeeze(test::pdf_text(after));
  CHECK_THAT(text, Contains("防犯灯の増設を求める区間"));
  CHECK_THAT(text, !Contains("隣の町内の写真"));
}

TEST_CASE(
    "removing a picture of another proposal, or one that does not exist, is refused naming both and nothing "
    "is written") {
  test::ProposalsFixture f;
  std::int64_t map = 0, photo = 0;
  ProposalId id = with_pictures(f, map, photo);
  ProposalId other = f.draft_without_history("公園の遊具の点検");
  auto pictures = f.count("proposals_attachments"), audit = f.count("audit_log");
  std::string p = std::to_string(id), o = std::to_string(other);

  REQUIRE_THROWS_WITH(
      remove_attachment(f.db(), other, photo),
      "attachment " + std::to_string(photo) + " belongs to proposal " + p + ", not to proposal " + o);
  REQUIRE_THROWS_WITH(remove_attachment(f.db(), id, 999), "proposal " + p + " has no attachment 999");
  REQUIRE_THROWS_WITH(remove_attachment(f.db(), 77, photo), "no proposal with id 77");
  CHECK(f.count("proposals_attachments") == pictures);
  CHECK(f.count("audit_log") == audit);
}

TEST_CASE("the pictures of a proposal submitted to the city can no longer be removed, like its sections") {
  test::ProposalsFixture f;
  std::int64_t map = 0, photo = 0;
  ProposalId id = with_pictures(f, map, photo);
  make_submitted(f, id);
  auto later = add_attachment_file(f.db(), id, "photo", f.tmp / "photo.png", "工事の後");  // still allowed
  record_answer(f.db(), f.orgs(), id,
                {sdk::Date{2026, 6, 30}, AnswerCategory::WillDo, "3基を設置します。", ""}, &f.issues());
  auto audit = f.count("audit_log");
  for (auto attachment : {map, later})
    REQUIRE_THROWS_WITH(
        remove_attachment(f.db(), id, attachment),
        Contains("proposal " + std::to_string(id) + " is 回答済") && Contains("can no longer be changed"));
  CHECK(get_proposal(f.db(), f.orgs(), id).attachments.size() == 3);
  CHECK(f.count("audit_log") == audit);
}

TEST_CASE(
    "`proposals show` lists the pictures with their ids and `proposals detach` removes one, with --json") {
  test::ProposalsFixture f;
  std::int64_t map = 0, photo = 0;
  ProposalId id = with_pictures(f, map, photo);
  f.close();
  auto p = std::to_string(id), ph = std::to_string(photo);

  auto shown = f.cli({"proposals", "show", p});
  REQUIRE(shown.exit_code == 0);
  CHECK_THAT(shown.out, Contains("位置図・写真") &&
                            Contains("[" + std::to_string(map) + "] 位置図　map.png") &&
                            Contains("[" + ph + "] 写真　photo.png　隣の町内の写真"));
  auto j = f.cli_json({"proposals", "show", p});
  REQUIRE(j["attachments"].size() == 2);
  CHECK(j["attachments"][1]["id"] == photo);
  CHECK(j["attachments"][1]["caption"] == "隣の町内の写真");

  auto removed = f.cli_json({"proposals", "detach", p, ph});
  CHECK(removed == json{{"id", photo}, {"proposal", id}, {"name", "photo.png"}, {"removed", true}});
  CHECK(f.cli_json({"proposals", "show", p})["attachments"].size() == 1);

  auto text = f.cli({"proposals", "detach", p, std::to_string(map)});
  CHECK(text.exit_code == 0);
  CHECK(text.out == "attachment " + std::to_string(map) + " (map.png) removed from proposal " + p + "\n");
  CHECK(f.cli_json({"proposals", "show", p})["attachments"].empty());
}

TEST_CASE(
    "`proposals detach` with a wrong id or on a submitted proposal exits 1 with the reason and writes "
    "nothing") {
  test::ProposalsFixture f;
  std::int64_t map = 0, photo = 0;
  ProposalId id = with_pictures(f, map, photo);
  ProposalId sent = f.draft_without_history("公園の遊具の点検");
  auto sent_photo = add_attachment_file(f.db(), sent, "photo", f.tmp / "photo.png", "");
  make_submitted(f, sent);
  f.close();
  auto p = std::to_string(id), s = std::to_string(sent);
  auto before = f.contents();

  auto missing = f.cli({"proposals", "detach", p, "999"});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Contains("no attachment with id 999"));
  auto elsewhere = f.cli({"proposals", "detach", p, std::to_string(sent_photo), "--json"});
  CHECK(elsewhere.exit_code == 1);
  CHECK(elsewhere.out.empty());
  CHECK_THAT(elsewhere.err, Contains("belongs to proposal " + s + ", not to proposal " + p));
  auto frozen = f.cli({"proposals", "detach", s, std::to_string(sent_photo)});
  CHECK(frozen.exit_code == 1);
  CHECK_THAT(frozen.err, Contains("proposal " + s + " is 提出済") && Contains("can no longer be changed"));
  CHECK(f.contents() == before);
}

TEST_CASE("a 閲覧 account cannot remove a picture: the database refuses the write and nothing changes") {
  if (test::skip_on_server("officer accounts (issue 20 on a server)")) return;
  test::ProposalsFixture f;
  std::int64_t map = 0, photo = 0;
  ProposalId id = with_pictures(f, map, photo);
  auto org = std::to_string(f.first);
  f.close();
  setenv("WASSHOI_NEW_PASSPHRASE", "correct horse battery", 1);
  REQUIRE(f.cli({"account", "add", "--login", "kaicho", "--role", "kaicho", "--of", org}).exit_code == 0);
  setenv("WASSHOI_PASSPHRASE", "correct horse battery", 1);
  setenv("WASSHOI_NEW_PASSPHRASE", "read-only-pass", 1);
  REQUIRE(f.cli({"--user", "kaicho", "account", "add", "--login", "viewer", "--role", "etsuran", "--of", org})
              .exit_code == 0);
  setenv("WASSHOI_PASSPHRASE", "read-only-pass", 1);
  auto before = f.contents();
  auto r = f.cli({"--user", "viewer", "proposals", "detach", std::to_string(id), std::to_string(photo)});
  unsetenv("WASSHOI_PASSPHRASE");
  unsetenv("WASSHOI_NEW_PASSPHRASE");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("閲覧"));
  CHECK(f.contents() == before);
}

TEST_CASE(
    "a phone photo (JPEG turned by its EXIF orientation) on a 要望書 prints upright and costs less than "
    "itself") {
  test::ProposalsFixture f;
  ProposalId id = f.draft_without_history();
  const std::vector<std::uint8_t> photo = test::phone_jpeg();  // 4000 × 3000 stored, held upright
  test::write_file(f.tmp / "IMG_0001.JPG", std::string(photo.begin(), photo.end()));
  auto before = f.tmp / "before.pdf", after = f.tmp / "after.pdf";
  export_request(f.db(), f.orgs(), id, nullptr, before);
  add_attachment_file(f.db(), id, "photo", f.tmp / "IMG_0001.JPG", "夜の北側通学路");
  export_request(f.db(), f.orgs(), id, nullptr, after);

  CHECK(std::filesystem::file_size(after) - std::filesystem::file_size(before) < photo.size());
  // pdfimages -list: "page num type width height color comp bpc enc …" — one JPEG, a portrait.
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(("pdfimages -list '" + after.string() + "'").c_str(), "r"),
                                          pclose);
  REQUIRE(p);
  char line[512];
  int jpegs = 0;
  while (std::fgets(line, sizeof line, p.get())) {
    int page = 0, num = 0, w = 0, h = 0;
    char type[32], color[32], enc[32];
    int comp = 0, bpc = 0;
    if (std::sscanf(line, "%d %d %31s %d %d %31s %d %d %31s", &page, &num, type, &w, &h, color, &comp, &bpc,
                    enc) == 9 &&
        std::string(enc) == "jpeg") {
      ++jpegs;
      CHECK(h > w);  // upright: the phone was held as a portrait
    }
  }
  CHECK(jpegs == 1);
  CHECK_THAT(test::squeeze(test::pdf_text(after)), Contains("夜の北側通学路"));
}
