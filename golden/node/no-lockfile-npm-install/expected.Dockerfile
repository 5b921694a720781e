FROM node:20 AS build
WORKDIR /usr/src/bot
COPY package.json ./
RUN npm install
COPY . .
RUN npm prune --omit=dev

FROM gcr.io/distroless/nodejs20-debian12:nonroot
WORKDIR /usr/src/bot
COPY --from=build /usr/src/bot /usr/src/bot
USER nonroot
CMD ["bot.js"]
