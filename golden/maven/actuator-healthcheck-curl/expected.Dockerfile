FROM maven:3.9-eclipse-temurin-17 AS build

WORKDIR /workspace/app

COPY pom.xml .
COPY src src

RUN mvn install -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /workspace/app
COPY --from=build /workspace/app/target/gateway-0.3.0.jar /workspace/app/target/gateway-0.3.0.jar
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
EXPOSE 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent http://localhost:8081/actuator/health || exit 1
USER app
ENTRYPOINT ["java", "-jar", "/workspace/app/target/gateway-0.3.0.jar"]
