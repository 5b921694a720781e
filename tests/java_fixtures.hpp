// Maven and Gradle projects for the Java planner's tests.
#pragma once

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "rewrite_support.hpp"

namespace restage::test {

inline const std::string kPom =
    "<project>\n"
    "  <modelVersion>4.0.0</modelVersion>\n"
    "  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>"
    "<version>3.2.0</version></parent>\n"
    "  <groupId>com.example</groupId>\n"
    "  <artifactId>demo</artifactId>\n"
    "  <version>0.0.1-SNAPSHOT</version>\n"
    "  <!-- <artifactId>not-this</artifactId> -->\n"
    "  <properties><java.version>17</java.version></properties>\n"
    "</project>\n";
inline const std::string kBuildGradle =
    "plugins {\n  id 'java'\n  id 'org.springframework.boot' version '3.2.0'\n}\nversion = '1.0.0'\n";

inline const std::map<std::string, std::string> kMaven = {{"pom.xml", kPom},
                                                          {"src/main/java/App.java", "class App {}\n"}};
inline const std::map<std::string, std::string> kMavenWrapper = {
    {"pom.xml", kPom},
    {"mvnw", "#!/bin/sh\n"},
    {".mvn/wrapper/maven-wrapper.properties", "distributionUrl=x\n"},
    {"src/main/java/App.java", "class App {}\n"}};
inline const std::map<std::string, std::string> kGradle = {{"build.gradle", kBuildGradle},
                                                           {"settings.gradle", "rootProject.name = 'demo'\n"},
                                                           {"src/main/java/App.java", "class App {}\n"}};
inline const std::map<std::string, std::string> kGradleWrapper = {
    {"build.gradle", kBuildGradle},
    {"settings.gradle", "rootProject.name = 'demo'\n"},
    {"gradlew", "#!/bin/sh\n"},
    {"gradle/wrapper/gradle-wrapper.properties", "distributionUrl=x\n"},
    {"src/main/java/App.java", "class App {}\n"}};

/// The outcome of a rewrite that must be a refusal with one reason, the file left as it was.
inline rewrite::Outcome refused(const std::string& dockerfile,
                                const std::map<std::string, std::string>& files,
                                const rewrite::Options& o = {}) {
    auto out = rewrite_text(dockerfile, files, o);
    INFO(explain(out));
    REQUIRE(out.status == rewrite::Outcome::Status::Refused);
    REQUIRE(out.refusals.size() == 1);
    CHECK(out.text == dockerfile);
    return out;
}

}  // namespace restage::test
