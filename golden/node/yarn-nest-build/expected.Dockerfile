FROM node:20.12-bullseye AS build

WORKDIR /usr/src/app

COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile

COPY . .
RUN yarn build
RUN yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline

ENV NODE_ENV production

FROM gcr.io/distroless/nodejs20-debian12:nonroot
ENV NODE_ENV production
WORKDIR /usr/src/app
COPY --from=build /usr/src/app /usr/src/app
EXPOSE 3000
USER nonroot
CMD ["dist/main"]
