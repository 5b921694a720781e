FROM gradle:8.7-jdk17 AS build

WORKDIR /home/gradle/src
COPY --chown=gradle:gradle build.gradle settings.gradle ./
RUN gradle dependencies --no-daemon
COPY --chown=gradle:gradle . /home/gradle/src

RUN gradle build --no-daemon -x test

FROM gcr.io/distroless/java17-debian12:nonroot
WORKDIR /home/gradle/src
COPY --from=build /home/gradle/src/build/libs/demo-0.0.1-SNAPSHOT.jar /home/gradle/src/build/libs/demo-0.0.1-SNAPSHOT.jar
EXPOSE 8080
USER nonroot
ENTRYPOINT []
CMD ["java", "-jar", "build/libs/demo-0.0.1-SNAPSHOT.jar"]
