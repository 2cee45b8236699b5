package dev.infoprune.core;

/** Thrown by long work when its {@link Progress} says the user cancelled it. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled");
    }
}
