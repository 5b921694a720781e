// The Java planner on Maven: mvn and its wrapper, build options, JVM options, multi-module builds.
#include <catch2/catch.hpp>

#include "java_fixtures.hpp"
#include "rewrite_support.hpp"

using restage::rewrite::Options;
using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

TEST_CASE("java: mvn package and java -jar target/app.jar", "[rewrite][java]") {
    auto out = rewrite_text(
        "FROM maven:3.9-eclipse-temurin-17\n"
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
    CHECK(find_change(out, "maven-java-version")->reason ==
          "Runs on Java 17, as the builder image maven:3.9-eclipse-temurin-17 says");
    CHECK(find_change(out, "maven-clear-entrypoint") != nullptr);
    CHECK(find_change(out, "deps-before-sources") != nullptr);
    // Rewriting the output again changes nothing.
    CHECK(rewrite_text(out.text, kMaven).status == Outcome::Status::Unchanged);
}

TEST_CASE("java: the Maven wrapper fetches with ./mvnw and copies .mvn/ as a folder", "[rewrite][java]") {
    auto out = rewrite_text(
        "FROM maven:3.9-eclipse-temurin-17\n"
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
    auto out = rewrite_text(
        "FROM maven:3-eclipse-temurin-21-alpine\n"
        "ENV MAVEN_OPTS=\"-Xmx1g\"\n"
        "ENV APP_ENV=prod\n"
        "WORKDIR /build\n"
        "# Everything, then the build\n"
        "COPY . .\n"
        "RUN mvn clean package -DskipTests\n"
        "EXPOSE 8080\n"
        "ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-jar\", "
        "\"/build/target/demo-0.0.1-SNAPSHOT.jar\"]\n",
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
          "ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-jar\", "
          "\"/build/target/demo-0.0.1-SNAPSHOT.jar\"]\n");
    REQUIRE(find_change(out, "build-only-env") != nullptr);
    CHECK(find_change(out, "build-only-env")->reason.find("MAVEN_OPTS") != std::string::npos);
    CHECK(find_change(out, "maven-clear-entrypoint") == nullptr);  // the original has its own ENTRYPOINT
}

TEST_CASE("java: a shell-form CMD with $JAVA_OPTS keeps a JRE with a shell", "[rewrite][java]") {
    auto out = rewrite_text(
        "FROM maven:3.9-eclipse-temurin-21\n"
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
          "RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home "
          "app\n"
          "USER app\n"
          "CMD java $JAVA_OPTS -jar target/*.jar\n");
    REQUIRE(find_change(out, "keep-shell") != nullptr);
    CHECK(find_change(out, "keep-shell")->reason ==
          "CMD on line 6 needs a shell, so the runtime is eclipse-temurin:21-jre rather than "
          "gcr.io/distroless/java21-debian12:nonroot");

    Options distroless;
    distroless.runtime = "distroless";
    auto no = refused(
        "FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn package\n"
        "CMD java $JAVA_OPTS -jar target/*.jar\n",
        kMaven, distroless);
    CHECK(no.refusals[0].line == 5);
    CHECK(no.refusals[0].reason.find("has no shell") != std::string::npos);
}

TEST_CASE("java: a multi-module build keeps its dependency step and says why", "[rewrite][java]") {
    const std::string child =
        "<project><parent><groupId>x</groupId><artifactId>parent</artifactId><version>1.0</version></parent>"
        "<artifactId>app</artifactId></project>";
    std::map<std::string, std::string> files = {
        {"pom.xml",
         "<project><groupId>x</groupId><artifactId>parent</artifactId><version>1.0</version><packaging>pom</"
         "packaging>"
         "<modules><module>lib</module><module>app</module></modules>"
         "<properties><maven.compiler.release>17</maven.compiler.release></properties></project>"},
        {"app/pom.xml", child},
        {"lib/pom.xml", child}};
    auto out = rewrite_text(
        "FROM maven:3.9\n"
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
          "RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home "
          "app\n"
          "USER app\n"
          "CMD java -jar app/target/*.jar\n");
    REQUIRE(find_change(out, "maven-deps-in-place") != nullptr);
    CHECK(find_change(out, "maven-deps-in-place")->reason.find("modules (lib, app)") != std::string::npos);
    REQUIRE(find_change(out, "maven-java-version") != nullptr);
    CHECK(find_change(out, "maven-java-version")->reason ==
          "Runs on Java 17, as pom.xml (maven.compiler.release) says");
}
