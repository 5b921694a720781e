// Java project facts from pom.xml and build.gradle(.kts): the jar's name and the Java release.
#include <algorithm>
#include <regex>
#include <sstream>

#include "rewrite/eco_java.hpp"
#include "rewrite/sources.hpp"

namespace restage::rewrite::java {

namespace {

using Leaves = std::vector<std::pair<std::string, std::string>>;

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The leaf elements of an XML document as (path, text), e.g. ("project/build/finalName", "app").
// Enough for a pom: comments, processing instructions and CDATA are handled; attributes ignored.
Leaves xml_leaves(const std::string& xml) {
    Leaves out;
    struct Open {
        std::string name;
        bool has_child = false;
    };
    std::vector<Open> stack;
    std::string text, path;
    size_t i = 0;
    while (i < xml.size()) {
        size_t lt = xml.find('<', i);
        if (lt == std::string::npos) break;
        text += xml.substr(i, lt - i);
        if (xml.compare(lt, 4, "<!--") == 0 || xml.compare(lt, 2, "<?") == 0) {
            size_t end = xml.find(xml[lt + 1] == '!' ? "-->" : "?>", lt);
            i = end == std::string::npos ? xml.size() : end + (xml[lt + 1] == '!' ? 3 : 2);
            continue;
        }
        if (xml.compare(lt, 9, "<![CDATA[") == 0) {
            size_t end = xml.find("]]>", lt);
            text += xml.substr(lt + 9, (end == std::string::npos ? xml.size() : end) - lt - 9);
            i = end == std::string::npos ? xml.size() : end + 3;
            continue;
        }
        size_t gt = xml.find('>', lt);
        if (gt == std::string::npos) break;
        std::string tag = xml.substr(lt + 1, gt - lt - 1);
        i = gt + 1;
        if (!tag.empty() && tag[0] == '/') {
            if (stack.empty()) continue;
            if (!stack.back().has_child) {
                std::string p;
                for (const auto& o : stack) p += (p.empty() ? "" : "/") + o.name;
                out.emplace_back(p, trim(text));
            }
            stack.pop_back();
        } else if (!tag.empty() && tag[0] != '!') {
            bool self_closing = tag.back() == '/';
            std::string name = tag.substr(0, tag.find_first_of(" \t\r\n/"));
            if (!stack.empty()) stack.back().has_child = true;
            if (!self_closing) stack.push_back({name, false});
        }
        text.clear();
    }
    return out;
}

std::string leaf(const Leaves& l, const std::string& path) {
    for (const auto& [p, t] : l) {
        if (p == path) return t;
    }
    return "";
}

// ${name} references filled from `vars`; several rounds for references inside values.
std::string interpolate(std::string s, const std::map<std::string, std::string>& vars) {
    for (int round = 0; round < 5 && s.find("${") != std::string::npos; ++round) {
        std::string out;
        size_t at = 0;
        for (size_t b = s.find("${"); b != std::string::npos; b = s.find("${", at)) {
            size_t e = s.find('}', b);
            if (e == std::string::npos) break;
            out += s.substr(at, b - at);
            auto it = vars.find(s.substr(b + 2, e - b - 2));
            out += it != vars.end() ? it->second : s.substr(b, e - b + 1);
            at = e + 1;
        }
        out += s.substr(at);
        if (out == s) break;
        s = out;
    }
    return s;
}

std::string release(std::string v) {
    std::replace(v.begin(), v.end(), '_', '.');
    if (v.rfind("1.", 0) == 0) v = v.substr(2);
    size_t n = 0;
    while (n < v.size() && std::isdigit(static_cast<unsigned char>(v[n]))) ++n;
    return v.substr(0, n);
}

std::string in_dir(const std::string& dir, const std::string& file) { return dir.empty() ? file : dir + "/" + file; }

std::string first_match(const std::string& text, const std::regex& re, int group = 1) {
    std::smatch m;
    return std::regex_search(text, m, re) ? std::string(m[group]) : "";
}

}  // namespace

Project read_maven(const detect::Context& ctx, const std::string& dir, const std::map<std::string, std::string>& defines) {
    Project p;
    p.file = in_dir(dir, "pom.xml");
    auto text = ctx.read(p.file);
    if (!text) return p;
    p.found = true;
    Leaves l = xml_leaves(*text);
    std::map<std::string, std::string> vars;
    for (const auto& [path, t] : l) {
        if (path.rfind("project/properties/", 0) == 0) vars[path.substr(19)] = t;
    }
    std::string artifact = leaf(l, "project/artifactId");
    std::string version = leaf(l, "project/version");
    if (version.empty()) version = leaf(l, "project/parent/version");
    vars["project.artifactId"] = vars["pom.artifactId"] = vars["artifactId"] = artifact;
    vars["project.version"] = vars["pom.version"] = vars["version"] = version;
    vars["project.parent.version"] = leaf(l, "project/parent/version");
    // <name> is not inherited from the parent (Maven's inheritance rules): unset, it stays unresolved.
    if (std::string n = leaf(l, "project/name"); !n.empty()) vars["project.name"] = vars["pom.name"] = n;
    vars["project.groupId"] = leaf(l, "project/groupId").empty() ? leaf(l, "project/parent/groupId") : leaf(l, "project/groupId");
    for (const auto& [k, v] : defines) vars[k] = v;  // -D wins over the pom

    p.spring_boot = text->find("spring-boot-maven-plugin") != std::string::npos;
    std::string packaging = leaf(l, "project/packaging");
    if (packaging.empty() || packaging == "bundle" || packaging == "maven-plugin") packaging = "jar";
    std::string final_name = leaf(l, "project/build/finalName");
    std::string name = interpolate(final_name.empty() ? artifact + "-" + version : final_name, vars);
    if (packaging == "jar" || packaging == "war" || packaging == "ear") {
        std::vector<std::string> names = {name + "." + packaging};
        if (text->find("jar-with-dependencies") != std::string::npos) names.push_back(name + "-jar-with-dependencies.jar");
        if (text->find("maven-shade-plugin") != std::string::npos) names.push_back("original-" + name + ".jar");
        if (text->find("<shadedArtifactAttached>true") != std::string::npos) {
            std::string c = leaf(l, "project/build/plugins/plugin/configuration/shadedClassifierName");
            names.push_back(name + "-" + (c.empty() ? "shaded" : c) + ".jar");
        }
        std::string classifier = leaf(l, "project/build/plugins/plugin/configuration/classifier");
        if (!classifier.empty()) names.push_back(name + "-" + interpolate(classifier, vars) + "." + packaging);
        for (const auto& n : names) {
            if (n.find("${") == std::string::npos && n.front() != '-') p.outputs.push_back(n);
        }
        if (name.find("${") != std::string::npos) {
            p.unresolved = "the jar's name `" + name + "` uses a property " + p.file + " does not define";
        } else if (final_name.empty() && (artifact.empty() || version.empty())) {
            p.unresolved = p.file + " gives neither build.finalName nor artifactId and version";
        }
    }

    for (const char* key : {"maven.compiler.release", "maven.compiler.target", "maven.compiler.source", "java.version"}) {
        auto it = vars.find(key);
        if (it != vars.end() && !release(interpolate(it->second, vars)).empty()) {
            p.java = release(interpolate(it->second, vars));
            p.java_source = p.file + " (" + key + ")";
            break;
        }
    }
    for (const char* key : {"/configuration/release", "/configuration/target", "/configuration/source"}) {
        for (const auto& [path, t] : l) {
            if (!p.java.empty() || !path.ends_with(key) || path.find("/plugins/plugin/") == std::string::npos) continue;
            std::string r = release(interpolate(t, vars));
            if (!r.empty()) {
                p.java = r;
                p.java_source = p.file + " (maven-compiler-plugin " + std::string(key).substr(15) + ")";
            }
        }
    }
    std::string modules;
    for (const auto& [path, t] : l) {
        if (path.ends_with("modules/module")) modules += (modules.empty() ? "" : ", ") + t;
    }
    if (!modules.empty()) {
        p.modules = true;
        p.modules_why = p.file + " builds modules (" + modules + ")";
    }
    return p;
}

Project read_gradle(const detect::Context& ctx, const std::string& dir, const std::string& folder,
                    const std::map<std::string, std::string>& defines, const std::vector<std::string>& tasks) {
    Project p;
    for (const char* f : {"build.gradle.kts", "build.gradle"}) {
        if (p.file.empty() && ctx.exists(in_dir(dir, f))) p.file = in_dir(dir, f);
    }
    std::string build = p.file.empty() ? "" : ctx.read(p.file).value_or("");
    std::string settings = ctx.read(in_dir(dir, "settings.gradle.kts")).value_or(ctx.read(in_dir(dir, "settings.gradle")).value_or(""));
    std::string props = ctx.read(in_dir(dir, "gradle.properties")).value_or("");
    if (p.file.empty() && settings.empty()) return p;
    p.found = true;
    if (p.file.empty()) p.file = in_dir(dir, ctx.exists(in_dir(dir, "settings.gradle.kts")) ? "settings.gradle.kts" : "settings.gradle");

    static const std::regex root_name(R"(rootProject\.name\s*=\s*["']([^"']+)["'])");
    static const std::regex literal_version(R"((?:^|\n)\s*version\s*=\s*["']([^"'$]+)["'])");
    static const std::regex any_version(R"((?:^|\n)\s*version\s*=)");
    static const std::regex prop_version(R"((?:^|\n)\s*version\s*[=:]\s*([^\s#]+))");
    static const std::regex base_name(R"((?:archiveBaseName|archivesBaseName|archivesName|baseName)\s*(?:=|\.set\()\s*["']([^"'$]+)["'])");
    static const std::regex file_name(R"(archiveFileName\s*(?:=|\.set\()\s*["']([^"']+)["'])");
    static const std::regex unsure(R"(archiveClassifier|archiveVersion|archiveAppendix|classifier\s*=)");
    std::string name = first_match(build, base_name);
    if (name.empty()) name = first_match(settings, root_name);
    if (name.empty()) name = folder.substr(folder.rfind('/') + 1);
    std::string version = first_match(build, literal_version);
    if (version.empty() && std::regex_search(build, any_version)) version = "${unknown}";
    if (version.empty() && defines.count("version")) version = defines.at("version");
    if (version.empty()) version = first_match(props, prop_version);
    if (version.empty() && !dir.empty()) {  // a subproject: the root's allprojects/subprojects or gradle.properties
        std::string root = ctx.read("build.gradle.kts").value_or(ctx.read("build.gradle").value_or(""));
        version = first_match(root, literal_version);
        if (version.empty() && std::regex_search(root, any_version)) version = "${unknown}";
        if (version.empty()) version = first_match(ctx.read("gradle.properties").value_or(""), prop_version);
    }
    std::string stem = version.empty() || version == "unspecified" ? name : name + "-" + version;

    auto ran = [&](std::initializer_list<const char*> names) {
        for (const auto& t : tasks) {
            std::string last = t.substr(t.rfind(':') + 1);
            if (last == "build" || last == "assemble") return true;
            for (const char* n : names) {
                if (last == n) return true;
            }
        }
        return false;
    };
    bool boot = build.find("org.springframework.boot") != std::string::npos;
    p.spring_boot = boot;
    bool shadow = build.find("shadow") != std::string::npos;
    static const std::regex war_plugin(R"((id\s*\(?\s*["']war["'])|(apply\s+plugin:\s*["']war["'])|(\n\s*war\s*\n))");
    bool war = std::regex_search(build, war_plugin);
    std::string fixed = first_match(build, file_name);
    std::vector<std::string> names;
    if (!fixed.empty()) {
        names.push_back(fixed);
    } else if (!std::regex_search(build, unsure)) {
        if (ran({"jar"})) names.push_back(stem + (boot ? "-plain.jar" : ".jar"));
        if (boot && ran({"bootJar"})) names.push_back(stem + ".jar");
        if (war && ran({"war"})) names.push_back(stem + (boot ? "-plain.war" : ".war"));
        if (war && boot && ran({"bootWar"})) names.push_back(stem + ".war");
        if (shadow && ran({"shadowJar"})) names.push_back(stem + "-all.jar");
    }
    for (const auto& n : names) {
        if (n.find('$') == std::string::npos) p.outputs.push_back(n);
    }
    if (names.empty() || p.outputs.size() < names.size()) {
        p.unresolved = std::regex_search(build, unsure) ? p.file + " sets the archive's classifier or version in a way restage does not follow"
                                                        : p.file + " sets the version with an expression, not a literal";
    }

    static const std::regex toolchain(R"((?:languageVersion\s*(?:=|\.set\()\s*JavaLanguageVersion\.of\(\s*|jvmToolchain\(\s*)([0-9]+))");
    static const std::regex target(R"(targetCompatibility\s*=\s*(?:JavaVersion\.VERSION_)?["']?([0-9_.]+))");
    static const std::regex source(R"(sourceCompatibility\s*=\s*(?:JavaVersion\.VERSION_)?["']?([0-9_.]+))");
    for (auto [re, what] : {std::pair{&toolchain, "toolchain"}, std::pair{&target, "targetCompatibility"},
                            std::pair{&source, "sourceCompatibility"}}) {
        std::string r = release(first_match(build, *re));
        if (p.java.empty() && !r.empty()) {
            p.java = r;
            p.java_source = p.file + " (" + what + ")";
        }
    }
    static const std::regex include(R"((?:^|\n)\s*include\s*[\("'])");
    std::string settings_file = ctx.exists(in_dir(dir, "settings.gradle.kts")) ? "settings.gradle.kts" : "settings.gradle";
    if (std::regex_search(settings, include)) {
        p.modules = true;
        p.modules_why = settings_file + " includes subprojects";
    } else if (settings.find("includeBuild") != std::string::npos) {
        p.modules = true;
        p.modules_why = settings_file + " includes other builds";
    } else if (ctx.is_dir(in_dir(dir, "buildSrc"))) {
        p.modules = true;
        p.modules_why = "buildSrc/ holds build logic the build files use";
    }
    return p;
}

}  // namespace restage::rewrite::java
