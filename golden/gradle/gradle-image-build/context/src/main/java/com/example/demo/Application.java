package com.example.demo;

public class Application {
    public static void main(String[] args) {}
}
