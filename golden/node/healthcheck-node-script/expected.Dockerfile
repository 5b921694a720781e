FROM node:22 AS build
WORKDIR /srv/api
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm prune --omit=dev

FROM node:22-slim
WORKDIR /srv/api
COPY --from=build /srv/api /srv/api
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "healthcheck.js"]
USER node
CMD ["node", "index.js"]
