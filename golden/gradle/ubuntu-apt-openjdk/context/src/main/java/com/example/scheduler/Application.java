package com.example.scheduler;

public class Application {
    public static void main(String[] args) {}
}
