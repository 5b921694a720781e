module github.com/acme/protoc-gen-acme

go 1.22
