FROM golang:1.22 AS build
WORKDIR /root/src
COPY go.mod ./
RUN go mod download
COPY . .
ENV CGO_ENABLED=0
RUN go build -o /root/bin/app .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /root/src
COPY --from=build /root/bin/app /root/bin/app
USER root
CMD ["/root/bin/app"]
