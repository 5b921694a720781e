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

FROM gcr.io/distroless/java17-debian12:nonroot
ENV SERVER_PORT=8088
WORKDIR /opt/service
COPY --from=build /opt/service/build/libs/scheduler-1.0.0.jar /opt/service/build/libs/scheduler-1.0.0.jar
EXPOSE 8088
USER nonroot
ENTRYPOINT []
CMD ["java", "-jar", "build/libs/scheduler-1.0.0.jar"]
