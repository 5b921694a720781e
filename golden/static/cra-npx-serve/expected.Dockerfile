FROM node:20 AS build

WORKDIR /usr/src/app

COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile

COPY public ./public
COPY src ./src

ENV NODE_ENV=production
RUN yarn build

FROM nginx:alpine
WORKDIR /usr/src/app
COPY --from=build /usr/src/app/build /usr/share/nginx/html
RUN printf 'server {\n    listen 5000;\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n    location / {\n        try_files $uri $uri.html $uri/ /index.html;\n    }\n}\n' > /etc/nginx/conf.d/default.conf
RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx /var/cache/nginx /var/log/nginx
EXPOSE 5000
USER nginx
CMD ["nginx", "-g", "daemon off;"]
