FROM gradle:8.7-jdk17-alpine AS builder
WORKDIR /home/gradle/src
COPY --chown=gradle:gradle build.gradle settings.gradle ./
RUN gradle dependencies --no-daemon
COPY --chown=gradle:gradle . .
RUN gradle bootJar --no-daemon

FROM eclipse-temurin:17-jre-alpine
WORKDIR /home/gradle/src
COPY --from=builder /home/gradle/src/build/libs/feed-1.1.0.jar /home/gradle/src/build/libs/feed-1.1.0.jar
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
EXPOSE 8080
USER app
ENTRYPOINT exec java $JAVA_OPTS -jar build/libs/feed-1.1.0.jar
