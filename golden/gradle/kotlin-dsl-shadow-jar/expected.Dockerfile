FROM gradle:8.7-jdk21-alpine AS build
WORKDIR /home/gradle/project
COPY build.gradle.kts settings.gradle.kts ./
RUN gradle dependencies --no-daemon
COPY . .
RUN gradle shadowJar --no-daemon
ENV PORT=8080

FROM gcr.io/distroless/java21-debian12:nonroot
ENV PORT=8080
WORKDIR /home/gradle/project
COPY --from=build /home/gradle/project/build/libs/ktor-sample-all.jar /home/gradle/project/build/libs/ktor-sample-all.jar
LABEL org.opencontainers.image.title="ktor-sample"
EXPOSE 8080
USER nonroot
ENTRYPOINT ["java", "-jar", "build/libs/ktor-sample-all.jar"]
