#include <array>
#include <wasshoi/sdk/organization_directory.hpp>

namespace wasshoi::sdk {

namespace {

struct KindName {
  OrgKind kind;
  const char* name;
};
constexpr std::array<KindName, 6> kKinds = {{
    {OrgKind::Jichikai, "jichikai"},
    {OrgKind::Kyodotai, "kyodotai"},
    {OrgKind::Npo, "npo"},
    {OrgKind::Company, "company"},
    {OrgKind::City, "city"},
    {OrgKind::Support, "support"},
}};

}  // namespace

const char* to_string(OrgKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.name;
  return "?";
}

std::optional<OrgKind> parse_org_kind(std::string_view text) {
  for (const auto& k : kKinds)
    if (text == k.name) return k.kind;
  return std::nullopt;
}

}  // namespace wasshoi::sdk
