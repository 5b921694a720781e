FROM golang:1.22 AS build

WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .

# all the flags live in the script
RUN ./scripts/build.sh

FROM gcr.io/distroless/base-debian12:nonroot
WORKDIR /src
COPY --from=build /src/bin/api /src/bin/api
EXPOSE 8080
USER nonroot
CMD ["./bin/api"]
