FROM node:18 AS build
# Jenkins builds and tests with ./gradlew (the gradle-node plugin); the image only needs npm
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm install
COPY . .
RUN npm prune --omit=dev

FROM gcr.io/distroless/nodejs18-debian12:nonroot
WORKDIR /usr/src/app
COPY --from=build /usr/src/app /usr/src/app
EXPOSE 3000
USER nonroot
CMD ["./bin/www"]
