// The java planner (being written).
#include "rewrite/ecosystem.hpp"

namespace restage::rewrite {

Build plan_java(const PlanInput&) {
    Build b;
    b.refusals.push_back({"the java planner is not written yet", 0, ""});
    return b;
}

}  // namespace restage::rewrite
