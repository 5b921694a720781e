package com.example.weather;

public class Application {
    public static void main(String[] args) {}
}
