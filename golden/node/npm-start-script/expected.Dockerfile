FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm prune --omit=dev
ENV PORT=4000

FROM node:20-alpine
ENV PORT=4000
WORKDIR /app
COPY --from=build /app /app
LABEL maintainer="Sam <sam@example.io>"
EXPOSE 4000
USER node
CMD ["npm", "start"]
