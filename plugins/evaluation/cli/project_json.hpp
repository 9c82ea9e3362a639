#pragma once
// The --json shapes of `wasshoi-cli evaluation …`.
#include <nlohmann/json.hpp>

#include "core/projects.hpp"
#include "core/surveys.hpp"

namespace wasshoi::evaluation::cli {

inline nlohmann::json optional_json(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

inline nlohmann::json project_json(const Project& p) {
  nlohmann::json partners = nlohmann::json::array(), goals = nlohmann::json::array(),
                 links = nlohmann::json::array();
  for (const auto& x : p.partners)
    partners.push_back({{"org", x.org}, {"name", x.name}, {"kind", sdk::to_string(x.kind)}});
  for (const auto& g : p.goals)
    goals.push_back({{"number", g.id},
                     {"goal", g.goal},
                     {"indicator", g.indicator},
                     {"unit", g.unit},
                     {"target", optional_json(g.target)},
                     {"achieved", optional_json(g.achieved)}});
  for (const auto& l : p.links) links.push_back({{"kind", l.kind}, {"id", l.ref}, {"label", l.label}});
  return {{"id", p.id},
          {"title", p.title},
          {"form", p.form},
          {"form_ja", form_label(p.form)},
          {"owner", p.owner},
          {"owner_name", p.owner_name},
          {"purpose", p.purpose},
          {"start", p.start ? nlohmann::json(p.start->iso()) : nlohmann::json(nullptr)},
          {"end", p.end ? nlohmann::json(p.end->iso()) : nlohmann::json(nullptr)},
          {"cost", p.cost ? nlohmann::json(*p.cost) : nlohmann::json(nullptr)},
          {"cost_note", p.cost_note},
          {"improvements", p.improvements},
          {"partners", partners},
          {"goals", goals},
          {"links", links}};
}

inline nlohmann::json comparison_json(const Project& p, const std::vector<ComparisonRow>& rows) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json ratings = nlohmann::json::array();
    for (const auto& x : r.ratings)
      ratings.push_back({{"org", x.org},
                         {"partner", x.partner},
                         {"rating", x.rating ? nlohmann::json(*x.rating) : nlohmann::json(nullptr)},
                         {"comment", x.comment},
                         {"cause", x.cause},
                         {"improvement", x.improvement}});
    items.push_back({{"item", r.item},
                     {"label", r.label},
                     {"ratings", ratings},
                     {"spread", r.spread},
                     {"differs", r.differs}});
  }
  return {{"project", p.id}, {"title", p.title}, {"items", items}};
}

inline nlohmann::json survey_json(const Survey& s) {
  nlohmann::json qs = nlohmann::json::array();
  for (const auto& q : s.questions)
    qs.push_back({{"number", q.number}, {"kind", q.kind}, {"text", q.text}, {"choices", q.choices}});
  return {{"id", s.id}, {"project", s.project}, {"title", s.title}, {"sheets", s.sheets}, {"questions", qs}};
}

}  // namespace wasshoi::evaluation::cli
