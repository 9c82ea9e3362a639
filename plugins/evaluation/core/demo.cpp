#include "core/demo.hpp"

namespace wasshoi::evaluation {

void fill_demo(sdk::Context&, const sdk::DemoOptions&) {}

}  // namespace wasshoi::evaluation
