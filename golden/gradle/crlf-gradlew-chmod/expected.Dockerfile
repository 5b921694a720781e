FROM openjdk:17-jdk-slim AS build
WORKDIR /app
COPY gradlew build.gradle settings.gradle ./
COPY gradle gradle
RUN chmod +x ./gradlew && ./gradlew dependencies --no-daemon
COPY . .
RUN chmod +x gradlew && ./gradlew build -x test

FROM gcr.io/distroless/java17-debian12:nonroot
WORKDIR /app
COPY --from=build /app/build/libs/weather-0.0.1-SNAPSHOT.jar /app/build/libs/weather-0.0.1-SNAPSHOT.jar
EXPOSE 8080
USER nonroot
ENTRYPOINT ["java","-jar","build/libs/weather-0.0.1-SNAPSHOT.jar"]
