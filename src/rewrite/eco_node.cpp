// The node planner (being written).
#include "rewrite/ecosystem.hpp"

namespace restage::rewrite {

Build plan_node(const PlanInput&) {
    Build b;
    b.refusals.push_back({"the node planner is not written yet", 0, ""});
    return b;
}

}  // namespace restage::rewrite
