FROM gradle:8.7-jdk17-jammy AS build
WORKDIR /home/gradle/app
COPY build.gradle settings.gradle ./
RUN --mount=type=cache,target=/root/.gradle gradle dependencies --no-daemon
COPY . .
RUN --mount=type=cache,target=/root/.gradle gradle bootJar --no-daemon --stacktrace
ENV SPRING_PROFILES_ACTIVE=prod
ENV GRADLE_OPTS="-Dorg.gradle.jvmargs=-Xmx1g"

FROM gcr.io/distroless/java17-debian12:nonroot
ENV SPRING_PROFILES_ACTIVE=prod
WORKDIR /home/gradle/app
COPY --from=build /home/gradle/app/build/libs/search-0.4.1.jar /home/gradle/app/build/libs/search-0.4.1.jar
EXPOSE 8080
USER nonroot
ENTRYPOINT []
CMD ["java", "-jar", "build/libs/search-0.4.1.jar"]
