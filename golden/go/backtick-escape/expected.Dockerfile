# escape=`
FROM golang:1.22 AS build

WORKDIR /build

COPY go.mod go.sum ./
RUN go mod download
COPY . .

ENV CGO_ENABLED=0
RUN go mod download && `
    go build `
      -ldflags "-X main.version=1.4.2" `
      -o metrics-exporter `
      .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /build
COPY --from=build /build/metrics-exporter /build/metrics-exporter
EXPOSE 9100
USER nonroot
ENTRYPOINT ["/build/metrics-exporter"]
CMD ["--web.listen-address=:9100"]
