// pack_templates: the build step that turns templates/*.yaml into builtin_templates.cpp, holding
// each file's text (for the source line of an error) and its raw tree, parsed here with yaml-cpp
// and packed (rewrite/template_packed.hpp), so restage never parses its built-ins at run time.
// Usage: pack_templates TEMPLATES_DIR OUTPUT.cpp
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "rewrite/template_packed.hpp"

namespace {

namespace fs = std::filesystem;
using namespace restage::rewrite;

constexpr std::string_view kDelimiter = "restage_yaml";

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return text.str();
}

std::string byte_array(const std::string& bytes) {
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        out += (i % 24 == 0 ? "\n    " : " ") + std::to_string(static_cast<unsigned char>(bytes[i])) + ",";
    }
    return out;
}

std::string generate(const fs::path& dir) {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".yaml") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::string arrays;
    std::string files;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const std::string name = paths[i].filename().string();
        std::string text = read(paths[i]);
        if (text.find(")" + std::string(kDelimiter) + "\"") != std::string::npos) {
            throw std::runtime_error(name + " contains the raw string delimiter )" + std::string(kDelimiter) +
                                     "\"");
        }
        auto source = std::make_shared<const raw::Source>(raw::Source{"templates/" + name, text});
        const std::string packed = raw::pack(raw::parse(source));
        const std::string array = "kPacked" + std::to_string(i);
        arrays += "constexpr unsigned char " + array + "[] = {" + byte_array(packed) + "\n};\n";
        files += "    {\"" + name + "\", R\"" + std::string(kDelimiter) + "(" + text + ")" +
                 std::string(kDelimiter) + "\", " + array + "},\n";
    }
    return "// Generated from templates/*.yaml by tools/pack_templates.cpp. Do not edit.\n"
           "#include \"rewrite/templates.hpp\"\n\n"
           "namespace restage::rewrite {\nnamespace {\n" +
           arrays + "constexpr BuiltinFile kFiles[] = {\n" + files +
           "};\n}  // namespace\n\n"
           "std::span<const BuiltinFile> builtin_files() { return kFiles; }\n\n"
           "}  // namespace restage::rewrite\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: pack_templates TEMPLATES_DIR OUTPUT.cpp\n";
        return 2;
    }
    try {
        const std::string out = generate(argv[1]);
        std::ofstream file(argv[2], std::ios::binary);
        file << out;
        if (!file.flush()) throw std::runtime_error(std::string("cannot write ") + argv[2]);
    } catch (const raw::LoadError& e) {
        std::cerr << e.error.hint << ":" << e.error.where.line << ":" << e.error.where.column
                  << ": error: " << e.error.message << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "pack_templates: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
