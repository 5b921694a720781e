FROM node:8.4 AS build
COPY package.json package-lock.json /app/
RUN cd /app && npm install
COPY . /app
WORKDIR /app

FROM node:8-slim
WORKDIR /app
COPY --from=build /app /app
EXPOSE 3000/tcp
USER node
