FROM golang:1.20 AS build

WORKDIR /go/src/github.com/acme/hello
COPY go.mod ./
RUN go mod download
COPY . .

RUN go get -d -v ./...
ENV CGO_ENABLED=0
RUN go install -v ./...

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /go/src/github.com/acme/hello
COPY --from=build /go/bin/hello /usr/local/bin/hello
USER nonroot
CMD ["hello"]
