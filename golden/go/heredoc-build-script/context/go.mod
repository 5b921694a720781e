module github.com/acme/jobs

go 1.22
