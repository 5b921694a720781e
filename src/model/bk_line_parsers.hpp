// bk_line_parsers.hpp: BuildKit's newNodeFromLine, its dispatch table and its line parsers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/bk_node.hpp"
#include "syntax/result.hpp"

namespace restage::model::bk {

/// BuildKit's parseWords: splits on Unicode white space, keeps quotes and escapes in the words
/// (they are removed later, by variable expansion). `escape` escapes the next rune outside
/// single quotes; a pair of quotes makes an empty word count.
std::vector<std::string> parse_words(std::string_view rest, char escape);

/// BuildKit's newNodeFromLine for one joined instruction line: splitCommand, then the parser
/// its lower-cased keyword selects:
/// - ADD, COPY, VOLUME: a JSON array of strings, else the [\t\v\f\r ]+-separated words;
/// - CMD, ENTRYPOINT, RUN, SHELL: a JSON array of strings, else the whole rest as one value;
/// - ENV, LABEL: name, value, "=" triples from `k=v` words, or legacy `k v` with sep "";
/// - ARG: the parse_words words; EXPOSE, FROM: the [\t\v\f\r ]+-separated words;
/// - HEALTHCHECK: the first word, then as CMD; MAINTAINER, STOPSIGNAL, USER, WORKDIR: the rest;
/// - ONBUILD: one Next element whose child is the wrapped instruction;
/// - anything else: a single empty Next value.
/// An empty rest gives no Next elements. Errors carry BuildKit's messages, e.g.
/// "ENV must have two arguments" or "when using JSON array syntax, arrays must be comprised of
/// strings only"; they have no position (the caller knows the lines).
Result<Node> node_from_line(std::string_view line, char escape);

}  // namespace restage::model::bk
