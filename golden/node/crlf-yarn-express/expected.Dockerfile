FROM node:20-alpine AS build

WORKDIR /app

COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile

COPY . .
RUN yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline

FROM node:20-alpine
WORKDIR /app
COPY --from=build /app /app
EXPOSE 3000
USER node
CMD ["node", "index.js"]
