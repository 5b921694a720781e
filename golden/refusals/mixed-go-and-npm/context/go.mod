module github.com/acme/dashboard

go 1.22
