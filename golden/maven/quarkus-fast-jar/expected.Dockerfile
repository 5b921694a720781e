FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /project
COPY pom.xml .
COPY src/ src/
RUN mvn -B package -DskipTests
ENV JAVA_OPTS_APPEND="-Dquarkus.http.host=0.0.0.0"

FROM gcr.io/distroless/java17-debian12:nonroot
ENV JAVA_OPTS_APPEND="-Dquarkus.http.host=0.0.0.0"
WORKDIR /project
COPY --from=build /project/target/quarkus-app /project/target/quarkus-app
EXPOSE 8080
USER nonroot
ENTRYPOINT []
CMD ["java", "-jar", "target/quarkus-app/quarkus-run.jar"]
