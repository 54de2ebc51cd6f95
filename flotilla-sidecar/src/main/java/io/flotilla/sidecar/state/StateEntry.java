package io.flotilla.sidecar.state;

import java.time.Instant;
import java.util.List;

/**
 * A checkpoint, savepoint or other folder under the cluster's state prefix, with the objects in it.
 * {@code jobId} is the full JobID when the layout names it, else null; {@code jobIdPrefix} is what
 * Flink's default savepoint names carry (the JobID's first 6 hex digits).
 */
public record StateEntry(
        String path,
        String keyPrefix,
        StateKind kind,
        String jobId,
        String jobIdPrefix,
        long checkpointId,
        Instant time,
        long size,
        boolean complete,
        List<StateObject> objects) {

    public StateEntry {
        objects = List.copyOf(objects);
    }

    /** True when the entry holds nothing but folder markers: a leftover of deleted state. */
    public boolean empty() {
        return objects.stream().allMatch(o -> o.key().endsWith("/"));
    }

    /** True for a complete checkpoint or savepoint: a job can start from it. */
    public boolean restorable() {
        return complete && (kind == StateKind.CHECKPOINT || kind == StateKind.SAVEPOINT);
    }

    /** True when this entry belongs to {@code job} by full id or, failing that, by id prefix. */
    public boolean belongsTo(String job) {
        if (jobId != null) {
            return jobId.equals(job);
        }
        return jobIdPrefix != null && job.startsWith(jobIdPrefix);
    }

    /** True when {@code otherPath} is this entry's path or lies inside it, or contains it. */
    public boolean overlaps(String otherPath) {
        String mine = StatePaths.normalize(path) + "/";
        String theirs = StatePaths.normalize(otherPath) + "/";
        return mine.startsWith(theirs) || theirs.startsWith(mine);
    }
}
