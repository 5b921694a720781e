// The static planner (being written).
#include "rewrite/ecosystem.hpp"

namespace restage::rewrite {

Build plan_static(const PlanInput&) {
    Build b;
    b.refusals.push_back({"the static planner is not written yet", 0, ""});
    return b;
}

}  // namespace restage::rewrite
