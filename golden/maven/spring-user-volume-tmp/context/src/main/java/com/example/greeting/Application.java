package com.example.greeting;

public class Application {
    public static void main(String[] args) {
    }
}
