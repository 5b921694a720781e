FROM golang:1.21 AS build

WORKDIR /usr/src/app

# pre-copy/cache go.mod for pre-downloading dependencies
COPY go.mod go.sum ./
RUN go mod download && go mod verify

COPY . .
ENV CGO_ENABLED=0
RUN go build -v -o /usr/local/bin/app ./...

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /usr/src/app
COPY --from=build /usr/local/bin/app /usr/local/bin/app
EXPOSE 8000
USER nonroot
CMD ["app"]
