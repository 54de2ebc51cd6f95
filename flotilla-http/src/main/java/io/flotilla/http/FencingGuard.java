package io.flotilla.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Refuses changes from a stale leader. Each supervisor leader holds a lease with a fencing token
 * that grows with every change of leader, and sends it with every change it asks for ({@code
 * X-Flotilla-Fencing-Token}); a token below the highest one seen comes from a leader that has been
 * replaced, and its late request is refused. Requests without the header (an operator with curl)
 * are not fenced.
 *
 * <p>Only the principals allowed to (the supervisor's) may raise the highest token: anyone else
 * could otherwise fence the real leader out with a huge one. With a file, the highest token is
 * written there (atomically, before the request that raised it goes on) and read back at start, so
 * a restarted sidecar still refuses the leaders that were replaced before.
 */
public final class FencingGuard {

    public static final String HEADER = "X-Flotilla-Fencing-Token";

    private final Path file;
    private final Predicate<Principal> mayRaise;
    private long highest = Long.MIN_VALUE;

    /** In memory only, and any principal may raise the token: for services nobody fences. */
    public FencingGuard() {
        this.file = null;
        this.mayRaise = p -> true;
    }

    /**
     * @param file where the highest token is kept across restarts; read now if it exists
     * @param raisers names of the principals that may raise the highest token
     * @throws IllegalStateException when the file exists but cannot be read as a token: starting
     *     without it would accept a replaced leader again
     */
    public FencingGuard(Path file, Set<String> raisers) {
        this.file = file;
        Set<String> names = Set.copyOf(raisers);
        this.mayRaise = p -> p != null && names.contains(p.name());
        if (Files.exists(file)) {
            try {
                highest = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException(
                        "the highest fencing token in "
                                + file
                                + " cannot be read ("
                                + e.getMessage()
                                + "): restore the file, or delete it to accept any leader again",
                        e);
            }
        }
    }

    /** Checks the header of a mutating request from any principal allowed to raise it. */
    public void check(String header) {
        check(null, header, true);
    }

    /** Checks the header of a mutating request by {@code principal}; raises the highest token. */
    public void check(Principal principal, String header) {
        check(principal, header, mayRaise.test(principal));
    }

    private synchronized void check(Principal principal, String header, boolean mayRaise) {
        if (header == null) {
            return;
        }
        long token;
        try {
            token = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    "invalid_fencing_token",
                    HEADER,
                    HEADER + " must be a whole number, got '" + header + "'");
        }
        if (token < highest) {
            throw new ApiException(
                    409,
                    "stale_leader",
                    "fencing token "
                            + token
                            + " is older than "
                            + highest
                            + ": a newer supervisor leader has taken over, this request is refused");
        }
        if (token == highest) {
            return;
        }
        if (!mayRaise) {
            throw new ApiException(
                    403,
                    "fencing_not_allowed",
                    "token '"
                            + (principal == null ? "?" : principal.name())
                            + "' may not raise the fencing token to "
                            + token
                            + " (highest "
                            + highest
                            + "): only the supervisor's token may; leave out "
                            + HEADER,
                    HEADER,
                    null);
        }
        persist(token);
        highest = token;
    }

    private void persist(long token) {
        if (file == null) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    tmp,
                    Long.toString(token),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            try {
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Going on without it written would let a replaced leader back in after a restart.
            throw new ApiException(
                    503,
                    "fencing_unavailable",
                    "the fencing token cannot be kept in "
                            + file
                            + " ("
                            + e.getMessage()
                            + "): this change is refused until it can");
        }
    }

    /** The highest token seen so far, for health output. */
    public synchronized long highest() {
        return highest;
    }
}
