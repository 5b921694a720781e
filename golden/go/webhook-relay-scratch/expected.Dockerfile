FROM golang:1.22-alpine AS build
WORKDIR /go/src/app
COPY go.mod go.sum ./
RUN go mod download && go mod verify
COPY . .
ENV CGO_ENABLED=0
RUN go build -v -o /usr/local/bin/relay ./...

FROM scratch
WORKDIR /go/src/app
COPY --from=build /usr/local/bin/relay /usr/local/bin/relay
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
EXPOSE 9000
USER 65532:65532
CMD ["relay"]
