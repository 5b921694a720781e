FROM gradle:8.7-jdk21  AS build

WORKDIR /usr/src/app
COPY build.gradle settings.gradle ./
COPY src ./src
RUN gradle clean bootJar --no-daemon

FROM eclipse-temurin:21-jre
WORKDIR /usr/src/app
COPY --from=build /usr/src/app/build/libs/profiles-2.3.0.jar /usr/src/app/build/libs/profiles-2.3.0.jar
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
EXPOSE 8080
HEALTHCHECK CMD wget -q -O - http://localhost:8080/actuator/health || exit 1
USER app
ENTRYPOINT ["java", "-XX:+UseContainerSupport", "-jar", "/usr/src/app/build/libs/profiles-2.3.0.jar"]
