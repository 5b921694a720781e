FROM node:20-alpine AS build
WORKDIR /opt/docusaurus
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
RUN npm prune --omit=dev

FROM node:20-alpine
WORKDIR /opt/docusaurus
COPY --from=build /opt/docusaurus /opt/docusaurus
EXPOSE 3000
USER node
CMD ["npm", "run", "serve", "--", "--host", "0.0.0.0", "--no-open"]
