package com.example.feed;

public class Application {
    public static void main(String[] args) {}
}
