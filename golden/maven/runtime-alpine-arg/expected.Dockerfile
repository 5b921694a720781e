ARG MAVEN_TAG=3.9-eclipse-temurin-21

FROM maven:${MAVEN_TAG} AS build

ENV MAVEN_OPTS="-XX:+TieredCompilation -XX:TieredStopAtLevel=1"

WORKDIR /usr/src/app
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests

FROM eclipse-temurin:21-jre-alpine
WORKDIR /usr/src/app
COPY --from=build /usr/src/app/target/pricing-1.2.3.jar /usr/src/app/target/pricing-1.2.3.jar
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
EXPOSE 8080
USER app
CMD ["java", "-jar", "target/pricing-1.2.3.jar"]
