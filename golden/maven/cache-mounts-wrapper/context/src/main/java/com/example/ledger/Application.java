package com.example.ledger;

public class Application {
    public static void main(String[] args) {
    }
}
