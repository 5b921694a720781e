FROM maven:3.9.6-eclipse-temurin-17 AS build
WORKDIR /app
COPY pom.xml ./
RUN mvn dependency:go-offline -B
COPY src ./src
RUN mvn package -DskipTests -B

FROM gcr.io/distroless/java17-debian12:nonroot
WORKDIR /app
COPY --from=build /app/target/spring-petclinic-3.2.0-SNAPSHOT.jar /app/target/spring-petclinic-3.2.0-SNAPSHOT.jar
EXPOSE 8080
USER nonroot
ENTRYPOINT []
CMD ["java", "-jar", "target/spring-petclinic-3.2.0-SNAPSHOT.jar"]
