FROM golang:1.22 AS build

WORKDIR /app

COPY go.mod go.sum ./
RUN go mod download
# Download dependencies first
COPY . .

ENV CGO_ENABLED=0
# Build the app
RUN go build -o main .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /app
COPY --from=build /app/main /app/main
EXPOSE 8080
USER nonroot
CMD ["./main"]
