FROM maven:3.8.7-eclipse-temurin-17 AS build

ENV JAVA_OPTS="-Xms256m -Xmx512m"
ENV SPRING_PROFILES_ACTIVE=docker

WORKDIR /build
COPY pom.xml ./
RUN mvn -B dependency:go-offline
COPY . /build
RUN mvn package -Dmaven.test.skip=true

FROM eclipse-temurin:17-jre
ENV JAVA_OPTS="-Xms256m -Xmx512m"
ENV SPRING_PROFILES_ACTIVE=docker
WORKDIR /build
COPY --from=build /build/target/orders-service-1.4.0.jar /build/target/orders-service-1.4.0.jar
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
EXPOSE 8080
USER app
CMD java $JAVA_OPTS -jar target/orders-service-1.4.0.jar
