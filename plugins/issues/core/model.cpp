#include "core/model.hpp"

#include <wasshoi/sdk/error.hpp>

namespace wasshoi::issues {

const char* to_string(ReporterKind kind) {
  switch (kind) {
    case ReporterKind::Member:
      return "member";
    case ReporterKind::Named:
      return "named";
    case ReporterKind::Anonymous:
      break;
  }
  return "anonymous";
}

ReporterKind parse_reporter_kind(std::string_view text) {
  if (text == "member" || text == "会員") return ReporterKind::Member;
  if (text == "named" || text == "会員外") return ReporterKind::Named;
  if (text == "anonymous" || text == "匿名") return ReporterKind::Anonymous;
  throw sdk::InputError("reporter kind '" + std::string(text) + "' is not member, named or anonymous");
}

int parse_priority(std::string_view text) {
  std::string t = sdk::trim(text);
  if (t == "1" || t == "高" || t == "high") return kPriorityHigh;
  if (t == "2" || t == "中" || t == "normal") return kPriorityNormal;
  if (t == "3" || t == "低" || t == "low") return kPriorityLow;
  throw sdk::InputError("priority '" + t + "' is not 高, 中 or 低 (high, normal, low)");
}

const char* priority_label(int priority) {
  return priority == kPriorityHigh ? "高" : priority == kPriorityLow ? "低" : "中";
}

}  // namespace wasshoi::issues
