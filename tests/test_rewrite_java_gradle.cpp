// The Java planner on Gradle: gradle and its wrapper, jars in build/libs, installDist.
#include <catch2/catch.hpp>

#include "java_fixtures.hpp"
#include "rewrite_support.hpp"

using restage::rewrite::Options;
using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

TEST_CASE("java: gradle build ships the jar from build/libs", "[rewrite][java]") {
    auto out = rewrite_text(
        "FROM gradle:8-jdk17\n"
        "WORKDIR /home/gradle/project\n"
        "COPY --chown=gradle:gradle . .\n"
        "RUN gradle build --no-daemon -x test\n"
        "ENTRYPOINT [\"java\", \"-jar\", \"/home/gradle/project/build/libs/demo-1.0.0.jar\"]\n",
        kGradle);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM gradle:8-jdk17 AS build\n"
          "WORKDIR /home/gradle/project\n"
          "COPY --chown=gradle:gradle build.gradle settings.gradle ./\n"
          "RUN gradle dependencies --no-daemon\n"
          "COPY --chown=gradle:gradle . .\n"
          "RUN gradle build --no-daemon -x test\n"
          "\n"
          "FROM gcr.io/distroless/java17-debian12:nonroot\n"
          "WORKDIR /home/gradle/project\n"
          "COPY --from=build /home/gradle/project/build/libs/demo-1.0.0.jar "
          "/home/gradle/project/build/libs/demo-1.0.0.jar\n"
          "USER nonroot\n"
          "ENTRYPOINT [\"java\", \"-jar\", \"/home/gradle/project/build/libs/demo-1.0.0.jar\"]\n");
    CHECK(find_change(out, "gradle-split-build") != nullptr);
}

TEST_CASE("java: ./gradlew bootJar with the wrapper, its chmod, and cache mounts", "[rewrite][java]") {
    Options o;
    o.cache_mounts = true;
    auto out = rewrite_text(
        "FROM eclipse-temurin:21-jdk-jammy\n"
        "WORKDIR /workspace/app\n"
        "# sources\n"
        "COPY . .\n"
        "RUN chmod +x gradlew\n"
        "RUN ./gradlew bootJar --no-daemon\n"
        "CMD [\"java\", \"-jar\", \"build/libs/demo-1.0.0.jar\"]\n",
        kGradleWrapper, o);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM eclipse-temurin:21-jdk-jammy AS build\n"
          "WORKDIR /workspace/app\n"
          "COPY gradlew build.gradle settings.gradle ./\n"
          "COPY gradle gradle\n"
          "RUN --mount=type=cache,target=/root/.gradle chmod +x ./gradlew && ./gradlew dependencies "
          "--no-daemon\n"
          "# sources\n"
          "COPY . .\n"
          "RUN chmod +x gradlew\n"
          "RUN --mount=type=cache,target=/root/.gradle ./gradlew bootJar --no-daemon\n"
          "\n"
          "FROM gcr.io/distroless/java21-debian12:nonroot\n"
          "WORKDIR /workspace/app\n"
          "COPY --from=build /workspace/app/build/libs/demo-1.0.0.jar "
          "/workspace/app/build/libs/demo-1.0.0.jar\n"
          "USER nonroot\n"
          "ENTRYPOINT []\n"
          "CMD [\"java\", \"-jar\", \"build/libs/demo-1.0.0.jar\"]\n");
    CHECK(find_change(out, "cache-mounts") != nullptr);
}

TEST_CASE("java: a glob in a shell-form command is resolved from build.gradle (--runtime alpine)",
          "[rewrite][java]") {
    Options alpine;
    alpine.runtime = "alpine";
    auto out = rewrite_text(
        "FROM eclipse-temurin:17-jdk\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN ./gradlew bootJar --no-daemon\n"
        "CMD java -jar build/libs/*.jar\n",
        kGradle, alpine);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM eclipse-temurin:17-jdk AS build\n"
          "WORKDIR /app\n"
          "COPY . .\n"
          "RUN ./gradlew bootJar --no-daemon\n"
          "\n"
          "FROM eclipse-temurin:17-jre-alpine\n"
          "WORKDIR /app\n"
          "COPY --from=build /app/build/libs/demo-1.0.0.jar /app/build/libs/demo-1.0.0.jar\n"
          "RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\n"
          "USER app\n"
          "CMD java -jar build/libs/*.jar\n");
}

TEST_CASE("java: Gradle installDist ships its folder and keeps a shell for the start script",
          "[rewrite][java]") {
    auto out = rewrite_text(
        "FROM gradle:8.5-jdk17\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN gradle installDist --no-daemon\n"
        "CMD [\"build/install/demo/bin/demo\"]\n",
        kGradle);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM gradle:8.5-jdk17 AS build\n"
          "WORKDIR /app\n"
          "COPY build.gradle settings.gradle ./\n"
          "RUN gradle dependencies --no-daemon\n"
          "COPY . .\n"
          "RUN gradle installDist --no-daemon\n"
          "\n"
          "FROM eclipse-temurin:17-jre\n"
          "WORKDIR /app\n"
          "COPY --from=build /app/build/install/demo /app/build/install/demo\n"
          "RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home "
          "app\n"
          "USER app\n"
          "CMD [\"build/install/demo/bin/demo\"]\n");
}
