# Generates a C++ source holding templates/*.yaml as raw string literals (restage::rewrite::builtin_files()).
# Usage: cmake -DTEMPLATES_DIR=... -DOUTPUT=... -P embed_templates.cmake
file(GLOB yamls RELATIVE ${TEMPLATES_DIR} ${TEMPLATES_DIR}/*.yaml)
list(SORT yamls)
set(delim "restage_yaml")
set(body "")
foreach(name IN LISTS yamls)
  file(READ ${TEMPLATES_DIR}/${name} text)
  string(FIND "${text}" ")${delim}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${name} contains the raw string delimiter )${delim}\"")
  endif()
  string(APPEND body "    {\"${name}\", R\"${delim}(${text})${delim}\"},\n")
endforeach()
set(content "// Generated from templates/*.yaml by cmake/embed_templates.cmake. Do not edit.
#include \"rewrite/templates.hpp\"

namespace restage::rewrite {
namespace {
constexpr BuiltinFile kFiles[] = {
${body}};
}  // namespace

std::span<const BuiltinFile> builtin_files() { return kFiles; }

}  // namespace restage::rewrite
")
file(WRITE ${OUTPUT} "${content}")
