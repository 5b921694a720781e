package com.example.search;

public class Application {
    public static void main(String[] args) {}
}
