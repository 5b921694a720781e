FROM golang:1.22-bookworm AS build

RUN apt-get update && \
    apt-get install -y --no-install-recommends ffmpeg && \
    rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /app/transcoder .

ENV OUTPUT_DIR=/media/out

FROM debian:bookworm-slim
ENV OUTPUT_DIR=/media/out
WORKDIR /app
COPY --from=build /app/transcoder /app/transcoder
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
EXPOSE 7000
USER app
CMD ["/app/transcoder"]
