FROM klakegg/hugo:0.107.0-ext-ubuntu AS build

WORKDIR /src
COPY . .

ENV HUGO_ENV=production
RUN hugo --gc --minify

FROM nginx:alpine
WORKDIR /src
COPY --from=build /src/public /usr/share/nginx/html
RUN printf 'server {\n    listen 1313;\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n    error_page 404 /404.html;\n}\n' > /etc/nginx/conf.d/default.conf
RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx /var/cache/nginx /var/log/nginx
EXPOSE 1313
USER nginx
CMD ["nginx", "-g", "daemon off;"]
