#pragma once
// Exports that carry personal data say so, in the same words everywhere (CLI output, JSON, GUI).
// Whoever writes such a file lists what it holds; the notice asks the officer to keep it safe.
#include <string>
#include <vector>

namespace wasshoi::sdk {

// Who a file is for. Outside the 自治会 (its 地域協働体, the city, a 民生委員 …) an export leaves
// out what the recipient does not need, unless the officer asks for it explicitly.
enum class Recipient { Officers, Outside };
// "officers" or "outside"; InputError naming `option` otherwise.
Recipient parse_recipient(const std::string& text, const std::string& option);

// "personal data in this file: 氏名, 住所 — 個人情報を含みます。…" ; empty `what`: empty text.
std::string personal_data_notice(const std::vector<std::string>& what);

}  // namespace wasshoi::sdk
