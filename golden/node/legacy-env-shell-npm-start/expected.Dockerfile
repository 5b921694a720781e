FROM node:20 AS build

ENV NODE_ENV production
ENV PORT 3000

RUN mkdir -p /usr/src/app
WORKDIR /usr/src/app

COPY package.json /usr/src/app/
RUN npm install --production

COPY . /usr/src/app

FROM gcr.io/distroless/nodejs20-debian12:nonroot
ENV NODE_ENV production
ENV PORT 3000
WORKDIR /usr/src/app
COPY --from=build /usr/src/app /usr/src/app
MAINTAINER Bob Smith <bob@example.com>
EXPOSE 3000
USER nonroot
CMD ["app.js"]
