// What the Java planner ships: a jar moved out of the build's output, and files the application reads.
#include <catch2/catch.hpp>

#include "java_fixtures.hpp"
#include "rewrite_support.hpp"

using restage::rewrite::Options;
using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

TEST_CASE("java: a jar moved out of target/ ships from where the command runs it", "[rewrite][java]") {
    const std::string dockerfile =
        "FROM maven:3-openjdk-17\n"
        "WORKDIR /usr/src/app\n"
        "COPY pom.xml .\n"
        "RUN mvn dependency:go-offline\n"
        "COPY src ./src\n"
        "RUN mvn -B package -DskipTests && mv target/*.jar app.jar\n"
        "CMD [\"java\", \"-jar\", \"app.jar\"]\n";
    auto out = rewrite_text(dockerfile, kMaven);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM maven:3-openjdk-17 AS build\n"
          "WORKDIR /usr/src/app\n"
          "COPY pom.xml .\n"
          "RUN mvn dependency:go-offline\n"
          "COPY src ./src\n"
          "RUN mvn -B package -DskipTests && mv target/*.jar app.jar\n"
          "\n"
          "FROM gcr.io/distroless/java17-debian12:nonroot\n"
          "WORKDIR /usr/src/app\n"
          "COPY --from=build /usr/src/app/app.jar /usr/src/app/app.jar\n"
          "USER nonroot\n"
          "ENTRYPOINT []\n"
          "CMD [\"java\", \"-jar\", \"app.jar\"]\n");
    CHECK(find_change(out, "deps-before-sources") == nullptr);  // already in that order

    SECTION("--runtime slim") {
        Options slim;
        slim.runtime = "slim";
        auto s = rewrite_text(dockerfile, kMaven, slim);
        INFO(explain(s));
        REQUIRE(s.status == Outcome::Status::Rewritten);
        CHECK(s.text ==
              "FROM maven:3-openjdk-17 AS build\n"
              "WORKDIR /usr/src/app\n"
              "COPY pom.xml .\n"
              "RUN mvn dependency:go-offline\n"
              "COPY src ./src\n"
              "RUN mvn -B package -DskipTests && mv target/*.jar app.jar\n"
              "\n"
              "FROM eclipse-temurin:17-jre\n"
              "WORKDIR /usr/src/app\n"
              "COPY --from=build /usr/src/app/app.jar /usr/src/app/app.jar\n"
              "RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app "
              "--no-create-home app\n"
              "USER app\n"
              "CMD [\"java\", \"-jar\", \"app.jar\"]\n");
    }
    SECTION("--runtime scratch is not a Java runtime") {
        Options scratch;
        scratch.runtime = "scratch";
        auto r = refused(dockerfile, kMaven, scratch);
        CHECK(r.refusals[0].reason == "the maven template has no 'scratch' runtime");
    }
    SECTION("a jar the build does not write") {
        auto r = refused(
            "FROM maven:3-openjdk-17\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD [\"java\", \"-jar\", "
            "\"lib/app.jar\"]\n",
            kMaven);
        CHECK(r.refusals[0].line == 5);
        CHECK(r.refusals[0].unblock.find("--artifact") != std::string::npos);
    }
}

TEST_CASE("java: files the application reads from its working directory ship too", "[rewrite][java]") {
    std::map<std::string, std::string> files = kMaven;
    files["config/application.yml"] = "server.port: 8080\n";
    Options o;
    o.cache_mounts = true;
    auto out = rewrite_text(
        "FROM maven:3.9-eclipse-temurin-17\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN mvn dependency:go-offline\n"
        "RUN mvn -B package\n"
        "CMD [\"java\", \"-jar\", \"target/demo-0.0.1-SNAPSHOT.jar\"]\n",
        files, o);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM maven:3.9-eclipse-temurin-17 AS build\n"
          "WORKDIR /app\n"
          "COPY pom.xml ./\n"
          "RUN --mount=type=cache,target=/root/.m2 mvn -B dependency:go-offline\n"
          "COPY . .\n"
          "RUN --mount=type=cache,target=/root/.m2 mvn -B package\n"
          "\n"
          "FROM gcr.io/distroless/java17-debian12:nonroot\n"
          "WORKDIR /app\n"
          "COPY --from=build /app/target/demo-0.0.1-SNAPSHOT.jar /app/target/demo-0.0.1-SNAPSHOT.jar\n"
          "COPY --from=build /app/config /app/config\n"
          "USER nonroot\n"
          "ENTRYPOINT []\n"
          "CMD [\"java\", \"-jar\", \"target/demo-0.0.1-SNAPSHOT.jar\"]\n");
    CHECK(find_change(out, "maven-runtime-files") != nullptr);
}
