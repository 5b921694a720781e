// How the static-site planner serves: nginx kept or as root on port 80, its config; a dev server as Node.
#include <catch2/catch.hpp>

#include "rewrite/eco_static.hpp"
#include "rewrite_support.hpp"
#include "static_fixtures.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;
namespace site = restage::rewrite::site;

namespace {

using Files = std::map<std::string, std::string>;

}  // namespace

TEST_CASE("static: plain HTML copied into nginx is left unchanged", "[rewrite][static]") {
    const std::string dockerfile =
        "FROM nginx:alpine\n"
        "COPY . /usr/share/nginx/html\n"
        "EXPOSE 80\n";
    const Files context = {{"index.html", "<html></html>"}, {"style.css", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Unchanged);
    CHECK(out.text == dockerfile);
    CHECK(out.notes.front() ==
          "nothing to split: nginx:alpine serves the files the Dockerfile copies, and nothing is built");
}

TEST_CASE("static: a server on port 80 (PORT=80) keeps nginx as root and says why", "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "RUN npm run build\n"
        "RUN npm install -g serve\n"
        "ENV PORT=80\n"
        "EXPOSE 80\n"
        "CMD serve -s build\n";
    const Files context = {{"package.json", kCra}, {"package-lock.json", "{}"}, {"public/index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm run build\n"
          "RUN npm install -g serve\n"
          "ENV PORT=80\n"
          "\n"
          "FROM nginx:alpine\n"
          "ENV PORT=80\n"
          "WORKDIR /app\n"
          "COPY --from=build /app/build /usr/share/nginx/html\n"
          "RUN printf 'server {\\n    listen 80;\\n    root /usr/share/nginx/html;\\n    absolute_redirect "
          "off;\\n    location / {\\n     "
          "   try_files $uri $uri.html $uri/ /index.html;\\n    }\\n}\\n' > /etc/nginx/conf.d/default.conf\n"
          "EXPOSE 80\n"
          "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"static-serve-nginx", "static-server-nginx",
                                                 "static-nginx-config", "static-nginx-root",
                                                 "deps-before-sources"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
    CHECK(reason(out, "static-nginx-root") ==
          "Keeps root: nginx listens on port 80, and only root may bind below 1024 (its workers run as "
          "nginx); serve on port "
          "1024 or above to run as nginx");
}

TEST_CASE("static: a prebuilt folder copied in and served by serve moves to nginx alone",
          "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20-alpine\n"
        "RUN npm install -g serve\n"
        "COPY ./build /site\n"
        "EXPOSE 5000\n"
        "CMD [\"serve\", \"-s\", \"/site\", \"-l\", \"5000\"]\n";
    const Files context = {{"package.json", kCra}, {"build/index.html", ""}, {"public/index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20-alpine AS build\n"
          "RUN npm install -g serve\n"
          "COPY ./build /site\n"
          "\n"
          "FROM nginx:alpine\n"
          "COPY --from=build /site /usr/share/nginx/html\n"
          "RUN printf 'server {\\n    listen 5000;\\n    root /usr/share/nginx/html;\\n    absolute_redirect "
          "off;\\n    location / {\\n     "
          "   try_files $uri $uri.html $uri/ /index.html;\\n    }\\n}\\n' > /etc/nginx/conf.d/default.conf\n"
          "RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R nginx:nginx "
          "/var/cache/nginx /var/log/nginx\n"
          "EXPOSE 5000\n"
          "USER nginx\n"
          "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"static-prebuilt-nginx", "static-server-nginx",
                                                 "static-nginx-config", "static-nginx-nonroot",
                                                 "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("static: a development server (react-scripts start) is rewritten as the Node app it is",
          "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "RUN npm install -g react-scripts@5.0.1\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN yarn\n"
        "EXPOSE 3000\n"
        "CMD [\"yarn\", \"start\"]\n";
    const Files context = {{"package.json", kCra}, {"yarn.lock", ""}, {"public/index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "RUN npm install -g react-scripts@5.0.1\n"
          "WORKDIR /app\n"
          "COPY package.json yarn.lock ./\n"
          "RUN yarn install --frozen-lockfile\n"
          "COPY . .\n"
          "\n"
          "FROM node:20-slim\n"
          "WORKDIR /app\n"
          "COPY --from=build --chown=node:node /app /app\n"
          "EXPOSE 3000\n"
          "USER node\n"
          "CMD [\"yarn\", \"start\"]\n");
    REQUIRE(!out.changes.empty());
    CHECK(out.changes.front().rule == "static-dev-server-node");
    CHECK(out.changes.front().first_line == 7);
    CHECK(out.changes.front().reason ==
          "The command runs a development server (`react-scripts start`), a Node process that builds and "
          "serves "
          "the site as it runs: nginx would change what the image serves, so it is rewritten as a Node app "
          "that "
          "keeps that command and the development dependencies it needs");
    CHECK(reason(out, "node-dev-deps-kept").find("development server") != std::string::npos);
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("static: nginx config keeps the port, the routing, the 404 page and relative redirects",
          "[rewrite][static]") {
    site::Server plain;
    plain.port = 80;
    CHECK(site::nginx_config(plain) ==
          "server {\n    listen 80;\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n"
          "    error_page 404 /404.html;\n}\n");
    site::Server spa;
    spa.port = 8080;
    spa.spa = true;
    CHECK(site::nginx_config(spa) ==
          "server {\n    listen 8080;\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n    "
          "location / {\n"
          "        try_files $uri $uri/ /index.html;\n    }\n}\n");
    site::Server port;
    port.port = 9000;
    CHECK(site::write_config(site::nginx_config(port)) ==
          "RUN printf 'server {\\n    listen 9000;\\n    root /usr/share/nginx/html;\\n    absolute_redirect "
          "off;\\n    error_page 404 /404.html;\\n}\\n' > "
          "/etc/nginx/conf.d/default.conf");
}
