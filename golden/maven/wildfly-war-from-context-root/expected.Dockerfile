FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B dependency:go-offline
COPY . .
RUN mvn -B package -DskipTests

FROM quay.io/wildfly/wildfly:latest
COPY --from=build /src/target/*.war /opt/jboss/wildfly/standalone/deployments/
EXPOSE 8080 9990
CMD ["/opt/jboss/wildfly/bin/standalone.sh", "-b", "0.0.0.0", "-bmanagement", "0.0.0.0"]
