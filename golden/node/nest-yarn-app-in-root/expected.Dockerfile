FROM node:20-alpine AS build
WORKDIR /app

COPY package.json yarn.lock ./
RUN yarn install

COPY . .
RUN yarn build
RUN yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline

FROM node:20-alpine
COPY --from=build /app /
EXPOSE 3000
USER node
CMD ["yarn", "start:prod"]
