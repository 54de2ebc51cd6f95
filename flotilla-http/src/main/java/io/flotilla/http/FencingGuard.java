package io.flotilla.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses changes from a stale leader. Each supervisor leader holds a lease with a fencing token
 * that grows with every change of leader, and sends it with every change it asks for ({@code
 * X-Flotilla-Fencing-Token}); a token below the highest one seen comes from a leader that has been
 * replaced, and its late request is refused. Requests without the header (an operator with curl)
 * are not fenced.
 */
public final class FencingGuard {

    public static final String HEADER = "X-Flotilla-Fencing-Token";

    private final AtomicLong highest = new AtomicLong(Long.MIN_VALUE);

    /** Checks the header of a mutating request; raises the highest token seen. */
    public void check(String header) {
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
        long seen = highest.accumulateAndGet(token, Math::max);
        if (token < seen) {
            throw new ApiException(
                    409,
                    "stale_leader",
                    "fencing token "
                            + token
                            + " is older than "
                            + seen
                            + ": a newer supervisor leader has taken over, this request is refused");
        }
    }

    /** The highest token seen so far, for health output. */
    public long highest() {
        return highest.get();
    }
}
