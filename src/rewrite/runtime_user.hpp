// The final stage's user: who counts as root, and what the original handed to its user.
#pragma once

#include <string>
#include <vector>

#include "rewrite/stage_facts.hpp"

namespace restage::rewrite {

/// Whether a USER value is root ("", "root", "0", with or without a group).
bool is_root(const std::string& user);
/// Whether a USER value is a numeric uid (with or without a group).
bool numeric(const std::string& user);
/// The folders and files the original gave to a user: COPY --chown's destinations and the
/// paths of `chown [-R] OWNER PATH...` in RUN (absolute).
std::vector<std::string> handed_over(const StageFacts& f);

}  // namespace restage::rewrite
