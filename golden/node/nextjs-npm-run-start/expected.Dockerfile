FROM node:20-bookworm-slim AS build

WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci

COPY . .

ENV NEXT_TELEMETRY_DISABLED 1
RUN npm run build
RUN npm prune --omit=dev

ENV PORT 3000

FROM node:20-slim
ENV NEXT_TELEMETRY_DISABLED 1
ENV PORT 3000
WORKDIR /app
COPY --from=build --chown=node:node /app /app
EXPOSE 3000
USER node
CMD ["npm", "run", "start"]
