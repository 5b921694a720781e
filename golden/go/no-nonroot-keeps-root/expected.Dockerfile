FROM golang:1.21 AS build

WORKDIR /go/src/netprobe
COPY go.mod ./
RUN go mod download
ADD . .

ENV CGO_ENABLED=0
RUN go build -o netprobe .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /go/src/netprobe
COPY --from=build /go/src/netprobe/netprobe /go/src/netprobe/netprobe
MAINTAINER ops@example.org
USER root
# needs raw sockets
ENTRYPOINT ["./netprobe"]
