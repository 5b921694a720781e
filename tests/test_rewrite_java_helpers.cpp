// The Java planner's helpers: the Java release of an image tag or a JDK package; dependency-only commands.
#include <catch2/catch.hpp>

#include "rewrite/eco_java.hpp"

namespace java = restage::rewrite::java;

TEST_CASE("java: the Java release from image tags and JDK packages", "[rewrite][java]") {
    CHECK(java::java_from_image("maven:3.9-eclipse-temurin-17") == "17");
    CHECK(java::java_from_image("maven:3-openjdk-11") == "11");
    CHECK(java::java_from_image("maven:3.8-jdk-8") == "8");
    CHECK(java::java_from_image("eclipse-temurin:21-jdk") == "21");
    CHECK(java::java_from_image("openjdk:8-jdk-alpine") == "8");
    CHECK(java::java_from_image("gradle:8-jdk17") == "17");
    CHECK(java::java_from_image("gradle:8.5.0-jdk21-alpine") == "21");
    CHECK(java::java_from_image("maven:3.9.6-amazoncorretto-21-debian") == "21");
    CHECK(java::java_from_image("ibm-semeru-runtimes:open-17-jdk") == "17");
    CHECK(java::java_from_image("registry.example.com/base/eclipse-temurin:17.0.9_9-jdk@sha256:abc") == "17");
    CHECK(java::java_from_image("maven:3.9").empty());
    CHECK(java::java_from_image("gradle:latest").empty());
    CHECK(java::java_from_packages({"curl", "openjdk-17-jdk-headless"}) == "17");
    CHECK(java::java_from_packages({"openjdk21"}) == "21");
    CHECK(java::java_from_packages({"java-11-openjdk-devel"}) == "11");
    CHECK(java::java_from_packages({"maven"}).empty());
}

TEST_CASE("java: dependency-only commands", "[rewrite][java]") {
    CHECK(java::fetch_only({"mvn", "-B", "dependency:go-offline"}));
    CHECK(java::fetch_only({"./gradlew", "dependencies", "--no-daemon"}));
    CHECK_FALSE(java::fetch_only({"mvn", "-B", "package"}));
    CHECK_FALSE(java::fetch_only({"mvn", "-B"}));
    CHECK_FALSE(java::fetch_only({"gradle", "build"}));
}
