FROM golang:1.22-alpine AS build

ENV CGO_ENABLED=0 GOOS=linux GOARCH=amd64
ENV TZ=Europe/Berlin

WORKDIR /app
COPY go.* ./
RUN go mod download
COPY . ./
RUN go build -o scheduler main.go

FROM gcr.io/distroless/static-debian12:nonroot
ENV TZ=Europe/Berlin
WORKDIR /app
COPY --from=build /app/scheduler /app/scheduler
USER nonroot
CMD ["/app/scheduler"]
