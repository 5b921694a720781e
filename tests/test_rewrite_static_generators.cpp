// The static-site planner by generator: the folder each build writes, served by nginx on the original's port.
#include <catch2/catch.hpp>

#include "rewrite_support.hpp"
#include "static_fixtures.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

namespace {

using Files = std::map<std::string, std::string>;

}  // namespace

TEST_CASE(
    "static: Create React App served by `serve -s build -l 3000` becomes nginx on 3000 with SPA fallback",
    "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20-alpine\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "RUN npm run build\n"
        "RUN npm install -g serve\n"
        "EXPOSE 3000\n"
        "CMD [\"serve\", \"-s\", \"build\", \"-l\", \"3000\"]\n";
    const Files context = {
        {"package.json", kCra}, {"package-lock.json", "{}"}, {"public/index.html", ""}, {"src/index.js", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20-alpine AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm run build\n"
          "RUN npm install -g serve\n"
          "\n"
          "FROM nginx:alpine\n"
          "WORKDIR /app\n"
          "COPY --from=build /app/build /usr/share/nginx/html\n"
          "RUN printf 'server {\\n    listen 3000;\\n    root /usr/share/nginx/html;\\n    absolute_redirect "
          "off;\\n    location / {\\n     "
          "   try_files $uri $uri.html $uri/ /index.html;\\n    }\\n}\\n' > /etc/nginx/conf.d/default.conf\n"
          "RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx "
          "/var/cache/nginx /var/log/nginx\n"
          "EXPOSE 3000\n"
          "USER nginx\n"
          "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"static-serve-nginx", "static-server-nginx",
                                                 "static-nginx-config", "static-nginx-nonroot",
                                                 "deps-before-sources", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
    CHECK(reason(out, "static-server-nginx") ==
          "`serve -s build -l 3000` served /app/build on port 3000; nginx now serves the same files on the "
          "same port, so CMD "
          "becomes [\"nginx\", \"-g\", \"daemon off;\"]");
}

TEST_CASE("static: Vite built with npm run build and served by `npx http-server dist -p 8080`",
          "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci\n"
        "COPY . .\n"
        "RUN npm run build\n"
        "EXPOSE 8080\n"
        "CMD npx http-server dist -p 8080\n";
    const Files context = {
        {"package.json",
         R"({"scripts":{"dev":"vite","build":"vite build"},"dependencies":{"vue":"^3.4.0"},"devDependencies":{"vite":"^5.2.0"}})"},
        {"package-lock.json", "{}"},
        {"index.html", ""},
        {"vite.config.js", "export default {}\n"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm run build\n"
          "\n"
          "FROM nginx:alpine\n"
          "WORKDIR /app\n"
          "COPY --from=build /app/dist /usr/share/nginx/html\n"
          "RUN printf 'server {\\n    listen 8080;\\n    root /usr/share/nginx/html;\\n    absolute_redirect "
          "off;\\n    error_page 404 /404.html;\\n    location / {\\n   "
          "     try_files $uri $uri.html $uri/ =404;\\n    }\\n}\\n' > /etc/nginx/conf.d/default.conf\n"
          "RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx "
          "/var/cache/nginx /var/log/nginx\n"
          "EXPOSE 8080\n"
          "USER nginx\n"
          "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"static-serve-nginx", "static-server-nginx",
                                                 "static-nginx-config", "static-nginx-nonroot",
                                                 "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE(
    "static: Angular, angular.json outputPath (application builder: dist/shop/browser), http-server SPA "
    "proxy",
    "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20-alpine\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci\n"
        "COPY . .\n"
        "RUN npx ng build --configuration production\n"
        "EXPOSE 8080\n"
        "CMD [\"npx\", \"http-server\", \"dist/shop/browser\", \"-p\", \"8080\", \"--proxy\", "
        "\"http://localhost:8080?\"]\n";
    const Files context = {{"package.json", kNg},
                           {"package-lock.json", "{}"},
                           {"angular.json", kAngularJson},
                           {"src/index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20-alpine AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npx ng build --configuration production\n"
          "\n"
          "FROM nginx:alpine\n"
          "WORKDIR /app\n"
          "COPY --from=build /app/dist/shop/browser /usr/share/nginx/html\n"
          "RUN printf 'server {\\n    listen 8080;\\n    root /usr/share/nginx/html;\\n    absolute_redirect "
          "off;\\n    location / {\\n     "
          "   try_files $uri $uri.html $uri/ /index.html;\\n    }\\n}\\n' > /etc/nginx/conf.d/default.conf\n"
          "RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx "
          "/var/cache/nginx /var/log/nginx\n"
          "EXPOSE 8080\n"
          "USER nginx\n"
          "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"static-serve-nginx", "static-server-nginx",
                                                 "static-nginx-config", "static-nginx-nonroot",
                                                 "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("static: Hugo built in klakegg/hugo, `hugo server` (the image ENTRYPOINT) becomes nginx on 1313",
          "[rewrite][static]") {
    const std::string dockerfile =
        "FROM klakegg/hugo:0.111.3-ext-alpine\n"
        "COPY . /src\n"
        "RUN hugo --minify\n"
        "EXPOSE 1313\n"
        "CMD [\"server\", \"--bind\", \"0.0.0.0\"]\n";
    const Files context = {{"config.toml", "baseURL = 'https://example.org/'\ntitle = 'Site'\n"},
                           {"content/_index.md", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM klakegg/hugo:0.111.3-ext-alpine AS build\n"
          "COPY . /src\n"
          "RUN hugo --minify\n"
          "\n"
          "FROM nginx:alpine\n"
          "COPY --from=build /src/public /usr/share/nginx/html\n"
          "RUN printf 'server {\\n    listen 1313;\\n    root /usr/share/nginx/html;\\n    absolute_redirect "
          "off;\\n    error_page 404 /404.html;\\n}\\n' > "
          "/etc/nginx/conf.d/default.conf\n"
          "RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx "
          "/var/cache/nginx /var/log/nginx\n"
          "EXPOSE 1313\n"
          "USER nginx\n"
          "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"static-serve-nginx", "static-server-nginx",
                                                 "static-nginx-config", "static-nginx-nonroot",
                                                 "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("static: Jekyll built with `jekyll build`, `jekyll serve` becomes nginx on 4000",
          "[rewrite][static]") {
    const std::string dockerfile =
        "FROM jekyll/jekyll:4.2.2\n"
        "WORKDIR /srv/jekyll\n"
        "COPY . .\n"
        "RUN jekyll build\n"
        "EXPOSE 4000\n"
        "CMD [\"jekyll\", \"serve\", \"--host\", \"0.0.0.0\"]\n";
    const Files context = {{"_config.yml", "title: Blog\n"},
                           {"Gemfile", "source 'https://rubygems.org'\ngem 'jekyll', '~> 4.2'\n"},
                           {"index.md", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM jekyll/jekyll:4.2.2 AS build\n"
          "WORKDIR /srv/jekyll\n"
          "COPY . .\n"
          "RUN jekyll build\n"
          "\n"
          "FROM nginx:alpine\n"
          "WORKDIR /srv/jekyll\n"
          "COPY --from=build /srv/jekyll/_site /usr/share/nginx/html\n"
          "RUN printf 'server {\\n    listen 4000;\\n    root /usr/share/nginx/html;\\n    absolute_redirect "
          "off;\\n    error_page 404 /404.html;\\n}\\n' > "
          "/etc/nginx/conf.d/default.conf\n"
          "RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx "
          "/var/cache/nginx /var/log/nginx\n"
          "EXPOSE 4000\n"
          "USER nginx\n"
          "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"static-serve-nginx", "static-server-nginx",
                                                 "static-nginx-config", "static-nginx-nonroot",
                                                 "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("static: `vite preview` through an npm script serves dist as a single-page app on 4173",
          "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:22-alpine\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "RUN npm run build\n"
        "EXPOSE 4173\n"
        "CMD [\"npm\", \"run\", \"preview\", \"--\", \"--host\", \"0.0.0.0\"]\n";
    const Files context = {
        {"package.json",
         R"({"scripts":{"build":"vite build","preview":"vite preview"},"dependencies":{"react":"^18.2.0"},"devDependencies":{"vite":"^5.2.0"}})"},
        {"package-lock.json", "{}"},
        {"index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:22-alpine AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm run build\n"
          "\n"
          "FROM nginx:alpine\n"
          "WORKDIR /app\n"
          "COPY --from=build /app/dist /usr/share/nginx/html\n"
          "RUN printf 'server {\\n    listen 4173;\\n    root /usr/share/nginx/html;\\n    absolute_redirect "
          "off;\\n    location / {\\n   "
          "     try_files $uri $uri/ /index.html;\\n    }\\n}\\n' > /etc/nginx/conf.d/default.conf\n"
          "RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx "
          "/var/cache/nginx /var/log/nginx\n"
          "EXPOSE 4173\n"
          "USER nginx\n"
          "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"static-serve-nginx", "static-server-nginx",
                                                 "static-nginx-config", "static-nginx-nonroot",
                                                 "deps-before-sources", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}
