package io.flotilla.local;

import java.io.PrintStream;

/** Timestamped progress lines for long operations, measured from the operation's start. */
public final class Progress {

    private final PrintStream out;
    private final long start = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    public void step(String message) {
        out.printf("[%6.1fs] %s%n", elapsedSeconds(), message);
        out.flush();
    }
}
