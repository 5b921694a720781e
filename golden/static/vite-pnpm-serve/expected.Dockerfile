FROM node:20-slim AS build

ENV PNPM_HOME="/pnpm"
ENV PATH="$PNPM_HOME:$PATH"
RUN corepack enable

WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm run build

FROM nginx:alpine
ENV PNPM_HOME="/pnpm"
ENV PATH="$PNPM_HOME:$PATH"
WORKDIR /app
COPY --from=build /app/dist /usr/share/nginx/html
RUN printf 'server {\n    listen 4000;\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n    location / {\n        try_files $uri $uri.html $uri/ /index.html;\n    }\n}\n' > /etc/nginx/conf.d/default.conf
RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx /var/cache/nginx /var/log/nginx
EXPOSE 4000
USER nginx
CMD ["nginx", "-g", "daemon off;"]
