FROM ubuntu:22.04 AS build

RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/service
COPY gradlew build.gradle settings.gradle ./
COPY gradle gradle
RUN ./gradlew dependencies --no-daemon
COPY . .
RUN ./gradlew --no-daemon bootJar

ENV SERVER_PORT=8088

FROM eclipse-temurin:17-jre
ENV SERVER_PORT=8088
WORKDIR /opt/service
COPY --from=build /opt/service/build/libs/scheduler-1.0.0.jar /opt/service/build/libs/scheduler-1.0.0.jar
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
EXPOSE 8088
USER app
CMD ["java", "-jar", "build/libs/scheduler-1.0.0.jar"]
