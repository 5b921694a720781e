FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B dependency:go-offline
COPY . .
RUN mvn -B package -DskipTests && mkdir -p target/dependency && (cd target/dependency; jar -xf ../hello-docker-0.1.0.jar)

FROM eclipse-temurin:17-jre-alpine
VOLUME /tmp
RUN addgroup -S spring && adduser -S spring -G spring
USER spring:spring
ARG DEPENDENCY=target/dependency
COPY --from=build /src/${DEPENDENCY}/BOOT-INF/lib /app/lib
COPY --from=build /src/${DEPENDENCY}/META-INF /app/META-INF
COPY --from=build /src/${DEPENDENCY}/BOOT-INF/classes /app
ENTRYPOINT ["java","-cp","app:app/lib/*","hello.Application"]
