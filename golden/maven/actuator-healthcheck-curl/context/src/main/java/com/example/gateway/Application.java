package com.example.gateway;

public class Application {
    public static void main(String[] args) {
    }
}
