FROM gradle:8.7-jdk17 AS build
USER root
WORKDIR /srv
COPY build.gradle settings.gradle ./
RUN gradle dependencies --no-daemon
COPY . .
RUN gradle bootJar --no-daemon

FROM gcr.io/distroless/java17-debian12:nonroot
WORKDIR /srv
COPY --from=build /srv/build/libs/edge-0.9.0.jar /srv/build/libs/edge-0.9.0.jar
EXPOSE 443
USER root
ENTRYPOINT []
# binds 443 directly
CMD ["java", "-jar", "build/libs/edge-0.9.0.jar"]
