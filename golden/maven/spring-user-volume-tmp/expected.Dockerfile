FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /home/app
COPY pom.xml ./
RUN mvn -B dependency:go-offline
COPY . .
RUN mvn package -DskipTests
RUN addgroup --system spring && adduser --system --ingroup spring spring

FROM gcr.io/distroless/java17-debian12:nonroot
WORKDIR /home/app
COPY --from=build /home/app/target/greeting-0.1.0.jar /home/app/target/greeting-0.1.0.jar
VOLUME /tmp
USER nonroot
ENTRYPOINT ["java","-jar","/home/app/target/greeting-0.1.0.jar"]
