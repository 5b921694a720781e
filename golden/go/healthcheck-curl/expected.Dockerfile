FROM golang:1.22 AS build

# Set destination for COPY
WORKDIR /app

# Download Go modules
COPY go.mod go.sum ./
RUN go mod download

# Copy the source code. Note the slash at the end, as explained in
# https://docs.docker.com/reference/dockerfile/#copy
COPY *.go ./

# Build
RUN CGO_ENABLED=0 GOOS=linux go build -o /docker-gs-ping

FROM alpine:3.20
WORKDIR /app
COPY --from=build /docker-gs-ping /docker-gs-ping
RUN apk add --no-cache curl
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s \
  CMD curl -f http://localhost:8080/health || exit 1
USER app
# Run
CMD ["/docker-gs-ping"]
