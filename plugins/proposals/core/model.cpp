#include "core/model.hpp"

#include <array>
#include <utility>
#include <wasshoi/sdk/error.hpp>

namespace wasshoi::proposals {

namespace {

template <typename E, std::size_t N>
using Table = std::array<std::pair<const char*, const char*>, N>;  // {id, label} in enum order

constexpr Table<Kind, 3> kKinds{{{"request", "要望"}, {"petition", "陳情"}, {"policy", "政策提言"}}};
constexpr Table<Addressee, 3> kAddressees{
    {{"mayor", "市長"}, {"branch", "支所長"}, {"department", "担当課"}}};
constexpr Table<State, 6> kStates{{{"draft", "作成中"},
                                   {"approved", "承認済"},
                                   {"submitted", "提出済"},
                                   {"answered", "回答済"},
                                   {"continuing", "継続案件"},
                                   {"closed", "完了"}}};
constexpr Table<GatheringMethod, 6> kMethods{{{"general_meeting", "総会決議"},
                                              {"board", "役員会"},
                                              {"han_leaders", "班長会"},
                                              {"survey", "アンケート"},
                                              {"briefing", "住民説明会"},
                                              {"dialogue", "懇談会"}}};
constexpr Table<AnswerCategory, 4> kAnswers{
    {{"will_do", "対応する"}, {"will_consider", "検討する"}, {"difficult", "対応困難"}, {"other", "その他"}}};
constexpr Table<Section, 3> kSections{
    {{"gathering", "意見集約の方法"}, {"history", "経過"}, {"actions", "具体的な提案"}}};

template <typename E, std::size_t N>
E parse(const std::array<std::pair<const char*, const char*>, N>& table, std::string_view text,
        const char* what) {
  std::string t = sdk::trim(text);
  for (std::size_t i = 0; i < N; ++i)
    if (t == table[i].first || t == table[i].second) return static_cast<E>(i);
  std::string valid;
  for (const auto& [id, lab] : table)
    valid += (valid.empty() ? "" : ", ") + std::string(id) + " (" + lab + ")";
  throw sdk::InputError(std::string(what) + " '" + t + "' is not one of: " + valid);
}

}  // namespace

const char* to_string(Kind k) {
  return kKinds[static_cast<int>(k)].first;
}
const char* to_string(Addressee a) {
  return kAddressees[static_cast<int>(a)].first;
}
const char* to_string(State s) {
  return kStates[static_cast<int>(s)].first;
}
const char* to_string(GatheringMethod m) {
  return kMethods[static_cast<int>(m)].first;
}
const char* to_string(AnswerCategory c) {
  return kAnswers[static_cast<int>(c)].first;
}
const char* to_string(Section s) {
  return kSections[static_cast<int>(s)].first;
}
const char* label(Kind k) {
  return kKinds[static_cast<int>(k)].second;
}
const char* label(Addressee a) {
  return kAddressees[static_cast<int>(a)].second;
}
const char* label(State s) {
  return kStates[static_cast<int>(s)].second;
}
const char* label(GatheringMethod m) {
  return kMethods[static_cast<int>(m)].second;
}
const char* label(AnswerCategory c) {
  return kAnswers[static_cast<int>(c)].second;
}
const char* label(Section s) {
  return kSections[static_cast<int>(s)].second;
}

Kind parse_kind(std::string_view t) {
  return parse<Kind>(kKinds, t, "kind");
}
Addressee parse_addressee(std::string_view t) {
  return parse<Addressee>(kAddressees, t, "addressee");
}
State parse_state(std::string_view t) {
  return parse<State>(kStates, t, "state");
}
GatheringMethod parse_method(std::string_view t) {
  return parse<GatheringMethod>(kMethods, t, "method");
}
AnswerCategory parse_answer_category(std::string_view t) {
  return parse<AnswerCategory>(kAnswers, t, "answer category");
}
Section parse_section(std::string_view t) {
  return parse<Section>(kSections, t, "section");
}

const std::vector<State>& all_states() {
  static const std::vector<State> all = {State::Draft,    State::Approved,   State::Submitted,
                                         State::Answered, State::Continuing, State::Closed};
  return all;
}

}  // namespace wasshoi::proposals
