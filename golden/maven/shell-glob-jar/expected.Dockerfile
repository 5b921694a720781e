FROM maven:3.9-amazoncorretto-17 AS build
WORKDIR /app
COPY pom.xml ./
RUN mvn -B dependency:go-offline
ADD . /app
RUN mvn -B clean package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /app/target/payroll-1.0.0.jar /app/target/payroll-1.0.0.jar
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
EXPOSE 8080
USER app
CMD java -jar target/*.jar
