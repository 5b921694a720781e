# development image: hot reload on port 8080
FROM node:18 AS build
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm install
COPY . .

FROM node:18-slim
WORKDIR /usr/src/app
COPY --from=build --chown=node:node /usr/src/app /usr/src/app
EXPOSE 8080
USER node
CMD ["npm", "run", "serve"]
