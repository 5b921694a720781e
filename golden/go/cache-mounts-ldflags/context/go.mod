module github.com/edge/gateway

go 1.22
