FROM maven:3.9.6-eclipse-temurin-21-alpine AS build

WORKDIR /opt/app
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src src
RUN mvn -B package -DskipTests && cp target/notifications-*.jar /opt/app/app.jar

ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"

FROM eclipse-temurin:21-jre
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
WORKDIR /opt/app
COPY --from=build /opt/app/app.jar /opt/app/app.jar
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
EXPOSE 8080
USER app
ENTRYPOINT ["sh", "-c", "java ${JAVA_OPTS} -jar /opt/app/app.jar"]
