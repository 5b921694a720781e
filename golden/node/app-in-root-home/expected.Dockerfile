FROM node:carbon AS build
WORKDIR /root/app
COPY package*.json ./
RUN npm install
COPY . .
RUN npm prune --production

FROM node:8-slim
WORKDIR /root/app
COPY --from=build /root/app /root/app
EXPOSE 8080
CMD ["npm", "start"]
