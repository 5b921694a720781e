FROM node:20-slim AS build

RUN npm install --global http-server@14

WORKDIR /usr/src/docs
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx @11ty/eleventy
RUN npm prune --omit=dev

FROM node:20-slim
WORKDIR /usr/src/docs
COPY --from=build /usr/src/docs /usr/src/docs
RUN npm install --global http-server@14
EXPOSE 8080
USER node
CMD ["http-server", "_site", "-p", "8080", "-c-1"]
