package com.example.pricing;

public class Application {
    public static void main(String[] args) {
    }
}
