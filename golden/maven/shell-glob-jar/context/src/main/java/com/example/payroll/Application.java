package com.example.payroll;

public class Application {
    public static void main(String[] args) {
    }
}
