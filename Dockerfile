# syntax=docker/dockerfile:1
# restage itself: built on Debian bookworm from the packages scripts/setup.sh installs, then
# shipped on distroless (glibc and libstdc++, no shell) with the three shared libraries it links,
# as a non-root user. `docker build -t restage .` then `docker run --rm -v "$PWD:/work" restage scan .`
FROM debian:bookworm-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake ninja-build pkg-config \
        libtree-sitter-dev libfmt-dev libcli11-dev libyaml-cpp-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B build-image -G Ninja -DCMAKE_BUILD_TYPE=Release -DRESTAGE_TESTS=OFF \
    && cmake --build build-image --target restage \
    && mkdir -p /out/lib \
    && cp build-image/restage /out/restage \
    && ldd build-image/restage | awk '/(libtree-sitter|libfmt|libyaml-cpp)/ { print $3 }' \
        | xargs -r cp -L -t /out/lib/

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /out/lib/ /usr/local/lib/restage/
COPY --from=build /out/restage /usr/local/bin/restage
ENV LD_LIBRARY_PATH=/usr/local/lib/restage
WORKDIR /work
USER nonroot
ENTRYPOINT ["/usr/local/bin/restage"]
