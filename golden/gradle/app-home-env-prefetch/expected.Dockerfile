FROM openjdk:17-jdk-slim AS build
ENV APP_HOME=/usr/app/
WORKDIR $APP_HOME
COPY build.gradle settings.gradle gradlew $APP_HOME
COPY gradle $APP_HOME/gradle
RUN ./gradlew build || return 0
COPY . .
RUN ./gradlew build

ENV ARTIFACT_NAME=posts-0.0.1-SNAPSHOT.jar

FROM eclipse-temurin:17-jre
ENV APP_HOME=/usr/app/
ENV ARTIFACT_NAME=posts-0.0.1-SNAPSHOT.jar
WORKDIR /usr/app
COPY --from=build /usr/app/build/libs/posts-0.0.1-SNAPSHOT.jar /usr/app/build/libs/posts-0.0.1-SNAPSHOT.jar
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
EXPOSE 8080
USER app
CMD ["sh", "-c", "java -jar build/libs/$ARTIFACT_NAME"]
