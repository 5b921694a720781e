ARG GO_VERSION=1.22

FROM golang:${GO_VERSION}-bookworm AS build

ENV PORT 8080
ENV APP_HOME /opt/shortener

WORKDIR $APP_HOME

COPY go.mod go.sum ./
RUN go mod download
COPY . .

ENV CGO_ENABLED=0
RUN go build -o shortener .

FROM alpine:3.20
ENV PORT 8080
ENV APP_HOME /opt/shortener
WORKDIR /opt/shortener
COPY --from=build /opt/shortener/shortener /opt/shortener/shortener
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
LABEL maintainer="Jane Doe <jane@example.com>"
EXPOSE $PORT
USER app
CMD ./shortener -addr :$PORT
