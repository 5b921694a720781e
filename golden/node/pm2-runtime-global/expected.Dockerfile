FROM node:20-alpine AS build

RUN npm install pm2 -g

WORKDIR /home/node/app
COPY package.json package-lock.json ./
RUN npm ci --only=production
COPY . .

FROM node:20-alpine
WORKDIR /home/node/app
COPY --from=build /home/node/app /home/node/app
RUN npm install pm2 -g
EXPOSE 3000
USER node
CMD ["pm2-runtime", "ecosystem.config.js"]
