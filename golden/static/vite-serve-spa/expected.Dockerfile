FROM node:20-alpine AS build

WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci

COPY . .
RUN npm run build

RUN npm install -g serve

FROM nginx:alpine
WORKDIR /app
COPY --from=build /app/dist /usr/share/nginx/html
RUN printf 'server {\n    listen 3000;\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n    location / {\n        try_files $uri $uri.html $uri/ /index.html;\n    }\n}\n' > /etc/nginx/conf.d/default.conf
RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx /var/cache/nginx /var/log/nginx
EXPOSE 3000
USER nginx
CMD ["nginx", "-g", "daemon off;"]
