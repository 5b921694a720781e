FROM gradle:8-jdk17 AS build
WORKDIR /src
COPY gradle/ ./gradle/
COPY gradlew build.gradle settings.gradle ./
RUN ./gradlew dependencies --no-daemon
COPY . .
RUN ./gradlew build -x test -x jar --no-daemon

FROM eclipse-temurin:17-jre-alpine
VOLUME /tmp
ARG JAR_FILE=build/libs/*.jar
COPY --from=build /src/${JAR_FILE} app.jar
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER app
ENTRYPOINT ["java","-jar","/app.jar"]
