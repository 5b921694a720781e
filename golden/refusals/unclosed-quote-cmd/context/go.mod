module github.com/kids/greeter

go 1.21
