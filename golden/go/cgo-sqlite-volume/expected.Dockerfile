FROM golang:1.22 AS build

WORKDIR /app

COPY go.mod go.sum ./
RUN go mod download

COPY *.go ./
RUN go build -o /todo

ENV DB_PATH=/data/todo.db
RUN mkdir -p /data

FROM gcr.io/distroless/base-debian12:nonroot
ENV DB_PATH=/data/todo.db
WORKDIR /app
COPY --from=build /todo /todo
COPY --from=build --chown=nonroot:nonroot /data /data
VOLUME ["/data"]
EXPOSE 3000
USER nonroot
CMD ["/todo"]
