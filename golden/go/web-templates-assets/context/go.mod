module github.com/writer/blog

go 1.22
