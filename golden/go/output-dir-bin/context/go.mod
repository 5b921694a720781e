module github.com/payments/ledger

go 1.22
