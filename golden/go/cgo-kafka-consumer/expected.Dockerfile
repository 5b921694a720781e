FROM golang:1.22-bookworm AS build

WORKDIR /usr/src/consumer

COPY go.mod go.sum ./
RUN go mod download

COPY . .
RUN go build -o /usr/local/bin/consumer ./cmd/consumer

ENV KAFKA_BROKERS=kafka:9092 \
    KAFKA_TOPIC=orders

FROM gcr.io/distroless/base-debian12:nonroot
ENV KAFKA_BROKERS=kafka:9092 \
    KAFKA_TOPIC=orders
WORKDIR /usr/src/consumer
COPY --from=build /usr/local/bin/consumer /usr/local/bin/consumer
USER nonroot
CMD ["consumer"]
