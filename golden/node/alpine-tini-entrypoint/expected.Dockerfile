FROM node:20-alpine AS build

RUN apk add --no-cache tini

WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm prune --omit=dev

FROM node:20-alpine
WORKDIR /usr/src/app
COPY --from=build /usr/src/app /usr/src/app
RUN apk add --no-cache tini
USER node
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["node", "worker.js"]
