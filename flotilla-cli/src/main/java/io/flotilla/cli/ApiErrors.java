package io.flotilla.cli;

import io.flotilla.http.ApiCallException;
import io.flotilla.http.ApiUnreachableException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The typed client's failures as the CLI reports them: one line saying what and how to fix it, with
 * the exit code of its class (3 not reachable or not authorised, 2 bad input, 1 failed).
 */
public final class ApiErrors {

    private ApiErrors() {}

    /** The answer of {@code call}, or empty when the supervisor answers 404. */
    public static <T> Optional<T> ifFound(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (ApiCallException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code e} as a {@link CliFailure}, or null when it is not the client's. */
    public static CliFailure translate(RuntimeException e, Supplier<URI> base) {
        if (e instanceof ApiUnreachableException u) {
            Throwable cause = u.getCause();
            return CliFailure.unreachable(
                    "cannot reach the supervisor at "
                            + u.base()
                            + " ("
                            + (cause == null || cause.getMessage() == null
                                    ? String.valueOf(
                                            cause == null ? "" : cause.getClass().getSimpleName())
                                    : cause.getClass().getSimpleName() + ": " + cause.getMessage())
                            + "): check --url / FLOTILLA_URL, or start the local platform with"
                            + " 'bin/flotilla start'");
        }
        if (e instanceof ApiCallException c) {
            return call(c, base.get());
        }
        if (e instanceof IllegalStateException
                && e.getMessage() != null
                && e.getMessage().startsWith("the service's answer is not a ")) {
            return CliFailure.unreachable(
                    base.get()
                            + " answered with something that is not the supervisor's JSON ("
                            + e.getMessage()
                            + "): it is not a Flotilla supervisor; check --url / FLOTILLA_URL");
        }
        return null;
    }

    private static CliFailure call(ApiCallException e, URI base) {
        if (e.code().startsWith("http_")) {
            // Not one of the supervisor's error bodies: a proxy or another server answered.
            return CliFailure.unreachable(
                    base
                            + " answered "
                            + e.getMessage()
                            + ", not with the supervisor's JSON: it is not a Flotilla supervisor;"
                            + " check --url / FLOTILLA_URL");
        }
        return switch (e.status()) {
            case 401 ->
                    CliFailure.unreachable(
                            "the supervisor at "
                                    + base
                                    + " refused the token ("
                                    + e.code()
                                    + "): check --token-file / FLOTILLA_TOKEN, or run"
                                    + " 'flotilla login --url "
                                    + base
                                    + " --token-file FILE'");
            case 403 ->
                    CliFailure.unreachable(
                            "not allowed: "
                                    + e.getMessage()
                                    + ": ask the platform's operators for a token with that role");
            default ->
                    e.status() >= 500
                            ? CliFailure.failed(
                                    "the supervisor failed (" + e.code() + "): " + e.getMessage())
                            : CliFailure.badInput(e.getMessage());
        };
    }
}
