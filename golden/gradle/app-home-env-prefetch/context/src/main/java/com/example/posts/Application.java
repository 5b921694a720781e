package com.example.posts;

public class Application {
    public static void main(String[] args) {}
}
