module github.com/student/todo-api

go 1.21
