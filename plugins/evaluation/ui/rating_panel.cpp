// 自主評価: the chosen organization's own evaluation of a 協働事業 it takes part in — a 5-step
// rating per common item, a comment, and for a rating of 2 or less (not met) the cause and the
// improvement. Saved through save_ratings (the CLI's `evaluation rate`); then the comparison.
#include <algorithm>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "ui/state.hpp"

namespace wasshoi::evaluation::ui {

namespace {

struct ItemForm {
  int rating = 0;  // 0: not rated
  std::string comment, cause, improvement;
};

struct RatingState {
  ProjectPick pick;
  std::uint64_t loaded = 0;
  Id loaded_project = 0;
  std::vector<ComparisonRow> comparison;
  std::vector<ItemForm> form;  // per items()
  sdk::ui::PanelMessage message;
};

sdk::ui::PerOrg<RatingState> rating_state;

void load(sdk::Context& ctx, RatingState& s, const Project& p) {
  s.loaded = generation(), s.loaded_project = p.id;
  s.comparison = compare(ctx.db(), p);
  s.form.assign(items().size(), ItemForm{});
  for (std::size_t i = 0; i < s.comparison.size() && i < s.form.size(); ++i)
    for (const auto& r : s.comparison[i].ratings)
      if (r.org == ctx.current_org() && r.rating) s.form[i] = {*r.rating, r.comment, r.cause, r.improvement};
}

void labelled_field(const char* label, const char* id, std::string& value) {
  ImGui::AlignTextToFramePadding();
  sdk::ui::TextDisabled(label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(em(8), ImGui::GetContentRegionAvail().x));
  sdk::ui::InputText(id, value);
}

void draw_form(sdk::Context& ctx, RatingState& s, const Project& p) {
  sdk::ui::TextWrapped(tr("evaluation.rating.scale"));
  for (std::size_t i = 0; i < items().size(); ++i) {
    ItemForm& f = s.form[i];
    ImGui::PushID(static_cast<int>(i));
    sdk::ui::section(items()[i].ja, sdk::ui::Heading::Muted);
    for (int v = 1; v <= 5; ++v) {
      if (v > 1) ImGui::SameLine();
      ImGui::RadioButton(std::to_string(v).c_str(), &f.rating, v);
    }
    labelled_field(tr("evaluation.comment"), "##comment", f.comment);
    if (f.rating > 0 && f.rating <= kUnmetRating) {
      sdk::ui::warning_text(tr("evaluation.rating.unmet"));
      labelled_field(tr("evaluation.cause"), "##cause", f.cause);
      labelled_field(tr("evaluation.improvement"), "##improvement", f.improvement);
    }
    ImGui::PopID();
  }
  ImGui::Spacing();
  if (sdk::ui::Button(tr("evaluation.rating.save"))) {
    std::vector<Rating> ratings;
    for (std::size_t i = 0; i < items().size(); ++i) {
      const ItemForm& f = s.form[i];
      if (f.rating == 0) continue;
      ratings.push_back({items()[i].key, f.rating, f.comment, f.rating <= kUnmetRating ? f.cause : "",
                         f.rating <= kUnmetRating ? f.improvement : ""});
    }
    if (sdk::ui::run_action(s.message, tr("evaluation.rating.saved"), [&] {
          save_ratings(ctx.db(), sdk::organizations(ctx), p.id, ctx.current_org(), ratings);
          changed(ctx, "rating");
        }))
      s.loaded = 0;  // read back what was stored
  }
}

// What the organization gave, as text (閲覧, 班長, another organization's view).
void draw_given(sdk::Context& ctx, const RatingState& s) {
  bool any = false;
  for (std::size_t i = 0; i < items().size(); ++i) {
    const ItemForm& f = s.form[i];
    if (f.rating == 0) continue;
    any = true;
    sdk::ui::Text(std::string(items()[i].ja) + "：" + std::to_string(f.rating));
    ImGui::Indent(em(1));
    if (!f.comment.empty()) sdk::ui::TextWrapped(f.comment);
    if (!f.cause.empty()) sdk::ui::TextWrapped(std::string(tr("evaluation.cause")) + "：" + f.cause);
    if (!f.improvement.empty())
      sdk::ui::TextWrapped(std::string(tr("evaluation.improvement")) + "：" + f.improvement);
    ImGui::Unindent(em(1));
  }
  if (!any) sdk::ui::TextDisabled(tr("evaluation.rating.none"));
  (void)ctx;
}

}  // namespace

void draw_rating(sdk::Context& ctx) {
  RatingState& s = rating_state.get(ctx);
  ImGui::PushID("evaluation.rating");
  if (const Project* p = pick_project(ctx, s.pick)) {
    if (s.loaded != generation() || s.loaded_project != p->id) load(ctx, s, *p);
    sdk::ui::section(sdk::organizations(ctx).name(ctx.db(), ctx.current_org()) + " " +
                     tr("evaluation.rating.own"));
    if (may_write(ctx)) {
      draw_form(ctx, s, *p);
    } else {
      draw_given(ctx, s);
      sdk::ui::TextDisabled(tr("evaluation.read_only"));
    }
    sdk::ui::show(s.message);
    draw_comparison(*p, s.comparison);
  } else {
    sdk::ui::show(s.message);
  }
  ImGui::PopID();
}

}  // namespace wasshoi::evaluation::ui
