module github.com/intern/api

go 1.21
