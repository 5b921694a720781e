// The Java planner (Maven and Gradle): what it ships, how it builds, when it refuses.
#include <catch2/catch.hpp>

#include "java_fixtures.hpp"
#include "rewrite/eco_java.hpp"
#include "rewrite_support.hpp"

using restage::rewrite::Options;
using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;
namespace java = restage::rewrite::java;


TEST_CASE("java: mvn package and java -jar target/app.jar", "[rewrite][java]") {
    auto out = rewrite_text("FROM maven:3.9-eclipse-temurin-17\n"
                            "WORKDIR /app\n"
                            "COPY . .\n"
                            "RUN mvn package\n"
                            "EXPOSE 8080\n"
                            "CMD [\"java\", \"-jar\", \"target/demo-0.0.1-SNAPSHOT.jar\"]\n",
                            kMaven);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM maven:3.9-eclipse-temurin-17 AS build\n"
          "WORKDIR /app\n"
          "COPY pom.xml ./\n"
          "RUN mvn -B dependency:go-offline\n"
          "COPY . .\n"
          "RUN mvn package\n"
          "\n"
          "FROM gcr.io/distroless/java17-debian12:nonroot\n"
          "WORKDIR /app\n"
          "COPY --from=build /app/target/demo-0.0.1-SNAPSHOT.jar /app/target/demo-0.0.1-SNAPSHOT.jar\n"
          "EXPOSE 8080\n"
          "USER nonroot\n"
          "ENTRYPOINT []\n"
          "CMD [\"java\", \"-jar\", \"target/demo-0.0.1-SNAPSHOT.jar\"]\n");
    REQUIRE(find_change(out, "maven-split-build") != nullptr);
    CHECK(find_change(out, "maven-split-build")->first_line == 4);
    CHECK(find_change(out, "maven-split-build")->reason ==
          "Builds with Maven in maven:3.9-eclipse-temurin-17 and runs /app/target/demo-0.0.1-SNAPSHOT.jar on "
          "gcr.io/distroless/java17-debian12:nonroot (about 80 MB instead of 200 MB)");
    REQUIRE(find_change(out, "maven-java-version") != nullptr);
    CHECK(find_change(out, "maven-java-version")->reason == "Runs on Java 17, as the builder image maven:3.9-eclipse-temurin-17 says");
    CHECK(find_change(out, "maven-clear-entrypoint") != nullptr);
    CHECK(find_change(out, "deps-before-sources") != nullptr);
    // Rewriting the output again changes nothing.
    CHECK(rewrite_text(out.text, kMaven).status == Outcome::Status::Unchanged);
}

TEST_CASE("java: the Maven wrapper fetches with ./mvnw and copies .mvn/ as a folder", "[rewrite][java]") {
    auto out = rewrite_text("FROM maven:3.9-eclipse-temurin-17\n"
                            "WORKDIR /app\n"
                            "COPY . .\n"
                            "RUN ./mvnw -B package\n"
                            "CMD [\"java\", \"-jar\", \"target/demo-0.0.1-SNAPSHOT.jar\"]\n",
                            kMavenWrapper);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM maven:3.9-eclipse-temurin-17 AS build\n"
          "WORKDIR /app\n"
          "COPY pom.xml mvnw ./\n"
          "COPY .mvn .mvn\n"
          "RUN ./mvnw -B dependency:go-offline\n"
          "COPY . .\n"
          "RUN ./mvnw -B package\n"
          "\n"
          "FROM gcr.io/distroless/java17-debian12:nonroot\n"
          "WORKDIR /app\n"
          "COPY --from=build /app/target/demo-0.0.1-SNAPSHOT.jar /app/target/demo-0.0.1-SNAPSHOT.jar\n"
          "USER nonroot\n"
          "ENTRYPOINT []\n"
          "CMD [\"java\", \"-jar\", \"target/demo-0.0.1-SNAPSHOT.jar\"]\n");
}

TEST_CASE("java: -DskipTests, JVM options, MAVEN_OPTS kept in the builder", "[rewrite][java]") {
    auto out = rewrite_text("FROM maven:3-eclipse-temurin-21-alpine\n"
                            "ENV MAVEN_OPTS=\"-Xmx1g\"\n"
                            "ENV APP_ENV=prod\n"
                            "WORKDIR /build\n"
                            "# Everything, then the build\n"
                            "COPY . .\n"
                            "RUN mvn clean package -DskipTests\n"
                            "EXPOSE 8080\n"
                            "ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-jar\", \"/build/target/demo-0.0.1-SNAPSHOT.jar\"]\n",
                            kMaven);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM maven:3-eclipse-temurin-21-alpine AS build\n"
          "ENV MAVEN_OPTS=\"-Xmx1g\"\n"
          "ENV APP_ENV=prod\n"
          "WORKDIR /build\n"
          "COPY pom.xml ./\n"
          "RUN mvn -B dependency:go-offline\n"
          "# Everything, then the build\n"
          "COPY . .\n"
          "RUN mvn clean package -DskipTests\n"
          "\n"
          "FROM gcr.io/distroless/java21-debian12:nonroot\n"
          "ENV APP_ENV=prod\n"
          "WORKDIR /build\n"
          "COPY --from=build /build/target/demo-0.0.1-SNAPSHOT.jar /build/target/demo-0.0.1-SNAPSHOT.jar\n"
          "EXPOSE 8080\n"
          "USER nonroot\n"
          "ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-jar\", \"/build/target/demo-0.0.1-SNAPSHOT.jar\"]\n");
    REQUIRE(find_change(out, "build-only-env") != nullptr);
    CHECK(find_change(out, "build-only-env")->reason.find("MAVEN_OPTS") != std::string::npos);
    CHECK(find_change(out, "maven-clear-entrypoint") == nullptr);  // the original has its own ENTRYPOINT
}

TEST_CASE("java: a shell-form CMD with $JAVA_OPTS keeps a JRE with a shell", "[rewrite][java]") {
    auto out = rewrite_text("FROM maven:3.9-eclipse-temurin-21\n"
                            "WORKDIR /app\n"
                            "COPY . .\n"
                            "RUN chmod +x mvnw && ./mvnw -B package -DskipTests\n"
                            "ENV JAVA_OPTS=\"-Xmx512m\"\n"
                            "CMD java $JAVA_OPTS -jar target/*.jar\n",
                            kMavenWrapper);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM maven:3.9-eclipse-temurin-21 AS build\n"
          "WORKDIR /app\n"
          "COPY pom.xml mvnw ./\n"
          "COPY .mvn .mvn\n"
          "RUN chmod +x ./mvnw && ./mvnw -B dependency:go-offline\n"
          "COPY . .\n"
          "RUN chmod +x mvnw && ./mvnw -B package -DskipTests\n"
          "ENV JAVA_OPTS=\"-Xmx512m\"\n"
          "\n"
          "FROM eclipse-temurin:21-jre\n"
          "ENV JAVA_OPTS=\"-Xmx512m\"\n"
          "WORKDIR /app\n"
          "COPY --from=build /app/target/demo-0.0.1-SNAPSHOT.jar /app/target/demo-0.0.1-SNAPSHOT.jar\n"
          "RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\n"
          "USER app\n"
          "CMD java $JAVA_OPTS -jar target/*.jar\n");
    REQUIRE(find_change(out, "keep-shell") != nullptr);
    CHECK(find_change(out, "keep-shell")->reason ==
          "CMD on line 6 needs a shell, so the runtime is eclipse-temurin:21-jre rather than "
          "gcr.io/distroless/java21-debian12:nonroot");

    Options distroless;
    distroless.runtime = "distroless";
    auto no = refused("FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn package\n"
                      "CMD java $JAVA_OPTS -jar target/*.jar\n",
                      kMaven, distroless);
    CHECK(no.refusals[0].line == 5);
    CHECK(no.refusals[0].reason.find("has no shell") != std::string::npos);
}

TEST_CASE("java: gradle build ships the jar from build/libs", "[rewrite][java]") {
    auto out = rewrite_text("FROM gradle:8-jdk17\n"
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
          "COPY --from=build /home/gradle/project/build/libs/demo-1.0.0.jar /home/gradle/project/build/libs/demo-1.0.0.jar\n"
          "USER nonroot\n"
          "ENTRYPOINT [\"java\", \"-jar\", \"/home/gradle/project/build/libs/demo-1.0.0.jar\"]\n");
    CHECK(find_change(out, "gradle-split-build") != nullptr);
}

TEST_CASE("java: ./gradlew bootJar with the wrapper, its chmod, and cache mounts", "[rewrite][java]") {
    Options o;
    o.cache_mounts = true;
    auto out = rewrite_text("FROM eclipse-temurin:21-jdk-jammy\n"
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
          "RUN --mount=type=cache,target=/root/.gradle chmod +x ./gradlew && ./gradlew dependencies --no-daemon\n"
          "# sources\n"
          "COPY . .\n"
          "RUN chmod +x gradlew\n"
          "RUN --mount=type=cache,target=/root/.gradle ./gradlew bootJar --no-daemon\n"
          "\n"
          "FROM gcr.io/distroless/java21-debian12:nonroot\n"
          "WORKDIR /workspace/app\n"
          "COPY --from=build /workspace/app/build/libs/demo-1.0.0.jar /workspace/app/build/libs/demo-1.0.0.jar\n"
          "USER nonroot\n"
          "ENTRYPOINT []\n"
          "CMD [\"java\", \"-jar\", \"build/libs/demo-1.0.0.jar\"]\n");
    CHECK(find_change(out, "cache-mounts") != nullptr);
}

TEST_CASE("java: a jar moved out of target/ ships from where the command runs it", "[rewrite][java]") {
    const std::string dockerfile = "FROM maven:3-openjdk-17\n"
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
              "RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\n"
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
        auto r = refused("FROM maven:3-openjdk-17\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD [\"java\", \"-jar\", \"lib/app.jar\"]\n", kMaven);
        CHECK(r.refusals[0].line == 5);
        CHECK(r.refusals[0].unblock.find("--artifact") != std::string::npos);
    }
}

TEST_CASE("java: a glob in a shell-form command is resolved from build.gradle (--runtime alpine)", "[rewrite][java]") {
    Options alpine;
    alpine.runtime = "alpine";
    auto out = rewrite_text("FROM eclipse-temurin:17-jdk\n"
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

TEST_CASE("java: Gradle installDist ships its folder and keeps a shell for the start script", "[rewrite][java]") {
    auto out = rewrite_text("FROM gradle:8.5-jdk17\n"
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
          "RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\n"
          "USER app\n"
          "CMD [\"build/install/demo/bin/demo\"]\n");
}

TEST_CASE("java: a multi-module build keeps its dependency step and says why", "[rewrite][java]") {
    const std::string child = "<project><parent><groupId>x</groupId><artifactId>parent</artifactId><version>1.0</version></parent>"
                              "<artifactId>app</artifactId></project>";
    std::map<std::string, std::string> files = {
        {"pom.xml", "<project><groupId>x</groupId><artifactId>parent</artifactId><version>1.0</version><packaging>pom</packaging>"
                    "<modules><module>lib</module><module>app</module></modules>"
                    "<properties><maven.compiler.release>17</maven.compiler.release></properties></project>"},
        {"app/pom.xml", child},
        {"lib/pom.xml", child}};
    auto out = rewrite_text("FROM maven:3.9\n"
                            "WORKDIR /src\n"
                            "COPY . .\n"
                            "RUN mvn -B -pl app -am package -DskipTests\n"
                            "CMD java -jar app/target/*.jar\n",
                            files);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM maven:3.9 AS build\n"
          "WORKDIR /src\n"
          "COPY . .\n"
          "RUN mvn -B -pl app -am package -DskipTests\n"
          "\n"
          "FROM eclipse-temurin:17-jre\n"
          "WORKDIR /src\n"
          "COPY --from=build /src/app/target/app-1.0.jar /src/app/target/app-1.0.jar\n"
          "RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\n"
          "USER app\n"
          "CMD java -jar app/target/*.jar\n");
    REQUIRE(find_change(out, "maven-deps-in-place") != nullptr);
    CHECK(find_change(out, "maven-deps-in-place")->reason.find("modules (lib, app)") != std::string::npos);
    REQUIRE(find_change(out, "maven-java-version") != nullptr);
    CHECK(find_change(out, "maven-java-version")->reason == "Runs on Java 17, as pom.xml (maven.compiler.release) says");
}

TEST_CASE("java: files the application reads from its working directory ship too", "[rewrite][java]") {
    std::map<std::string, std::string> files = kMaven;
    files["config/application.yml"] = "server.port: 8080\n";
    Options o;
    o.cache_mounts = true;
    auto out = rewrite_text("FROM maven:3.9-eclipse-temurin-17\n"
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

TEST_CASE("java: refusals say why and what unblocks them", "[rewrite][java]") {
    SECTION("no build command: the build is hidden in a script") {
        auto r = refused("FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN ./build.sh\n"
                         "CMD [\"java\", \"-jar\", \"out/app.jar\"]\n",
                         kMaven);
        CHECK(r.refusals[0].reason.find("no `mvn` or `./mvnw` build") != std::string::npos);
        CHECK(r.refusals[0].unblock == "pass --artifact PATH (the jar the build writes)");

        Options artifact;
        artifact.artifact = "out/app.jar";
        auto out = rewrite_text("FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN ./build.sh\n"
                                "CMD [\"java\", \"-jar\", \"out/app.jar\"]\n",
                                kMaven, artifact);
        INFO(explain(out));
        REQUIRE(out.status == Outcome::Status::Rewritten);
        CHECK(out.text.find("COPY --from=build /app/out/app.jar /app/out/app.jar\n") != std::string::npos);
    }
    SECTION("a glob pom.xml cannot name") {
        std::map<std::string, std::string> files = {
            {"pom.xml", "<project><artifactId>demo</artifactId><version>1.0</version>"
                        "<build><finalName>${app.name}</finalName></build></project>"}};
        auto r = refused("FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n"
                         "ENTRYPOINT java -jar target/*.jar\n",
                         files);
        CHECK(r.refusals[0].line == 5);
        CHECK(r.refusals[0].reason ==
              "the command runs `/app/target/*.jar`, but the jar's name `${app.name}` uses a property pom.xml does not define");
        CHECK(r.refusals[0].unblock.find("--artifact PATH") != std::string::npos);
    }
    SECTION("a glob in exec form is never expanded") {
        auto r = refused("FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn package\n"
                         "CMD [\"java\", \"-jar\", \"target/*.jar\"]\n",
                         kMaven);
        CHECK(r.refusals[0].reason.find("unexpanded") != std::string::npos);
    }
    SECTION("Java version unknown") {
        std::map<std::string, std::string> files = {{"pom.xml", "<project><artifactId>demo</artifactId><version>1.0</version></project>"}};
        auto r = refused("FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n"
                         "CMD [\"java\", \"-jar\", \"target/demo-1.0.jar\"]\n",
                         files);
        CHECK(r.refusals[0].line == 1);
        CHECK(r.refusals[0].reason.rfind("Java version unknown", 0) == 0);
        CHECK(r.refusals[0].unblock.find("maven:3.9-eclipse-temurin-17") != std::string::npos);
    }
    SECTION("no runtime for the Java version") {
        auto r = refused("FROM maven:3.6-jdk-7\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n"
                         "CMD [\"java\", \"-jar\", \"target/demo-0.0.1-SNAPSHOT.jar\"]\n",
                         kMaven);
        CHECK(r.refusals[0].reason ==
              "Java 7 (from the builder image maven:3.6-jdk-7): the runtime catalogue has no Java 7 runtime (it has "
              "8, 11, 17, 21, 25)");
    }
    SECTION("the image runs the build tool") {
        auto r = refused("FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n"
                         "CMD [\"mvn\", \"spring-boot:run\"]\n",
                         kMaven);
        CHECK(r.refusals[0].line == 5);
    }
}

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
