FROM gradle:8.7-jdk17  AS build
WORKDIR /build
COPY build.gradle settings.gradle ./
RUN gradle dependencies --no-daemon
COPY . .
RUN gradle installDist --no-daemon

FROM eclipse-temurin:17-jre
WORKDIR /build
COPY --from=build /build/build/install/chat-server /build/build/install/chat-server
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
EXPOSE 7070
USER app
CMD ["/build/build/install/chat-server/bin/chat-server"]
