package org.acme;

public class GreetingResource {}
