// The Java planner's parts: the build step, the command's jar, project files, manifests first.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "rewrite/ecosystem.hpp"

namespace restage::rewrite::java {

/// A refusal in the making: the reason, its line, and what would unblock it.
struct Refuse {
    std::string reason;
    int line = 0;
    std::string unblock;
};

/// The RUN that builds with Maven or Gradle.
struct BuildStep {
    size_t index = 0;                  ///< the RUN instruction
    bool gradle = false;
    bool wrapper = false;              ///< ./mvnw or ./gradlew
    std::vector<std::string> invoke;   ///< the words that start the tool, as written ("./mvnw", "sh gradlew")
    std::vector<std::string> goals;    ///< goals or tasks
    std::map<std::string, std::string> properties;  ///< -Dk=v (Maven), -Pk=v (Gradle)
    std::string dir;                   ///< absolute directory the tool runs in (WORKDIR, cd, -f, -p)
    std::string own_settings;          ///< a flag that points at settings outside the project (-s, -gs, -I), or ""
};

/// The last RUN that builds with Maven (package, install, verify, ...) or Gradle (build, bootJar, ...).
std::optional<BuildStep> find_build(const StageFacts& f, bool gradle);
/// Whether a command (its words) only fetches dependencies: `mvn dependency:go-offline`, `gradle dependencies`.
bool fetch_only(const std::vector<std::string>& words);
/// Whether a RUN's commands run Maven or Gradle at all.
bool runs_build_tool(const model::Instruction& run);

/// The Java feature release an image tag names (maven:3.9-eclipse-temurin-17, gradle:8-jdk17,
/// openjdk:8-jdk-alpine), or "".
std::string java_from_image(const std::string& image);
/// The feature release of an installed JDK package (openjdk-17-jdk, openjdk17), or "".
std::string java_from_packages(const std::vector<std::string>& packages);
/// Whether the image is an application server or a JRE: it runs something built elsewhere.
bool runtime_only_image(const std::string& image);

/// What a Maven or Gradle project says, read from its files in the context.
struct Project {
    bool found = false;                ///< its build file was read
    std::string file;                  ///< that file's context path ("pom.xml", "build.gradle")
    std::vector<std::string> outputs;  ///< file names the build leaves in target/ or build/libs/
    std::string unresolved;            ///< why a name could not be worked out ("" when none)
    std::string java;                  ///< the Java release it compiles for, or ""
    std::string java_source;           ///< where that was read ("pom.xml (maven.compiler.release)")
    bool modules = false;              ///< multi-module or multi-project, or a buildSrc / included build
    bool spring_boot = false;          ///< Spring Boot's plugin packages it (an executable jar with BOOT-INF/)
    std::string modules_why;           ///< what made it so
};

/// Reads the project at context folder `dir` ("" for the root); `folder` is its absolute name
/// in the image (Gradle names a project without rootProject.name after it).
Project read_maven(const detect::Context& ctx, const std::string& dir, const std::map<std::string, std::string>& defines);
Project read_gradle(const detect::Context& ctx, const std::string& dir, const std::string& folder,
                    const std::map<std::string, std::string>& defines, const std::vector<std::string>& tasks);

/// Whether `abs` is in the build's output folders (target/ for Maven, build/ for Gradle).
bool under_output(const std::string& abs, const BuildStep* build);
/// Whether a RUN cp/mv puts a build output at `abs` (or into its folder).
bool moved_from_output(const StageFacts& f, const std::string& abs, const BuildStep* build);
/// The one build output a glob (target/*.jar, build/libs/*.jar) names, by the project's files,
/// or why it cannot be told; `line` is the command's.
std::variant<std::string, Refuse> resolve_glob(const PlanInput& in, const BuildStep* build, const std::string& abs, int line);

/// What the final image must have to run the command as written.
struct Requirements {
    bool shell = false;     ///< it runs sh -c, a start script, or shell syntax
    bool bash = false;      ///< it runs bash
    std::string java_path;  ///< java named by an absolute path, or ""
};

/// What the stage's CMD/ENTRYPOINT runs: its argv[0] ("java", "./run.sh"), or "".
std::string program(const PlanInput& in);

/// The requirements of the stage's CMD/ENTRYPOINT (the same for every call: runtime choice uses it).
Requirements requirements(const PlanInput& in);

/// What the image runs, and the files it needs from the builder.
struct RunPlan {
    std::vector<ArtifactCopy> ship;      ///< the artifact first, then files it reads
    std::string artifact;                ///< the artifact's absolute path (for reports)
    std::vector<std::string> extras;     ///< context files shipped because the command reads them
    size_t line_index = 0;               ///< the CMD or ENTRYPOINT instruction
};

/// Finds the artifact the command runs and resolves it (globs through the project files).
/// `build` may be null when --artifact names the output of a hidden build.
std::variant<RunPlan, Refuse> plan_run(const PlanInput& in, const BuildStep* build);

/// For a Dockerfile that runs no build but copies what Maven or Gradle writes (target/*.jar,
/// build/libs/*.jar) from the context: a builder stage that builds it, in front of the original.
/// false when that does not apply (no such COPY, or no build file in the context).
std::variant<bool, Refuse> plan_prebuilt(const PlanInput& in, Build& b);

/// Sets up "dependency manifests first" for the build, or says why it stays as it is (`in_place`).
void order_dependencies(const PlanInput& in, const BuildStep& build, bool modules, const std::string& modules_why,
                        Build& b, std::string& in_place);

}  // namespace restage::rewrite::java
