// The static-site planner: the output folder by generator, nginx on the original's port and routing,
// the root-or-not decision, and its refusals.
#include <catch2/catch.hpp>

#include <algorithm>

#include "rewrite/eco_static.hpp"
#include "rewrite_support.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;
namespace site = restage::rewrite::site;

namespace {

using Files = std::map<std::string, std::string>;

const std::string kCra =
    R"({"name":"web","scripts":{"start":"react-scripts start","build":"react-scripts build"},)"
    R"("dependencies":{"react":"^18.2.0","react-dom":"^18.2.0","react-scripts":"5.0.1"}})";
const std::string kAngularJson =
    R"({"version":1,"projects":{"shop":{"projectType":"application","architect":{"build":{"builder":)"
    R"("@angular-devkit/build-angular:application","options":{"outputPath":"dist/shop","index":"src/index.html"}}}}}})";
const std::string kNg = R"({"scripts":{"build":"ng build"},"dependencies":{"@angular/core":"^17.3.0"},)"
                        R"("devDependencies":{"@angular/cli":"^17.3.0"}})";

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
    CHECK(
        out.text ==
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
        "RUN printf 'server {\\n    listen 3000;\\n    root /usr/share/nginx/html;\\n    location / {\\n     "
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
          "RUN printf 'server {\\n    listen 8080;\\n    root /usr/share/nginx/html;\\n    location / {\\n   "
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
    CHECK(
        out.text ==
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
        "RUN printf 'server {\\n    listen 8080;\\n    root /usr/share/nginx/html;\\n    location / {\\n     "
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

TEST_CASE("static: refuses serving a folder other than the one angular.json says the build writes",
          "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20-alpine\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci && npm run build\n"
        "EXPOSE 8080\n"
        "CMD [\"npx\", \"http-server\", \"dist/store/browser\", \"-p\", \"8080\"]\n";
    const Files context = {{"package.json", kNg},
                           {"package-lock.json", "{}"},
                           {"angular.json", kAngularJson},
                           {"src/index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 6);
    CHECK(out.refusals.front().reason ==
          "`http-server dist/store/browser -p 8080` serves /app/dist/store/browser, but the build (line 4) "
          "writes /app/dist/shop/browser");
    CHECK(out.refusals.front().unblock == "serve the folder the build writes, or pass --artifact DIR");
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
          "RUN printf 'server {\\n    listen 1313;\\n    root /usr/share/nginx/html;\\n}\\n' > "
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
          "RUN printf 'server {\\n    listen 4000;\\n    root /usr/share/nginx/html;\\n}\\n' > "
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
          "RUN printf 'server {\\n    listen 4173;\\n    root /usr/share/nginx/html;\\n    location / {\\n   "
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
          "RUN printf 'server {\\n    listen 80;\\n    root /usr/share/nginx/html;\\n    location / {\\n     "
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
    CHECK(
        out.text ==
        "FROM node:20-alpine AS build\n"
        "RUN npm install -g serve\n"
        "COPY ./build /site\n"
        "\n"
        "FROM nginx:alpine\n"
        "COPY --from=build /site /usr/share/nginx/html\n"
        "RUN printf 'server {\\n    listen 5000;\\n    root /usr/share/nginx/html;\\n    location / {\\n     "
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

TEST_CASE("static: refuses `hugo server` with no build in the image", "[rewrite][static]") {
    const std::string dockerfile =
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache hugo\n"
        "WORKDIR /site\n"
        "COPY . .\n"
        "EXPOSE 1313\n"
        "CMD [\"hugo\", \"server\", \"--bind\", \"0.0.0.0\"]\n";
    const Files context = {{"hugo.toml", "title = 'x'\n"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 6);
    CHECK(out.refusals.front().reason ==
          "`hugo server --bind 0.0.0.0` builds the site when the container starts: there is no build in the "
          "image to separate from serving");
    CHECK(out.refusals.front().unblock ==
          "build the site in a RUN (e.g. RUN hugo) before the command, then run restage again");
}

TEST_CASE("static: refuses a build with nothing that serves it", "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20-alpine\n"
        "RUN npm install -g @angular/cli\n"
        "WORKDIR /app\n"
        "COPY . /app\n"
        "RUN npm install\n"
        "RUN ng build\n";
    const Files context = {{"package.json", kNg},
                           {"package-lock.json", "{}"},
                           {"angular.json", kAngularJson},
                           {"src/index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 0);
    CHECK(out.refusals.front().reason ==
          "no CMD or ENTRYPOINT: the image runs its base image's default command, which serves nothing");
    CHECK(out.refusals.front().unblock ==
          "add a CMD that serves the site, e.g. CMD [\"serve\", \"-s\", \"build\"]");
}

TEST_CASE("static: refuses a serve option it does not understand", "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci && npm run build\n"
        "CMD [\"npx\", \"serve\", \"-c\", \"serve.json\", \"build\"]\n";
    const Files context = {{"package.json", kCra}, {"package-lock.json", "{}"}, {"public/index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 5);
    CHECK(out.refusals.front().reason ==
          "`serve -c serve.json build`: restage does not know what serve's option -c does to the site, so "
          "nginx could serve it differently");
    CHECK(out.refusals.front().unblock == "drop the option, then run restage again");
}

TEST_CASE("static: refuses serving a folder that neither the build nor the context provides",
          "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "CMD [\"npx\", \"serve\", \"build\"]\n";
    const Files context = {{"package.json", kCra}, {"package-lock.json", "{}"}, {"public/index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 4);
    CHECK(out.refusals.front().reason ==
          "`serve build` serves /app/build, which no build in the Dockerfile writes and the context does not "
          "have");
    CHECK(out.refusals.front().unblock ==
          "build the site in the Dockerfile, or run restage where the folder exists");
}

TEST_CASE("static: nginx config only when the port or routing differs from nginx's default",
          "[rewrite][static]") {
    site::Server plain;
    plain.port = 80;
    CHECK(site::nginx_config(plain).empty());
    site::Server spa;
    spa.port = 8080;
    spa.spa = true;
    CHECK(site::nginx_config(spa) ==
          "server {\n    listen 8080;\n    root /usr/share/nginx/html;\n    location / {\n"
          "        try_files $uri $uri/ /index.html;\n    }\n}\n");
    site::Server port;
    port.port = 9000;
    CHECK(site::write_config(site::nginx_config(port)) ==
          "RUN printf 'server {\\n    listen 9000;\\n    root /usr/share/nginx/html;\\n}\\n' > "
          "/etc/nginx/conf.d/default.conf");
}
