package com.example.billing;

public class Application {
    public static void main(String[] args) {}
}
