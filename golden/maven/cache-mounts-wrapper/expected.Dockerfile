FROM eclipse-temurin:17-jdk-alpine AS build
WORKDIR /app
COPY pom.xml mvnw ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 chmod +x ./mvnw && ./mvnw -B dependency:go-offline
COPY . .
RUN --mount=type=cache,target=/root/.m2 chmod +x mvnw && ./mvnw -B package -DskipTests

FROM gcr.io/distroless/java17-debian12:nonroot
WORKDIR /app
COPY --from=build /app/target/ledger-0.0.1-SNAPSHOT.jar /app/target/ledger-0.0.1-SNAPSHOT.jar
EXPOSE 8080
USER nonroot
ENTRYPOINT ["java","-jar","/app/target/ledger-0.0.1-SNAPSHOT.jar"]
