module github.com/acme/agent

go 1.22
