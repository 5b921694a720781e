module github.com/hooks/relay

go 1.22
