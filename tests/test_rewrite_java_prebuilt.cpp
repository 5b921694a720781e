// The Java planner for files built outside the Dockerfile (COPY target/*.jar): a builder stage
// is put in front of the original, which copies the same files from it.
#include <catch2/catch.hpp>

#include "java_fixtures.hpp"
#include "rewrite_support.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

TEST_CASE("java: a jar or WAR built outside the Dockerfile is built in a builder stage", "[rewrite][java]") {
    const std::string dockerfile =
        "FROM tomcat:10.1-jdk17\n"
        "COPY target/*.war /usr/local/tomcat/webapps/ROOT.war\n"
        "EXPOSE 8080\n"
        "CMD [\"catalina.sh\", \"run\"]\n";
    SECTION("pom.xml in the context: Maven builds it in front of the original") {
        auto out = rewrite_text(dockerfile, kMavenWrapper);
        INFO(explain(out));
        REQUIRE(out.status == Outcome::Status::Rewritten);
        CHECK(out.text ==
              "FROM maven:3.9-eclipse-temurin-17 AS build\n"
              "WORKDIR /src\n"
              "COPY .mvn/ ./.mvn/\n"
              "COPY pom.xml mvnw ./\n"
              "RUN ./mvnw -B dependency:go-offline\n"
              "COPY . .\n"
              "RUN ./mvnw -B package -DskipTests\n"
              "\n"
              "FROM tomcat:10.1-jdk17\n"
              "COPY --from=build /src/target/*.war /usr/local/tomcat/webapps/ROOT.war\n"
              "EXPOSE 8080\n"
              "CMD [\"catalina.sh\", \"run\"]\n");
        const auto* c = find_change(out, "maven-build-in-image");
        REQUIRE(c != nullptr);
        CHECK(c->first_line == 2);
        CHECK(c->reason ==
              "Line 2 copied target/*.war, built outside the Dockerfile; a builder stage on "
              "maven:3.9-eclipse-temurin-17 now builds it with `./mvnw -B package -DskipTests` (Java 17, as "
              "pom.xml (java.version) says), and the final stage on tomcat:10.1-jdk17 copies it from there");
    }
    SECTION("a file name the project does not build is refused") {
        std::string named = dockerfile;
        named.replace(named.find("*.war"), 5, "demo.war");
        auto r = refused(named, kMaven);
        CHECK(r.refusals[0].reason == "line 2 copies demo.war, but pom.xml builds demo-0.0.1-SNAPSHOT.jar");
        CHECK(r.refusals[0].line == 2);
    }
    SECTION("without pom.xml nothing is built, so nothing changes") {
        auto out = rewrite_text(dockerfile, {{"README.md", "demo\n"}});
        INFO(explain(out));
        REQUIRE(out.status == Outcome::Status::Unchanged);
        CHECK(out.text == dockerfile);
        REQUIRE(!out.notes.empty());
        CHECK(out.notes[0].rfind("nothing is built", 0) == 0);
    }
}

TEST_CASE("java: a pattern outside target/ that only the build output matches is built too",
          "[rewrite][java]") {
    const std::string war_pom =
        "<project><artifactId>shop</artifactId><version>1.2</version><packaging>war</"
        "packaging><name>shop-web</name>"
        "<properties><java.version>11</java.version></properties>"
        "<build><finalName>${project.name}</finalName></build></project>";
    const std::string dockerfile =
        "FROM tomcat:9.0\n"
        "ADD **/*.war /usr/local/tomcat/webapps/\n"
        "CMD [\"catalina.sh\", \"run\"]\n";
    SECTION("`**/*.war` matches target/shop-web.war (finalName ${project.name}) and nothing in the context") {
        const std::map<std::string, std::string> files = {{"pom.xml", war_pom},
                                                          {"src/main/webapp/index.jsp", ""}};
        auto out = rewrite_text(dockerfile, files);
        INFO(explain(out));
        REQUIRE(out.status == Outcome::Status::Rewritten);
        CHECK(out.text ==
              "FROM maven:3.9-eclipse-temurin-11 AS build\n"
              "WORKDIR /src\n"
              "COPY pom.xml ./\n"
              "RUN mvn -B dependency:go-offline\n"
              "COPY . .\n"
              "RUN mvn -B package -DskipTests\n"
              "\n"
              "FROM tomcat:9.0\n"
              "COPY --from=build /src/**/*.war /usr/local/tomcat/webapps/\n"
              "CMD [\"catalina.sh\", \"run\"]\n");
        CHECK(again(out, files) == Outcome::Status::Unchanged);
    }
    SECTION("a war in the context matches it: the file is copied from the context, as before") {
        auto out = rewrite_text(dockerfile, {{"pom.xml", war_pom}, {"dist/shop.war", ""}});
        REQUIRE(out.status == Outcome::Status::Unchanged);
        CHECK(out.text == dockerfile);
    }
}

TEST_CASE("java: a source written from the context's root (/target/app.war) is the same file",
          "[rewrite][java]") {
    const std::string dockerfile =
        "FROM quay.io/wildfly/wildfly:latest\n"
        "COPY /target/*.war /opt/jboss/wildfly/standalone/deployments/\n"
        "CMD [\"/opt/jboss/wildfly/bin/standalone.sh\"]\n";
    auto out = rewrite_text(dockerfile, kMaven);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text.find("COPY --from=build /src/target/*.war /opt/jboss/wildfly/standalone/deployments/\n") !=
          std::string::npos);
}

TEST_CASE("java: the builder uses a wrapper only when its folder is in the context", "[rewrite][java]") {
    const std::string dockerfile =
        "FROM eclipse-temurin:17-jre\n"
        "COPY target/demo-0.0.1-SNAPSHOT.jar /app.jar\n"
        "ENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n";
    auto files = kMaven;
    files["mvnw"] = "#!/bin/sh\n";  // without .mvn/wrapper/maven-wrapper.properties it cannot run
    auto out = rewrite_text(dockerfile, files);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text.find("RUN mvn -B package -DskipTests\n") != std::string::npos);
    CHECK(out.text.find("mvnw") == std::string::npos);

    auto gradle = kGradle;
    gradle["gradlew"] = "#!/bin/sh\n";  // without gradle/wrapper/ it cannot run
    auto g = rewrite_text(
        "FROM eclipse-temurin:17-jre\nCOPY build/libs/*.jar /app.jar\n"
        "ENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n",
        gradle);
    INFO(explain(g));
    REQUIRE(g.status == Outcome::Status::Rewritten);
    // Spring Boot's plugin also writes a -plain jar, which *.jar would match too.
    CHECK(g.text.find("RUN gradle build -x test -x jar --no-daemon\n") != std::string::npos);
    CHECK(g.text.find("gradlew") == std::string::npos);
}

TEST_CASE("java: a Spring Boot jar's layers copied from target/dependency are unpacked in the builder",
          "[rewrite][java]") {
    const std::string dockerfile =
        "FROM eclipse-temurin:17-jre\n"
        "ARG DEPENDENCY=target/dependency\n"
        "COPY ${DEPENDENCY}/BOOT-INF/lib /app/lib\n"
        "COPY ${DEPENDENCY}/META-INF /app/META-INF\n"
        "COPY ${DEPENDENCY}/BOOT-INF/classes /app\n"
        "ENTRYPOINT [\"java\",\"-cp\",\"app:app/lib/*\",\"hello.Application\"]\n";
    SECTION("Maven with spring-boot-maven-plugin") {
        auto files = kMaven;
        files["pom.xml"] =
            kPom.substr(0, kPom.find("</project>")) +
            "  <build><plugins><plugin><groupId>org.springframework.boot</groupId>"
            "<artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>\n</project>\n";
        auto out = rewrite_text(dockerfile, files);
        INFO(explain(out));
        REQUIRE(out.status == Outcome::Status::Rewritten);
        CHECK(
            out.text.substr(0, out.text.find("\n\n")) ==
            "FROM maven:3.9-eclipse-temurin-17 AS build\n"
            "WORKDIR /src\n"
            "COPY pom.xml ./\n"
            "RUN mvn -B dependency:go-offline\n"
            "COPY . .\n"
            "RUN mvn -B package -DskipTests && mkdir -p target/dependency && (cd target/dependency; jar -xf "
            "../demo-0.0.1-SNAPSHOT.jar)");
        CHECK(out.text.find("COPY --from=build /src/${DEPENDENCY}/BOOT-INF/lib /app/lib\n") !=
              std::string::npos);
        CHECK(again(out, files) == Outcome::Status::Unchanged);
    }
    SECTION("Gradle's Spring Boot plugin: the executable jar, not the -plain one") {
        std::string gradle_file = dockerfile;
        gradle_file.replace(gradle_file.find("target/dependency"), 17, "build/dependency");
        auto out = rewrite_text(gradle_file, kGradle);
        INFO(explain(out));
        REQUIRE(out.status == Outcome::Status::Rewritten);
        CHECK(out.text.find("RUN gradle build -x test --no-daemon && mkdir -p build/dependency && (cd "
                            "build/dependency; jar -xf ../libs/demo-1.0.0.jar)\n") != std::string::npos);
    }
    SECTION("without Spring Boot, nothing says what target/dependency holds") {
        auto r = refused(dockerfile, kMaven);
        CHECK(r.refusals[0].reason ==
              "line 3 copies target/dependency/BOOT-INF/lib, which `mvn package` does not write by itself");
    }
}

TEST_CASE(
    "java: a jar named only by a build argument with no default is refused, and its default unblocks it",
    "[rewrite][java]") {
    const std::string dockerfile =
        "FROM eclipse-temurin:17-jre\n"
        "ARG APP_JAR\n"
        "COPY ${APP_JAR} /app.jar\n"
        "ENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n";
    auto r = refused(dockerfile, kMaven);
    CHECK(r.refusals[0].line == 3);
    CHECK(
        r.refusals[0].reason ==
        "line 3 copies ${APP_JAR}, a build argument with no default: which file it is is only known when the "
        "image is built");
    CHECK(r.refusals[0].unblock ==
          "give the argument a default naming what `mvn package` writes (e.g. ARG APP_JAR=target/*.jar), "
          "then run "
          "restage again");

    std::string with_default = dockerfile;
    with_default.replace(with_default.find("ARG APP_JAR"), 11, "ARG APP_JAR=target/*.jar");
    auto out = rewrite_text(with_default, kMaven);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text.find("COPY --from=build /src/${APP_JAR} /app.jar\n") != std::string::npos);

    auto no_project = rewrite_text(dockerfile, {{"README.md", ""}});
    CHECK(no_project.status == Outcome::Status::Unchanged);
}

TEST_CASE("java: a .dockerignore that leaves the project out of the context is refused", "[rewrite][java]") {
    auto files = kMaven;
    files[".dockerignore"] = "*\n!target/quarkus-app/\n";
    auto r = refused(
        "FROM eclipse-temurin:17-jre\nCOPY target/quarkus-app/ /deployments/\n"
        "CMD [\"java\", \"-jar\", \"/deployments/quarkus-run.jar\"]\n",
        files);
    CHECK(r.refusals[0].line == 2);
    CHECK(r.refusals[0].reason ==
          ".dockerignore leaves pom.xml out of the build context, so a builder stage could not build what "
          "line 2 "
          "copies");
    CHECK(r.refusals[0].unblock ==
          "let pom.xml and src/ into the context in .dockerignore, then run restage again");
}

TEST_CASE("java: a pattern copied to one file that matches several jars of the build is refused",
          "[rewrite][java]") {
    auto files = kMaven;
    files["pom.xml"] =
        kPom.substr(0, kPom.find("</project>")) +
        "  <build><plugins><plugin><artifactId>maven-shade-plugin</artifactId></plugin></plugins></build>\n"
        "</project>\n";
    auto r = refused(
        "FROM eclipse-temurin:17-jre\nCOPY target/*.jar /app.jar\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n",
        files);
    CHECK(r.refusals[0].line == 2);
    CHECK(r.refusals[0].reason ==
          "line 2 copies target/*.jar to one file, but pom.xml builds demo-0.0.1-SNAPSHOT.jar and "
          "original-demo-0.0.1-SNAPSHOT.jar");
    CHECK(r.refusals[0].unblock == "copy the one file by name, then run restage again");
}
