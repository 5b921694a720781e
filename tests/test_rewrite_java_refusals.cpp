// The Java planner's refusals: each says why and what unblocks it.
#include <catch2/catch.hpp>

#include "java_fixtures.hpp"
#include "rewrite_support.hpp"

using restage::rewrite::Options;
using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

TEST_CASE("java: refusals say why and what unblocks them", "[rewrite][java]") {
    SECTION("no build command: the build is hidden in a script") {
        auto r = refused(
            "FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN ./build.sh\n"
            "CMD [\"java\", \"-jar\", \"out/app.jar\"]\n",
            kMaven);
        CHECK(r.refusals[0].reason.find("no `mvn` or `./mvnw` build") != std::string::npos);
        CHECK(r.refusals[0].unblock == "pass --artifact PATH (the jar the build writes)");

        Options artifact;
        artifact.artifact = "out/app.jar";
        auto out = rewrite_text(
            "FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN ./build.sh\n"
            "CMD [\"java\", \"-jar\", \"out/app.jar\"]\n",
            kMaven, artifact);
        INFO(explain(out));
        REQUIRE(out.status == Outcome::Status::Rewritten);
        CHECK(out.text.find("COPY --from=build /app/out/app.jar /app/out/app.jar\n") != std::string::npos);
    }
    SECTION("a glob pom.xml cannot name") {
        std::map<std::string, std::string> files = {
            {"pom.xml",
             "<project><artifactId>demo</artifactId><version>1.0</version>"
             "<build><finalName>${app.name}</finalName></build></project>"}};
        auto r = refused(
            "FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n"
            "ENTRYPOINT java -jar target/*.jar\n",
            files);
        CHECK(r.refusals[0].line == 5);
        CHECK(r.refusals[0].reason ==
              "the command runs `/app/target/*.jar`, but the jar's name `${app.name}` uses a property "
              "pom.xml does not define");
        CHECK(r.refusals[0].unblock.find("--artifact PATH") != std::string::npos);
    }
    SECTION("a glob in exec form is never expanded") {
        auto r = refused(
            "FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn package\n"
            "CMD [\"java\", \"-jar\", \"target/*.jar\"]\n",
            kMaven);
        CHECK(r.refusals[0].reason.find("unexpanded") != std::string::npos);
    }
    SECTION("Java version unknown") {
        std::map<std::string, std::string> files = {
            {"pom.xml", "<project><artifactId>demo</artifactId><version>1.0</version></project>"}};
        auto r = refused(
            "FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n"
            "CMD [\"java\", \"-jar\", \"target/demo-1.0.jar\"]\n",
            files);
        CHECK(r.refusals[0].line == 1);
        CHECK(r.refusals[0].reason.rfind("Java version unknown", 0) == 0);
        CHECK(r.refusals[0].unblock.find("maven:3.9-eclipse-temurin-17") != std::string::npos);
    }
    SECTION("no runtime for the Java version") {
        auto r = refused(
            "FROM maven:3.6-jdk-7\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n"
            "CMD [\"java\", \"-jar\", \"target/demo-0.0.1-SNAPSHOT.jar\"]\n",
            kMaven);
        CHECK(r.refusals[0].reason ==
              "Java 7 (from the builder image maven:3.6-jdk-7): the runtime catalogue has no Java 7 runtime "
              "(it has "
              "8, 11, 17, 21, 25)");
    }
    SECTION("the image runs the build tool") {
        auto r = refused(
            "FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n"
            "CMD [\"mvn\", \"spring-boot:run\"]\n",
            kMaven);
        CHECK(r.refusals[0].line == 5);
    }
}

TEST_CASE("java: a command running a jar the build does not write names it once when it is absolute",
          "[rewrite][java]") {
    auto r = refused("FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n"
                     "ENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n",
                     kMaven);
    CHECK(r.refusals[0].reason.rfind("the command runs `/app.jar`, which the build does not write", 0) == 0);
}
