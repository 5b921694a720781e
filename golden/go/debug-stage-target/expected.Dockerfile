FROM golang:1.22-bookworm AS build

WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ENV CGO_ENABLED=0
RUN go build -o /usr/local/bin/inventory ./cmd/inventory

ENV LOG_LEVEL=info

FROM gcr.io/distroless/static-debian12:debug-nonroot AS debug
ENV LOG_LEVEL=info
WORKDIR /src
COPY --from=build /usr/local/bin/inventory /usr/local/bin/inventory
EXPOSE 8080
USER nonroot
ENTRYPOINT ["inventory"]

FROM gcr.io/distroless/static-debian12:nonroot
ENV LOG_LEVEL=info
WORKDIR /src
COPY --from=build /usr/local/bin/inventory /usr/local/bin/inventory
EXPOSE 8080
USER nonroot
ENTRYPOINT ["inventory"]
