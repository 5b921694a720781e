module github.com/example/netprobe

go 1.21
