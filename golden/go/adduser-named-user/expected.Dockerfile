FROM golang:1.22 AS build

RUN useradd --create-home --shell /bin/bash appuser

WORKDIR /home/appuser/app
COPY go.mod ./
RUN go mod download
COPY --chown=appuser:appuser . .
ENV CGO_ENABLED=0
RUN go build -o server .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /home/appuser/app
COPY --from=build --chown=nonroot:nonroot /home/appuser/app/server /home/appuser/app/server
EXPOSE 8080
USER nonroot
ENTRYPOINT ["/home/appuser/app/server"]
CMD ["--log-level", "info"]
