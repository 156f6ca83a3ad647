package org.resumen.digest;
public class App { public static void main(String[] a) {} }
