# syntax=docker/dockerfile:1
FROM golang:1.22-alpine AS build

WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /app/relay ./cmd/relay

COPY <<EOF /app/config.yaml
listen: ":7000"
upstream: "http://backend:8080"
timeout: 30s
EOF

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /app
COPY --from=build /app/relay /app/relay
COPY --from=build /app/config.yaml /app/config.yaml
EXPOSE 7000
USER nonroot
CMD ["/app/relay", "-config", "/app/config.yaml"]
