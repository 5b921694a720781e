package com.example.reports;

public class Application {
    public static void main(String[] args) {
    }
}
