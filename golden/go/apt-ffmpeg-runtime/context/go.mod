module github.com/mediaco/transcoder

go 1.22
