FROM node:20-slim AS build

RUN mkdir -p /home/node/app/node_modules && chown -R node:node /home/node/app

WORKDIR /home/node/app

COPY --chown=node:node package*.json ./

USER node

RUN npm install

COPY --chown=node:node . .
RUN npm prune --omit=dev

FROM gcr.io/distroless/nodejs20-debian12:nonroot
WORKDIR /home/node/app
COPY --from=build --chown=nonroot:nonroot /home/node/app /home/node/app
EXPOSE 8080
USER nonroot
CMD ["app.js"]
