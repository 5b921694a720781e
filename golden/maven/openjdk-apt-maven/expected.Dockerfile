FROM openjdk:17-jdk-slim AS build

RUN apt-get update && apt-get install -y maven && rm -rf /var/lib/apt/lists/*

WORKDIR /usr/src/app
COPY pom.xml .
COPY src ./src
RUN mvn -B -q package

FROM gcr.io/distroless/java17-debian12:nonroot
WORKDIR /usr/src/app
COPY --from=build /usr/src/app/target/inventory-1.0.0.jar /usr/src/app/target/inventory-1.0.0.jar
LABEL maintainer="dev-team@example.com"
EXPOSE 8080
USER nonroot
ENTRYPOINT ["java","-Djava.security.egd=file:/dev/./urandom","-jar","/usr/src/app/target/inventory-1.0.0.jar"]
