package io.flotilla.cli;

/** The CLI's documented exit codes, one per class of outcome. */
public enum ExitCode {
    /** The command did what was asked. */
    DONE(0),
    /** The operation failed or was rolled back. */
    FAILED(1),
    /** The command line or the request was wrong (bad option, unknown name, refused input). */
    BAD_INPUT(2),
    /** The supervisor could not be reached, or refused the token or its role. */
    UNREACHABLE(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
