module github.com/callicoder/go-docker

go 1.22
