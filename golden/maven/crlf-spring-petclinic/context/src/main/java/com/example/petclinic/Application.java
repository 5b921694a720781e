package com.example.petclinic;

public class Application {
    public static void main(String[] args) {
    }
}
