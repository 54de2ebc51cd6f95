package io.flotilla.cli;

/**
 * A command that cannot go on: one line saying what went wrong and how to fix it, and the exit code
 * of its class.
 */
public class CliFailure extends RuntimeException {

    private final ExitCode exitCode;

    public CliFailure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliFailure(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static CliFailure badInput(String message) {
        return new CliFailure(ExitCode.BAD_INPUT, message);
    }

    public static CliFailure failed(String message) {
        return new CliFailure(ExitCode.FAILED, message);
    }

    public static CliFailure unreachable(String message) {
        return new CliFailure(ExitCode.UNREACHABLE, message);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
