FROM golang:1.22 AS build

ENV GIN_MODE=release \
    PORT=8080

WORKDIR /app

COPY go.mod go.sum ./
RUN go mod download

COPY . .
ENV CGO_ENABLED=0
RUN go build -o blog ./cmd/blog

FROM gcr.io/distroless/static-debian12:nonroot
ENV GIN_MODE=release \
    PORT=8080
WORKDIR /app
COPY --from=build /app/blog /app/blog
COPY --from=build /app/templates /app/templates
COPY --from=build /app/static /app/static
EXPOSE 8080
USER nonroot
CMD ["./blog"]
