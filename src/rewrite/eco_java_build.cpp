// The Java build step: which RUN runs Maven or Gradle, and which Java the builder image has.
#include <algorithm>
#include <regex>

#include "rewrite/eco_java.hpp"
#include "rewrite/sources.hpp"

namespace restage::rewrite::java {

namespace {

using model::Kind;

// Flags that take the next word as their value.
const std::vector<std::string> kMavenValueFlags = {"-f", "--file", "-s", "--settings", "-gs", "--global-settings",
                                                  "-t", "--toolchains", "-gt", "-pl", "--projects", "-rf",
                                                  "--resume-from", "-T", "--threads", "-l", "--log-file", "-b",
                                                  "--builder", "-P", "--activate-profiles", "-D", "--define"};
const std::vector<std::string> kGradleValueFlags = {"-x", "--exclude-task", "-p", "--project-dir", "-b", "--build-file",
                                                   "-c", "--settings-file", "-I", "--init-script", "-g",
                                                   "--gradle-user-home", "-P", "--project-prop", "-D",
                                                   "--system-prop", "--console", "--warning-mode", "--max-workers",
                                                   "--include-build"};
// Maven goals and Gradle tasks that produce no artifact.
const std::vector<std::string> kNoArtifactTasks = {"clean", "help", "tasks", "wrapper", "properties", "projects",
                                                  "test", "check", "validate", "dependencies",
                                                  "downloadDependencies", "resolveDependencies", "buildEnvironment"};

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// Where the tool word is in `words` (after `sh`/`bash`/`exec`), or words.size().
size_t tool_at(const std::vector<std::string>& words, bool& gradle, bool& wrapper) {
    size_t k = 0;
    while (k < words.size() && (words[k] == "exec" || words[k] == "sh" || words[k] == "bash" || words[k] == "time")) ++k;
    if (k >= words.size()) return words.size();
    std::string b = base_name(words[k]);
    if (b == "mvn" || b == "mvnw" || b == "gradle" || b == "gradlew") {
        gradle = b.rfind("gradle", 0) == 0;
        wrapper = b.back() == 'w';
        return k;
    }
    return words.size();
}

bool is_goal_for_artifact(const std::string& goal, bool gradle) {
    std::string g = gradle ? goal.substr(goal.rfind(':') + 1) : goal;
    if (contains(kNoArtifactTasks, g)) return false;
    if (!gradle && (g.rfind("dependency:", 0) == 0 || g.rfind("help:", 0) == 0 || g.rfind("versions:", 0) == 0 ||
                    g.find("go-offline") != std::string::npos || g.rfind("spring-boot:run", 0) == 0))
        return false;
    if (gradle && (g == "run" || g == "bootRun")) return false;
    return true;
}

// Goals, properties, directory and settings flags of one tool command.
BuildStep parse_tool(const std::vector<std::string>& words, size_t at, bool gradle, bool wrapper, std::string dir) {
    BuildStep s;
    s.gradle = gradle;
    s.wrapper = wrapper;
    s.invoke.assign(words.begin(), words.begin() + static_cast<long>(at) + 1);
    if (s.invoke.front() == "exec") s.invoke.erase(s.invoke.begin());
    const auto& value_flags = gradle ? kGradleValueFlags : kMavenValueFlags;
    for (size_t k = at + 1; k < words.size(); ++k) {
        const std::string& w = words[k];
        if (w.empty() || w[0] != '-') {
            s.goals.push_back(w);
            continue;
        }
        std::string name = w.substr(0, w.find('='));
        std::string value = w.find('=') != std::string::npos ? w.substr(w.find('=') + 1) : "";
        bool takes = contains(value_flags, name) && w.find('=') == std::string::npos;
        if (takes && k + 1 < words.size()) value = words[++k];
        // -Dk=v and -Pk=v may also come attached.
        char p = gradle ? 'P' : 'D';
        std::string prop = w.size() > 2 && w[0] == '-' && w[1] == p ? w.substr(2) : (name == std::string("-") + p ? value : "");
        if (!prop.empty() && prop.find('=') != std::string::npos) {
            s.properties[prop.substr(0, prop.find('='))] = prop.substr(prop.find('=') + 1);
        }
        if (!gradle && (name == "-f" || name == "--file")) {
            dir = join_path(dir, value.ends_with(".xml") ? value.substr(0, value.rfind('/') == std::string::npos ? 0 : value.rfind('/')) : value);
        }
        if (gradle && (name == "-p" || name == "--project-dir")) dir = join_path(dir, value);
        if (name == "-s" || name == "--settings" || name == "-gs" || name == "--global-settings" || name == "-I" ||
            name == "--init-script" || name == "-g" || name == "--gradle-user-home" || name == "-c" ||
            name == "--settings-file") {
            s.own_settings = name + " " + value;
        }
    }
    s.dir = dir;
    return s;
}

}  // namespace

std::optional<BuildStep> find_build(const StageFacts& f, bool gradle) {
    std::optional<BuildStep> found;
    for (const auto& step : f.steps) {
        const auto& i = f.at(step.index);
        if (i.kind != Kind::Run) continue;
        std::string dir = step.workdir;
        bool in_this_run = false;  // the first build of a RUN counts: `./mvnw package || mvn package` runs ./mvnw
        for (const auto& words : run_commands(i)) {
            if (words.size() > 1 && words[0] == "cd") dir = join_path(dir, words[1]);
            bool is_gradle = false, wrapper = false;
            size_t at = tool_at(words, is_gradle, wrapper);
            if (at >= words.size() || is_gradle != gradle) continue;
            BuildStep s = parse_tool(words, at, is_gradle, wrapper, dir);
            bool builds = std::any_of(s.goals.begin(), s.goals.end(), [&](const auto& g) { return is_goal_for_artifact(g, gradle); });
            if (!builds || in_this_run) continue;
            s.index = step.index;
            found = s;
            in_this_run = true;
        }
    }
    return found;
}

bool fetch_only(const std::vector<std::string>& words) {
    bool gradle = false, wrapper = false;
    size_t at = tool_at(words, gradle, wrapper);
    if (at >= words.size()) return false;
    BuildStep s = parse_tool(words, at, gradle, wrapper, "/");
    if (s.goals.empty()) return false;
    return std::all_of(s.goals.begin(), s.goals.end(), [&](const std::string& g) {
        if (gradle) return g == "dependencies" || g == "downloadDependencies" || g == "resolveDependencies";
        return g.rfind("dependency:", 0) == 0 || g.find("go-offline") != std::string::npos;
    });
}

bool runs_build_tool(const model::Instruction& run) {
    for (const auto& words : run_commands(run)) {
        bool gradle = false, wrapper = false;
        if (tool_at(words, gradle, wrapper) < words.size()) return true;
    }
    return false;
}

namespace {

std::string feature_release(std::string v) {
    if (v.rfind("1.", 0) == 0) v = v.substr(2);  // 1.8 is Java 8
    size_t n = 0;
    while (n < v.size() && std::isdigit(static_cast<unsigned char>(v[n]))) ++n;
    return v.substr(0, n);
}

}  // namespace

std::string java_from_image(const std::string& image) {
    std::string ref = image.substr(0, image.find('@'));
    std::string last = ref.substr(ref.rfind('/') + 1);
    std::string name = last.substr(0, last.find(':'));
    std::string tag = last.find(':') == std::string::npos ? "" : last.substr(last.find(':') + 1);
    static const std::regex jdk("jdk-?([0-9]+)");
    static const std::regex vendor("(temurin|openjdk|corretto|sapmachine|semeru|zulu|liberica|microsoft|oracle|"
                                   "graalvm-ce|graalvm-community|adoptopenjdk|ibmjava|open)-([0-9]+)");
    static const std::regex named("(jdk|jre)([0-9]+)$");
    std::smatch m;
    if (std::regex_search(tag, m, jdk)) return m[1];
    if (std::regex_search(tag, m, vendor)) return m[2];
    if (std::regex_search(name, m, named)) return m[2];
    static const std::vector<std::string> jdk_images = {"openjdk", "eclipse-temurin", "temurin", "amazoncorretto",
                                                        "sapmachine", "ibm-semeru-runtimes", "ibmjava", "java",
                                                        "zulu-openjdk", "liberica-openjdk", "liberica-openjdk-alpine",
                                                        "liberica-openjdk-debian", "jdk", "openjdk-jdk"};
    if (contains(jdk_images, name) || name.find("jdk") != std::string::npos) return feature_release(tag);
    return "";
}

std::string java_from_packages(const std::vector<std::string>& packages) {
    static const std::regex pkg("^(?:openjdk-?|java-|temurin-|msopenjdk-)([0-9]+)(?:-(?:jdk|openjdk|jre).*)?$");
    for (const auto& p : packages) {
        std::smatch m;
        if (std::regex_match(p, m, pkg)) return m[1];
    }
    return "";
}

bool runtime_only_image(const std::string& image) {
    std::string ref = image.substr(0, image.find('@'));
    std::string last = ref.substr(ref.rfind('/') + 1);
    std::string name = last.substr(0, last.find(':'));
    static const std::vector<std::string> servers = {"tomcat", "tomee", "jetty", "wildfly", "jboss", "payara",
                                                     "open-liberty", "websphere-liberty", "server-full", "server-web"};
    for (const auto& s : servers) {
        if (name.rfind(s, 0) == 0) return true;
    }
    return last.find("jre") != std::string::npos || ref.find("distroless/java") != std::string::npos;
}

}  // namespace restage::rewrite::java
