FROM golang:1.19 AS build
RUN mkdir /app
COPY go.mod /app/
RUN cd /app && go mod download
ADD . /app
WORKDIR /app
ENV CGO_ENABLED=0
RUN go build -o first .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /app
COPY --from=build /app/first /app/first
USER nonroot
CMD ["/app/first"]
