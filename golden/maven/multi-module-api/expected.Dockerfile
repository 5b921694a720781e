FROM maven:3.9-eclipse-temurin-17  AS build
WORKDIR /code
COPY . .
RUN mvn -B -pl api -am package -DskipTests

FROM gcr.io/distroless/java17-debian12:nonroot
WORKDIR /code
COPY --from=build /code/api/target/api-2.0.0.jar /code/api/target/api-2.0.0.jar
EXPOSE 8080
USER nonroot
ENTRYPOINT []
CMD ["java", "-jar", "api/target/api-2.0.0.jar"]
