// bk_request.hpp: internal to the typed parse: one instruction's parseRequest and its parsers.
#pragma once

#include <string>
#include <vector>

#include "model/bk_flags.hpp"
#include "model/bk_typed.hpp"

namespace restage::model::bk::detail {

/// instructions.parseRequest.
struct Request {
    const Instruction& in;
    std::string command;            ///< node.value as written
    std::vector<std::string> args;  ///< nodeArgs: ONBUILD's trigger keyword, then its arguments
    Flags flags;

    const Node& node() const { return in.node; }
    Command command_value() const;
};

Error semantic(std::string message);

/// RUN's post-parse checks of --device, --mount, --network and --security.
Result<Ok> check_run_options(const std::vector<std::string>& devices, const std::vector<std::string>& mounts,
                             const std::string& network, const std::string& security);

Result<Typed> parse_env_or_label(Request& r, const char* what);
Result<Typed> parse_maintainer(Request& r);
Result<Typed> parse_add(Request& r);
Result<Typed> parse_copy(Request& r);
Result<Typed> parse_workdir(Request& r);
Result<Typed> parse_run(Request& r);
Result<Typed> parse_flags_only(Request& r);  ///< CMD and ENTRYPOINT
Result<Typed> parse_healthcheck(Request& r);
Result<Typed> parse_expose(Request& r);
Result<Typed> parse_user(Request& r);
Result<Typed> parse_volume(Request& r);
Result<Typed> parse_stopsignal(Request& r);
Result<Typed> parse_shell(Request& r);

}  // namespace restage::model::bk::detail
