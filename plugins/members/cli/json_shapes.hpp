#pragma once
// The JSON shapes `--json` prints: an object (with "id") for one thing, an array for a list.
#include <nlohmann/json.hpp>

#include "core/dues.hpp"
#include "core/households.hpp"
#include "core/importer.hpp"
#include "core/roles.hpp"
#include "core/roster.hpp"
#include "core/safety.hpp"

namespace wasshoi::members::cli {

nlohmann::json to_json(const RosterRow& row);
nlohmann::json to_json(const Household& h, const std::vector<Person>& persons);
nlohmann::json to_json(const Person& p);
nlohmann::json to_json(const ImportSummary& s, const ImportPlan& plan);
nlohmann::json to_json(const RoleAssignment& a);
nlohmann::json to_json(const DuesLine& l, int fiscal_year);
nlohmann::json to_json(const CollectionRate& r);
nlohmann::json to_json(const PaymentRecord& p);
nlohmann::json to_json(const SafetyEntry& e);

template <typename T>
nlohmann::json to_json_array(const std::vector<T>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& i : items) out.push_back(to_json(i));
  return out;
}

}  // namespace wasshoi::members::cli
