FROM node:20-bullseye AS build
WORKDIR /site
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile --network-timeout 600000
COPY . .
RUN yarn build

FROM nginx:alpine
WORKDIR /site
COPY --from=build /site/public /usr/share/nginx/html
RUN printf 'server {\n    listen 9000;\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n    error_page 404 /404.html;\n}\n' > /etc/nginx/conf.d/default.conf
RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx /var/cache/nginx /var/log/nginx
EXPOSE 9000
USER nginx
CMD ["nginx", "-g", "daemon off;"]
