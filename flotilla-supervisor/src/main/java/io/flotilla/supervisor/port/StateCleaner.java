package io.flotilla.supervisor.port;

import java.time.Duration;
import java.util.List;

/** Asks a cluster to clean its S3 state by retention, never touching the pinned paths. */
@FunctionalInterface
public interface StateCleaner {

    /**
     * Keeps the newest {@code keepSavepoints} savepoints per job, anything younger than {@code
     * maxAge}, every pinned path, and whatever the cluster itself protects; deletes the rest.
     */
    void clean(
            String cluster,
            List<String> pins,
            int keepSavepoints,
            Duration maxAge,
            long fencingToken);
}
