#include "fixture.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <wasshoi/host/demo.hpp>

#include "core/meetings.hpp"

namespace wasshoi::test {

Roster::Roster(int households)
    : app(host::AppOptions{
          .db_path = scratch.target(), .plugin_dir = bin_dir() / "plugins", .actor = "test", .create = true}),
      ctx(app) {
  app.open_database();
  for (const auto& r : app.plugins().plugins())
    if (r.id == "members" || r.id == "minutes") REQUIRE(r.state == host::PluginState::Loaded);
  opts = host::create_sample_organizations(app, households);
  // Only the members plugin's demo step: each test makes the meetings it needs.
  for (const auto& r : app.plugins().plugins())
    if (r.id == "members")
      for (const auto& step : sdk::impl::contributions(*r.contributions).demo_steps) step.fill(ctx, opts);
}

sdk::MemberDirectory& Roster::members() {
  return app.services().get<sdk::MemberDirectory>();
}

std::vector<sdk::HouseholdRef> Roster::households(sdk::OrgId o) {
  std::vector<sdk::HouseholdRef> out;
  int misses = 0;
  for (std::int64_t id = 1; misses < 200; ++id) {
    auto h = members().household(db(), id);
    misses = h ? 0 : misses + 1;
    if (h && h->org == o && h->current) out.push_back(*h);
  }
  return out;
}

minutes::MeetingInput Roster::meeting_input(sdk::OrgId org, const std::string& kind, const sdk::Date& day) {
  minutes::MeetingInput in;
  in.org = org;
  in.kind = kind;
  in.start = {day, 10, 0};
  in.end = {day, 12, 0};
  return in;
}

minutes::MeetingId Roster::meeting(const std::string& kind, const sdk::Date& day) {
  minutes::MeetingInput in = meeting_input(org(), kind, day);
  in.place = "わっしょい第一自治会 集会所";
  in.chair = "髙橋 一郎";
  in.recorder = "﨑山 花子";
  return minutes::add_meeting(db(), in, nullptr);
}

std::vector<sdk::PersonRef> Roster::persons(int n) {
  std::vector<sdk::PersonRef> out;
  for (const auto& h : households(org())) {
    auto ps = members().household_members(db(), h.id);
    if (!ps.empty()) out.push_back(ps.front());
    if (static_cast<int>(out.size()) == n) break;
  }
  return out;
}

std::string pdf_text(const std::filesystem::path& pdf) {
  auto txt = pdf.string() + ".txt";
  std::string cmd = "pdftotext -layout '" + pdf.string() + "' '" + txt + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return read_file(txt);
}

std::string squeeze(std::string text) {
  std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\r'; });
  return text;
}

std::int64_t count_rows(sdk::Database& db, const std::string& table) {
  return sdk::query_int(db, "SELECT count(*) FROM " + table).value_or(-1);
}

std::int64_t audits(sdk::Database& db, const std::string& action) {
  if (action.empty()) return sdk::query_int(db, "SELECT count(*) FROM audit_log").value_or(-1);
  sdk::Statement st(db, "SELECT count(*) FROM audit_log WHERE action = ?");
  st.bind(1, action);
  return st.step() ? st.get_int(0) : -1;
}

}  // namespace wasshoi::test
