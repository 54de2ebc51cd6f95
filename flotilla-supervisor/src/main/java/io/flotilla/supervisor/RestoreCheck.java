package io.flotilla.supervisor;

import io.flotilla.supervisor.model.StoredState;
import io.flotilla.supervisor.port.StateLister.Listing;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from a cluster's state listing, what a submit restores from: the planned path when it
 * exists and is complete, else the deployment's newest complete checkpoint or savepoint (across its
 * past JobIDs), else nothing, which needs an operator.
 */
final class RestoreCheck {

    /** The outcome; {@code path} is what to restore from (null for {@link Kind#NOTHING}). */
    record Choice(Kind kind, String path, String reason) {}

    enum Kind {
        /** The planned path exists with its {@code _metadata}. */
        AS_PLANNED,
        /** The planned path is gone or incomplete: a newer or other restorable state is used. */
        FALLBACK,
        /** The planned path lies outside what this cluster lists: it is used unchecked. */
        UNCHECKED,
        /** Nothing restorable exists. */
        NOTHING
    }

    private RestoreCheck() {}

    static Choice choose(Listing listing, String planned, Set<String> jobIds) {
        String wanted = normal(planned);
        if (listing.root() != null && !wanted.startsWith(normal(listing.root()))) {
            return new Choice(
                    Kind.UNCHECKED,
                    planned,
                    planned + " lies outside " + listing.root() + ", which the cluster lists");
        }
        Optional<StoredState> found =
                listing.states().stream().filter(s -> normal(s.path()).equals(wanted)).findFirst();
        if (found.isPresent() && found.get().complete()) {
            return new Choice(Kind.AS_PLANNED, planned, null);
        }
        String why =
                found.isPresent()
                        ? planned + " is incomplete (no _metadata)"
                        : planned + " does not exist";
        Optional<StoredState> newest =
                listing.states().stream()
                        .filter(StoredState::complete)
                        .filter(s -> s.jobId() != null && jobIds.contains(s.jobId()))
                        .max(Comparator.comparing(StoredState::time));
        if (newest.isEmpty()) {
            return new Choice(
                    Kind.NOTHING,
                    null,
                    why
                            + " and no other complete checkpoint or savepoint of the deployment exists");
        }
        StoredState s = newest.get();
        return new Choice(
                Kind.FALLBACK,
                s.path(),
                why
                        + "; restoring from the newest complete "
                        + (s.savepoint() ? "savepoint" : "checkpoint")
                        + " of the deployment instead: "
                        + s.path()
                        + " (job "
                        + s.jobId()
                        + ", "
                        + s.time()
                        + ")");
    }

    /** Paths compared without a trailing slash and with {@code s3a://} read as {@code s3://}. */
    static String normal(String path) {
        String p = path.startsWith("s3a://") ? "s3://" + path.substring(6) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
