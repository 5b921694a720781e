FROM golang:1.10 AS build

WORKDIR $GOPATH/src/github.com/example/hello-app

COPY . .

RUN go get -d -v ./...
ENV CGO_ENABLED=0
RUN go install -v ./...

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /go/src/github.com/example/hello-app
COPY --from=build /go/bin/hello-app /usr/local/bin/hello-app
EXPOSE 8080
USER nonroot
CMD ["hello-app"]
