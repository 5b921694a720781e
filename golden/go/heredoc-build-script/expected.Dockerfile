# syntax=docker/dockerfile:1.7
FROM golang:1.22-bookworm AS build

WORKDIR /workspace
COPY go.mod go.sum ./
RUN go mod download
COPY . .

ENV CGO_ENABLED=0
RUN <<EOF
set -eux
go mod download
go build -trimpath -o /usr/local/bin/worker ./cmd/worker
EOF

ENV QUEUE_URL=nats://nats:4222

FROM gcr.io/distroless/static-debian12:nonroot
ENV QUEUE_URL=nats://nats:4222
WORKDIR /workspace
COPY --from=build /usr/local/bin/worker /usr/local/bin/worker
USER nonroot
ENTRYPOINT ["/usr/local/bin/worker"]
