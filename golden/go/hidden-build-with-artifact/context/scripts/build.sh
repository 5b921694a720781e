#!/bin/sh
set -e
VERSION=${VERSION:-dev}
go build -ldflags "-X main.version=$VERSION" -o bin/api ./cmd/api
