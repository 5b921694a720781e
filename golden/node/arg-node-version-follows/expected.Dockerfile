ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm AS build

ENV NODE_ENV=production

WORKDIR /opt/app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .

FROM gcr.io/distroless/nodejs${NODE_VERSION}-debian12:nonroot
ENV NODE_ENV=production
WORKDIR /opt/app
COPY --from=build /opt/app /opt/app
EXPOSE 8080
USER nonroot
CMD ["--enable-source-maps", "server.mjs"]
