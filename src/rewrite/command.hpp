// Commands: shell form to exec form, and what a command line runs.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace restage::rewrite {

/// The argv of a shell-form command when /bin/sh adds nothing to it (no variables, operators,
/// redirections, globs or substitutions; quotes are removed as the shell would); a leading
/// `exec` is dropped. nullopt when the command needs a shell.
std::optional<std::vector<std::string>> exec_form(const std::string& shell_command);

/// A JSON array of strings, as a Dockerfile writes the exec form: ["a", "b"].
std::string json_argv(const std::vector<std::string>& argv);

/// The simple commands of a shell line, split at &&, ||, ;, | and newlines (quotes respected).
std::vector<std::string> simple_commands(const std::string& line);

/// A simple command's words without leading VAR=value assignments (quotes removed).
std::vector<std::string> command_words(const std::string& simple_command);

}  // namespace restage::rewrite
