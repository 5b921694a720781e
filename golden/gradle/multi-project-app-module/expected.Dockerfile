FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace
COPY . .
RUN ./gradlew :app:bootJar --no-daemon

FROM gcr.io/distroless/java21-debian12:nonroot
WORKDIR /workspace
COPY --from=build /workspace/app/build/libs/app-1.0.0.jar /workspace/app/build/libs/app-1.0.0.jar
EXPOSE 8080
USER nonroot
ENTRYPOINT ["java", "-jar", "app/build/libs/app-1.0.0.jar"]
