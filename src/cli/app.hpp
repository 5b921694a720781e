// The command line: subcommands, their options, and the process's exit code.
#pragma once

#include <string>
#include <string_view>

#include "syntax/result.hpp"

namespace restage::cli {

/// Runs restage with these arguments; returns the exit code (see exit_codes.hpp).
int main(int argc, char** argv);

/// Whether stdout/stderr should be coloured: a TTY and no NO_COLOR.
bool color_for(int fd);

/// Prints `file:line:col: error: message`, the line and a caret to stderr; returns the exit code.
int report(std::string_view file, std::string_view source, const Error& e);

/// The name a file is reported under ("<stdin>" for "-").
std::string display_name(std::string_view arg);

}  // namespace restage::cli
