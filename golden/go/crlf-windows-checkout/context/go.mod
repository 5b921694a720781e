module github.com/contoso/inventory

go 1.21
