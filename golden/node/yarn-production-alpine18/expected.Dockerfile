FROM node:18-alpine AS build
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile --production
COPY . .

FROM node:18-alpine
WORKDIR /app
COPY --from=build /app /app
EXPOSE 3000
USER node
CMD ["node", "src/index.js"]
