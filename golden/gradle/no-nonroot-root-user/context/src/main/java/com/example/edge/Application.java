package com.example.edge;

public class Application {
    public static void main(String[] args) {}
}
