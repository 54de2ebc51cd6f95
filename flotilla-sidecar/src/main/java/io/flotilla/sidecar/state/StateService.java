package io.flotilla.sidecar.state;

import io.flotilla.http.ApiException;
import io.flotilla.sidecar.state.StateApi.EntryView;
import io.flotilla.sidecar.state.StateApi.Outcome;
import io.flotilla.sidecar.state.StateApi.PathResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The state API: lists a cluster's checkpoints and savepoints and deletes them through the {@link
 * CleanupPlanner}'s guard. A request that touches protected state deletes nothing.
 */
public final class StateService implements AutoCloseable {

    private final StateStore store;
    private final Supplier<List<LiveJob>> liveJobs;
    private final String bucket;
    private final String keyPrefix;
    private final Clock clock;
    private final ExecutorService deleters;
    private final ExecutorService askers;

    public StateService(
            StateStore store, Supplier<List<LiveJob>> liveJobs, String stateUri, Clock clock) {
        this.store = store;
        this.liveJobs = liveJobs;
        String rest = StatePaths.normalize(stateUri).substring("s3://".length());
        int slash = rest.indexOf('/');
        this.bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        this.keyPrefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        this.clock = clock;
        this.deleters =
                Executors.newFixedThreadPool(
                        8,
                        r -> {
                            Thread t = new Thread(r, "state-delete");
                            t.setDaemon(true);
                            return t;
                        });
        this.askers =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "state-live-jobs");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** {@code s3://bucket/prefix}: everything this service may touch lies under it. */
    public String root() {
        return "s3://" + bucket + "/" + keyPrefix;
    }

    /**
     * Every entry, newest first, with whether it is its job's newest restorable state and why it is
     * protected.
     */
    public List<EntryView> list() {
        return list(null);
    }

    /**
     * The checkpoints and savepoints of the comma-separated JobIDs {@code jobs}, each listed from
     * its own {@code checkpoints/<jobId>/} and {@code savepoints/<jobId>/} folders.
     */
    public List<EntryView> listJobs(String jobs) {
        if (jobs.isBlank()) {
            return List.of();
        }
        List<String> ids =
                Arrays.stream(jobs.split(",", -1)).map(String::strip).distinct().toList();
        if (ids.size() > 1000) {
            throw ApiException.badRequest(
                    "invalid_jobs",
                    "jobs",
                    "jobs lists at most 1000 JobIDs, got "
                            + ids.size()
                            + ": ask in several requests");
        }
        for (String id : ids) {
            if (!id.matches("[0-9a-f]{32}")) {
                throw ApiException.badRequest(
                        "invalid_jobs",
                        "jobs",
                        "jobs must be JobIDs (32 lower-case hex digits) separated by commas, got '"
                                + id
                                + "'");
            }
        }
        List<StateObject> objects = new ArrayList<>();
        for (String id : ids) {
            objects.addAll(store.list(bucket, keyPrefix + "checkpoints/" + id + "/"));
            objects.addAll(store.list(bucket, keyPrefix + "savepoints/" + id + "/"));
        }
        return views(
                StateCatalog.entries(bucket, keyPrefix, objects).stream()
                        .filter(
                                e ->
                                        e.kind() == StateKind.CHECKPOINT
                                                || e.kind() == StateKind.SAVEPOINT)
                        .toList());
    }

    /**
     * As {@link #list()}, but only the entries under {@code under} (all when null; none when it
     * lies outside the root), listing only that part of the bucket.
     */
    public List<EntryView> list(String under) {
        // Flink's answer and the bucket's listing do not depend on each other: asked at once, as a
        // release's restore check waits for this call.
        CompletableFuture<List<LiveJob>> live = CompletableFuture.supplyAsync(this::live, askers);
        List<StateEntry> entries;
        if (under == null || under.isBlank()) {
            entries = entries();
        } else {
            String root = StatePaths.normalize(root());
            String path = StatePaths.normalize(under);
            if (!path.startsWith(root + "/")) {
                return List.of();
            }
            // The slash keeps chk-1 from listing chk-10 too.
            String key = keyPrefix + path.substring(root.length() + 1) + "/";
            entries =
                    StateCatalog.entries(bucket, keyPrefix, store.list(bucket, key)).stream()
                            .filter(
                                    e -> {
                                        String p = StatePaths.normalize(e.path());
                                        return p.equals(path) || p.startsWith(path + "/");
                                    })
                            .toList();
        }
        return views(entries, joined(live));
    }

    private static List<LiveJob> joined(CompletableFuture<List<LiveJob>> live) {
        try {
            return live.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private List<EntryView> views(List<StateEntry> entries) {
        return views(entries, live());
    }

    private List<EntryView> views(List<StateEntry> entries, List<LiveJob> live) {
        CleanupPlanner planner = new CleanupPlanner(entries, live, List.of());
        return entries.stream()
                .map(
                        e ->
                                new EntryView(
                                        e.path(),
                                        e.kind(),
                                        e.jobId(),
                                        e.jobIdPrefix(),
                                        e.time(),
                                        e.size(),
                                        e.objects().size(),
                                        e.complete(),
                                        planner.newestRestorable(e),
                                        planner.protection(e).orElse(null)))
                .toList();
    }

    /**
     * The newest complete savepoint in {@code savepoints/<jobId>/}, where this sidecar's stops
     * write.
     */
    public Optional<String> newestSavepoint(String jobId) {
        String folder = keyPrefix + "savepoints/" + jobId + "/";
        return StateCatalog.entries(bucket, keyPrefix, store.list(bucket, folder)).stream()
                .filter(e -> e.kind() == StateKind.SAVEPOINT && e.complete())
                .findFirst()
                .map(StateEntry::path);
    }

    /** Deletes exactly {@code paths}, or nothing if any of them is protected (409). */
    public Outcome delete(List<String> paths, List<String> pins, boolean dryRun) {
        if (paths.isEmpty()) {
            throw ApiException.badRequest(
                    "empty_request",
                    "paths",
                    "paths must name at least one checkpoint or savepoint");
        }
        checkInside(pins, "pins");
        checkInside(paths, "paths");
        List<StateEntry> entries = entries();
        List<StateEntry> requested = new ArrayList<>();
        for (String path : new java.util.LinkedHashSet<>(paths)) {
            String wanted = StatePaths.normalize(path);
            StateEntry e =
                    entries.stream()
                            .filter(x -> x.path().equals(wanted))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new ApiException(
                                                    404,
                                                    "no_such_state",
                                                    "no checkpoint or savepoint at "
                                                            + path
                                                            + ": list what exists with GET /v1/state",
                                                    "paths",
                                                    null));
            requested.add(e);
        }
        List<Decision> plan = new CleanupPlanner(entries, live(), pins).delete(requested);
        List<Decision> refused = plan.stream().filter(d -> !d.delete()).toList();
        if (!refused.isEmpty()) {
            Outcome detail = outcome(true, plan, List.of());
            throw new ApiException(
                    409,
                    "protected_state",
                    "refused: "
                            + refused.size()
                            + " of "
                            + plan.size()
                            + " paths are protected, nothing was deleted; first: "
                            + refused.get(0).entry().path()
                            + " is the "
                            + refused.get(0).reason(),
                    "paths",
                    detail);
        }
        // paths already deleted would answer 404 on a repeat: only the failed ones are left
        return execute(plan, dryRun, "repeat the request with the failed paths to finish");
    }

    /**
     * Applies retention: keeps the newest {@code keepSavepoints} savepoints per job and anything
     * younger than {@code maxAge}.
     */
    public Outcome retention(
            int keepSavepoints, Duration maxAge, List<String> pins, boolean dryRun) {
        if (keepSavepoints < 0) {
            throw ApiException.badRequest(
                    "invalid_value",
                    "keepSavepoints",
                    "keepSavepoints must be 0 or more, got " + keepSavepoints);
        }
        if (maxAge.isNegative()) {
            throw ApiException.badRequest(
                    "invalid_value", "maxAge", "maxAge must not be negative, got " + maxAge);
        }
        checkInside(pins, "pins");
        List<Decision> plan =
                new CleanupPlanner(entries(), live(), pins)
                        .retention(
                                new CleanupPlanner.Retention(keepSavepoints, maxAge),
                                clock.instant());
        return execute(plan, dryRun, "repeat the request to finish");
    }

    private Outcome execute(List<Decision> plan, boolean dryRun, String toFinish) {
        if (dryRun) {
            return outcome(true, plan, List.of());
        }
        Map<String, Future<String>> running = new LinkedHashMap<>();
        for (Decision d : plan) {
            if (d.delete()) {
                running.put(d.entry().path(), deleters.submit(() -> deleteEntry(d.entry())));
            }
        }
        List<PathResult> failed = new ArrayList<>();
        for (Map.Entry<String, Future<String>> f : running.entrySet()) {
            try {
                String error = f.getValue().get();
                if (error != null) {
                    failed.add(new PathResult(f.getKey(), "failed", null, error));
                }
            } catch (Exception e) {
                failed.add(
                        new PathResult(f.getKey(), "failed", null, String.valueOf(e.getMessage())));
            }
        }
        Outcome outcome = outcome(false, plan, failed);
        if (!failed.isEmpty()) {
            throw new ApiException(
                    502,
                    "partial_delete",
                    failed.size()
                            + " of "
                            + running.size()
                            + " paths could not be deleted; "
                            + toFinish,
                    null,
                    outcome);
        }
        return outcome;
    }

    /**
     * Deletes an entry's objects, {@code _metadata} first so a half-deleted checkpoint never looks
     * restorable.
     */
    private String deleteEntry(StateEntry entry) {
        List<StateObject> objects = new ArrayList<>(entry.objects());
        objects.sort(Comparator.comparing((StateObject o) -> !o.key().endsWith("/_metadata")));
        for (StateObject o : objects) {
            try {
                store.delete(bucket, o.key());
            } catch (RuntimeException e) {
                return "deleting " + o.key() + ": " + e.getMessage();
            }
        }
        return null;
    }

    private Outcome outcome(boolean dryRun, List<Decision> plan, List<PathResult> failed) {
        List<String> failedPaths = failed.stream().map(PathResult::path).toList();
        List<PathResult> deleted =
                plan.stream()
                        .filter(d -> d.delete() && !failedPaths.contains(d.entry().path()))
                        .map(
                                d ->
                                        new PathResult(
                                                d.entry().path(),
                                                dryRun ? "would delete" : "deleted",
                                                d.reason(),
                                                null))
                        .toList();
        List<PathResult> kept =
                plan.stream()
                        .filter(d -> !d.delete())
                        .map(d -> new PathResult(d.entry().path(), "kept", d.reason(), null))
                        .toList();
        return new Outcome(dryRun, failed.isEmpty(), deleted, kept, failed);
    }

    private List<StateEntry> entries() {
        return StateCatalog.entries(bucket, keyPrefix, store.list(bucket, keyPrefix));
    }

    private List<LiveJob> live() {
        try {
            return liveJobs.get();
        } catch (RuntimeException e) {
            throw new ApiException(
                    503,
                    "cluster_unreachable",
                    "cannot tell which jobs run on the cluster and what they need ("
                            + e.getMessage()
                            + "); state is not touched while that is unknown: retry when the JobManager answers");
        }
    }

    private void checkInside(List<String> paths, String field) {
        for (String p : paths) {
            String normalized = p == null ? "" : StatePaths.normalize(p);
            if (!normalized.startsWith(root())
                    || normalized.contains("/../")
                    || normalized.contains("/./")) {
                throw ApiException.badRequest(
                        "outside_prefix",
                        field,
                        field + ": '" + p + "' is outside this cluster's state prefix " + root());
            }
        }
    }

    @Override
    public void close() {
        deleters.shutdownNow();
        askers.shutdownNow();
    }
}
