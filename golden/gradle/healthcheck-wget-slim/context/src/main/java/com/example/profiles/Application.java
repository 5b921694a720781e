package com.example.profiles;

public class Application {
    public static void main(String[] args) {}
}
