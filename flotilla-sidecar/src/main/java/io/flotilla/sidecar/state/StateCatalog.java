package io.flotilla.sidecar.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups the objects under a cluster's state prefix into checkpoints, savepoints and shared state,
 * following the layout Flink writes: {@code checkpoints/<job>/chk-<n>/...}, {@code
 * checkpoints/<job>/shared|taskowned/...}, {@code savepoints/<job>/savepoint-*}/... and {@code
 * savepoints/savepoint-<6 hex>-<12 hex>/...}.
 */
public final class StateCatalog {

    private static final Pattern CHECKPOINT =
            Pattern.compile("checkpoints/([0-9a-f]{32})/chk-(\\d{1,18})/.*");
    private static final Pattern SHARED =
            Pattern.compile("checkpoints/([0-9a-f]{32})/(shared|taskowned)/.*");
    private static final Pattern JOB_SAVEPOINT =
            Pattern.compile("savepoints/([0-9a-f]{32})/(savepoint-[0-9a-f]{6}-[0-9a-f]+)/.*");
    private static final Pattern DEFAULT_SAVEPOINT =
            Pattern.compile("savepoints/(savepoint-([0-9a-f]{6})-[0-9a-f]+)/.*");

    private StateCatalog() {}

    /**
     * The entries under {@code keyPrefix} (e.g. {@code cluster-1/}) in {@code bucket}, newest
     * first; {@code objects} are every object whose key starts with the prefix.
     */
    public static List<StateEntry> entries(
            String bucket, String keyPrefix, List<StateObject> objects) {
        Map<String, Builder> byFolder = new LinkedHashMap<>();
        for (StateObject o : objects) {
            if (!o.key().startsWith(keyPrefix)) {
                continue;
            }
            String rel = o.key().substring(keyPrefix.length());
            Builder b = classify(rel);
            Builder existing = byFolder.putIfAbsent(b.folder, b);
            (existing == null ? b : existing).add(o, rel);
        }
        List<StateEntry> out = new ArrayList<>();
        for (Builder b : byFolder.values()) {
            out.add(b.build(bucket, keyPrefix));
        }
        out.sort(Comparator.comparing(StateEntry::time).reversed().thenComparing(StateEntry::path));
        return out;
    }

    private static Builder classify(String rel) {
        Matcher m;
        if ((m = CHECKPOINT.matcher(rel)).matches()) {
            return new Builder(
                    "checkpoints/" + m.group(1) + "/chk-" + m.group(2),
                    StateKind.CHECKPOINT,
                    m.group(1),
                    null,
                    Long.parseLong(m.group(2)));
        }
        if ((m = SHARED.matcher(rel)).matches()) {
            return new Builder(
                    "checkpoints/" + m.group(1) + "/" + m.group(2),
                    StateKind.SHARED,
                    m.group(1),
                    null,
                    -1);
        }
        if ((m = JOB_SAVEPOINT.matcher(rel)).matches()) {
            return new Builder(
                    "savepoints/" + m.group(1) + "/" + m.group(2),
                    StateKind.SAVEPOINT,
                    m.group(1),
                    null,
                    -1);
        }
        if ((m = DEFAULT_SAVEPOINT.matcher(rel)).matches()) {
            return new Builder(
                    "savepoints/" + m.group(1), StateKind.SAVEPOINT, null, m.group(2), -1);
        }
        int slash = rel.indexOf('/');
        String top = slash < 0 ? rel : rel.substring(0, slash);
        // Flink's own folder markers ("checkpoints/<job>/") stay with OTHER: they hold nothing.
        int second = slash < 0 ? -1 : rel.indexOf('/', slash + 1);
        String folder = second < 0 ? top : rel.substring(0, second);
        return new Builder(folder, StateKind.OTHER, null, null, -1);
    }

    private static final class Builder {
        final String folder;
        final StateKind kind;
        final String jobId;
        final String jobIdPrefix;
        final long checkpointId;
        final List<StateObject> objects = new ArrayList<>();
        Instant time = Instant.EPOCH;
        long size;
        boolean complete;

        Builder(
                String folder,
                StateKind kind,
                String jobId,
                String jobIdPrefix,
                long checkpointId) {
            this.folder = folder;
            this.kind = kind;
            this.jobId = jobId;
            this.jobIdPrefix = jobIdPrefix;
            this.checkpointId = checkpointId;
        }

        void add(StateObject o, String rel) {
            objects.add(o);
            if (!o.key().endsWith("/")) {
                // a key ending in '/' is a folder marker: it holds no state
                size += o.size();
            }
            if (o.lastModified().isAfter(time)) {
                time = o.lastModified();
            }
            if (rel.equals(folder + "/_metadata")) {
                complete = true;
            }
        }

        StateEntry build(String bucket, String keyPrefix) {
            return new StateEntry(
                    "s3://" + bucket + "/" + keyPrefix + folder,
                    keyPrefix + folder + "/",
                    kind,
                    jobId,
                    jobIdPrefix,
                    checkpointId,
                    time,
                    size,
                    complete,
                    objects);
        }
    }
}
