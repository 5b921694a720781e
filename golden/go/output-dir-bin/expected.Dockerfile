FROM golang:1.22-alpine AS build
WORKDIR /go/src/ledger
COPY go.mod ./
RUN go mod download
COPY . .
ENV CGO_ENABLED=0
RUN go build -o bin/ ./cmd/ledger-api

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /go/src/ledger
COPY --from=build /go/src/ledger/bin/ledger-api /go/src/ledger/bin/ledger-api
LABEL org.opencontainers.image.source=https://github.com/payments/ledger
LABEL org.opencontainers.image.licenses=Apache-2.0
EXPOSE 8081 9090
STOPSIGNAL SIGINT
USER nonroot
CMD ["./bin/ledger-api", "serve"]
