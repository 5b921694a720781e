module github.com/acme/metrics-exporter

go 1.22
