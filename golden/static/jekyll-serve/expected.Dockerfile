FROM jekyll/jekyll:4.2.2 AS build

WORKDIR /srv/jekyll
COPY --chown=jekyll:jekyll . .

RUN jekyll build

FROM nginx:alpine
WORKDIR /srv/jekyll
COPY --from=build /srv/jekyll/_site /usr/share/nginx/html
RUN printf 'server {\n    listen 4000;\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n    error_page 404 /404.html;\n}\n' > /etc/nginx/conf.d/default.conf
RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx /var/cache/nginx /var/log/nginx
EXPOSE 4000
USER nginx
CMD ["nginx", "-g", "daemon off;"]
