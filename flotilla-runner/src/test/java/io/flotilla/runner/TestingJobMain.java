package io.flotilla.runner;

import java.util.List;

/** Stands in for the DSL's JobMain: remembers the arguments it was called with, or fails. */
public final class TestingJobMain {

    static volatile List<String> lastArgs;
    static volatile boolean fail;

    private TestingJobMain() {}

    public static void main(String[] args) {
        if (fail) {
            throw new IllegalStateException("job failed as told");
        }
        lastArgs = List.of(args);
    }
}
