FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /srv/reports
COPY pom.xml ./
RUN mvn -B dependency:go-offline
COPY . .
RUN mvn -B -DskipTests package

FROM gcr.io/distroless/java17-debian12:nonroot
WORKDIR /srv/reports
COPY --from=build /srv/reports/target/reports-1.0.jar /srv/reports/target/reports-1.0.jar
COPY --from=build /srv/reports/config /srv/reports/config
EXPOSE 9090
USER nonroot
ENTRYPOINT []
CMD ["java", "-jar", "target/reports-1.0.jar", "--spring.config.additional-location=file:./config/application-prod.yml"]
