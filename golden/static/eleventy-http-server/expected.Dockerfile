FROM node:20-slim AS build

RUN npm install --global http-server@14

WORKDIR /usr/src/docs
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx @11ty/eleventy

FROM nginx:alpine
WORKDIR /usr/src/docs
COPY --from=build /usr/src/docs/_site /usr/share/nginx/html
RUN printf 'server {\n    listen 8080;\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n    error_page 404 /404.html;\n    location / {\n        try_files $uri $uri.html $uri/ =404;\n    }\n}\n' > /etc/nginx/conf.d/default.conf
RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx /var/cache/nginx /var/log/nginx
EXPOSE 8080
USER nginx
CMD ["nginx", "-g", "daemon off;"]
