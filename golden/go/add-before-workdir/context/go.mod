module github.com/ragesh/goservice

go 1.19
