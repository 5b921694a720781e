FROM maven:3.9-eclipse-temurin-17 AS build

WORKDIR /app

COPY pom.xml ./
RUN mvn -B dependency:go-offline
COPY . .

RUN mvn clean package -DskipTests

FROM gcr.io/distroless/java17-debian12:nonroot
WORKDIR /app
COPY --from=build /app/target/catalog-0.0.1-SNAPSHOT.jar /app/target/catalog-0.0.1-SNAPSHOT.jar
EXPOSE 8080
USER nonroot
ENTRYPOINT []
CMD ["java", "-jar", "target/catalog-0.0.1-SNAPSHOT.jar"]
