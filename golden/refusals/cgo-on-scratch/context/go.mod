module github.com/acme/imgproxy-lite

go 1.22
