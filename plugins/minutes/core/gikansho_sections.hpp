#pragma once
// The minutes plugin's own sections of the annual report (sdk/annual_report.hpp): the meetings
// held in the 年度, by kind, and the 行事一覧 of the 年度 with their dates.
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::minutes {

void register_report_sections(sdk::Registry& registry);

}  // namespace wasshoi::minutes
