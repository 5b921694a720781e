module github.com/example/statuswatch

go 1.17
