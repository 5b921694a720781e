FROM node:20-alpine AS build

RUN yarn global add serve

WORKDIR /usr/src/app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile
COPY . ./
RUN yarn build

FROM nginx:alpine
WORKDIR /usr/src/app
COPY --from=build /usr/src/app/dist /usr/share/nginx/html
RUN printf 'server {\n    listen 8080;\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n    location / {\n        try_files $uri $uri.html $uri/ /index.html;\n    }\n}\n' > /etc/nginx/conf.d/default.conf
RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx /var/cache/nginx /var/log/nginx
LABEL maintainer="frontend@example.com"
EXPOSE 8080
HEALTHCHECK --interval=30s CMD wget -q --spider http://localhost:8080/ || exit 1
USER nginx
CMD ["nginx", "-g", "daemon off;"]
