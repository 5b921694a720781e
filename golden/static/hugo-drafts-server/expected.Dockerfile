FROM hugomods/hugo:exts-0.125.4 AS build
WORKDIR /src
COPY . .
RUN hugo -D --minify

FROM nginx:alpine
WORKDIR /src
COPY --from=build /src/public /usr/share/nginx/html
RUN printf 'server {\n    listen 8080;\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n    error_page 404 /404.html;\n}\n' > /etc/nginx/conf.d/default.conf
RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx /var/cache/nginx /var/log/nginx
EXPOSE 8080
USER nginx
CMD ["nginx", "-g", "daemon off;"]
