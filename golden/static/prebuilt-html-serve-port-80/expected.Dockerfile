FROM node:20-alpine AS build
RUN npm install -g serve
WORKDIR /app
COPY public/ .

FROM nginx:alpine
WORKDIR /app
COPY --from=build /app /usr/share/nginx/html
RUN printf 'server {\n    listen 80;\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n    error_page 404 /404.html;\n    location / {\n        try_files $uri $uri.html $uri/ =404;\n    }\n}\n' > /etc/nginx/conf.d/default.conf
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]
