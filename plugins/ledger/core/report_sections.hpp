#pragma once
// The ledger's sections of the 総会's 議案書 (sdk/annual_report.hpp): the 収支決算書 of the 年度
// (決算報告), the 監査報告 (the 監査 recorded, else a form for the 監事 to sign) and the next 年度's
// 予算案 (else the current 予算 as its base). The tables are the ledger's own (documents.hpp).
#include <vector>
#include <wasshoi/sdk/annual_report.hpp>

namespace wasshoi::ledger {

std::vector<sdk::ReportSection> report_sections();

}  // namespace wasshoi::ledger
