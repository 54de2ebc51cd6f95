package io.flotilla.sidecar.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which state may go. Pure: the same entries, live jobs and pins give the same plan, and
 * one guard ({@link #protection}) stands between every plan and every delete.
 */
public final class CleanupPlanner {

    /**
     * Keep the newest {@code keepSavepoints} savepoints of each job and anything younger than
     * {@code maxAge}.
     */
    public record Retention(int keepSavepoints, Duration maxAge) {}

    private final List<StateEntry> entries;
    private final List<LiveJob> live;
    private final List<String> pins;
    private final Map<String, StateEntry> newestByJob;

    public CleanupPlanner(List<StateEntry> entries, List<LiveJob> live, List<String> pins) {
        this.entries = List.copyOf(entries);
        this.live = List.copyOf(live);
        this.pins = List.copyOf(pins);
        this.newestByJob = newestRestorableByJob(entries, live);
    }

    /**
     * Why {@code entry} must not be deleted now, or empty when it may be. Protected: anything a pin
     * overlaps; for every live job, its newest restorable state, the paths Flink reports as its
     * latest checkpoint and savepoint, the path it restored from, its shared state and its
     * checkpoints in progress.
     */
    public Optional<String> protection(StateEntry entry) {
        Optional<String> direct = directProtection(entry);
        if (direct.isPresent() || entry.kind() != StateKind.SHARED) {
            return direct;
        }
        // Incremental checkpoints point into shared/: while any checkpoint of the job is
        // protected (pinned, restored from, reported by Flink), so are the files it points to.
        for (StateEntry e : entries) {
            if (e.kind() == StateKind.CHECKPOINT
                    && e.jobId() != null
                    && e.jobId().equals(entry.jobId())) {
                Optional<String> needed = directProtection(e);
                if (needed.isPresent()) {
                    return Optional.of(
                            "shared state of "
                                    + e.path()
                                    + ", which is protected: "
                                    + needed.get());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> directProtection(StateEntry entry) {
        for (String pin : pins) {
            if (entry.overlaps(pin)) {
                return Optional.of("pinned by the caller (" + pin + ")");
            }
        }
        for (LiveJob job : live) {
            String who = "live job " + job.jobId() + " (" + job.status() + ")";
            if (samePath(entry.path(), job.latestCheckpointPath())
                    || samePath(entry.path(), job.latestSavepointPath())) {
                return Optional.of("newest state Flink reports for " + who);
            }
            if (samePath(entry.path(), job.restoredFromPath())) {
                return Optional.of(who + " restores or restored from it");
            }
            if (entry.belongsTo(job.jobId())) {
                StateEntry newest = newestByJob.get(job.jobId());
                if (newest != null && newest.path().equals(entry.path())) {
                    return Optional.of("newest restorable state of " + who);
                }
                if (entry.kind() == StateKind.SHARED) {
                    return Optional.of("shared state of the checkpoints of " + who);
                }
                if (entry.kind() == StateKind.CHECKPOINT
                        && !entry.complete()
                        && entry.checkpointId() > newestCompleteCheckpointId(job.jobId())) {
                    return Optional.of("checkpoint in progress of " + who);
                }
                if (entry.kind() == StateKind.SAVEPOINT && !entry.complete()) {
                    return Optional.of("savepoint in progress (or abandoned) of " + who);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The id of the job's newest complete checkpoint, or -1. A folder with a lower id and no {@code
     * _metadata} is a leftover (subsumed, or half deleted), not a checkpoint in progress.
     */
    private long newestCompleteCheckpointId(String jobId) {
        return entries.stream()
                .filter(
                        e ->
                                e.kind() == StateKind.CHECKPOINT
                                        && e.complete()
                                        && jobId.equals(e.jobId()))
                .mapToLong(StateEntry::checkpointId)
                .max()
                .orElse(-1);
    }

    /** True when {@code entry} is the newest complete checkpoint or savepoint of its job. */
    public boolean newestRestorable(StateEntry entry) {
        return newestByJob.values().stream().anyMatch(n -> n.path().equals(entry.path()));
    }

    /** The plan for an explicit delete of {@code paths}: each is deleted unless protected. */
    public List<Decision> delete(List<StateEntry> requested) {
        List<Decision> out = new ArrayList<>();
        for (StateEntry e : requested) {
            out.add(
                    protection(e)
                            .map(reason -> Decision.keep(e, reason))
                            .orElseGet(() -> Decision.remove(e, "requested")));
        }
        return out;
    }

    /** The retention plan over every entry. */
    public List<Decision> retention(Retention retention, Instant now) {
        Map<String, Integer> savepointRank = new HashMap<>();
        List<StateEntry> savepoints =
                entries.stream()
                        .filter(e -> e.kind() == StateKind.SAVEPOINT)
                        .sorted(Comparator.comparing(StateEntry::time).reversed())
                        .toList();
        Map<String, Integer> seen = new HashMap<>();
        for (StateEntry s : savepoints) {
            int rank = seen.merge(jobKey(s), 1, Integer::sum) - 1;
            savepointRank.put(s.path(), rank);
        }
        Instant cutoff = now.minus(retention.maxAge());
        List<Decision> out = new ArrayList<>();
        Set<String> jobsWithKeptCheckpoints = new HashSet<>();
        List<StateEntry> shared = new ArrayList<>();
        for (StateEntry e : entries) {
            if (e.kind() == StateKind.SHARED) {
                shared.add(e); // decided last: they depend on the checkpoints kept
                continue;
            }
            Decision d = retain(e, retention, cutoff, savepointRank);
            if (!d.delete() && e.kind() == StateKind.CHECKPOINT) {
                jobsWithKeptCheckpoints.add(e.jobId());
            }
            out.add(d);
        }
        for (StateEntry e : shared) {
            Optional<String> p = protection(e);
            if (p.isPresent()) {
                out.add(Decision.keep(e, p.get()));
            } else if (jobsWithKeptCheckpoints.contains(e.jobId())) {
                out.add(Decision.keep(e, "shared state of kept checkpoints of job " + e.jobId()));
            } else if (e.time().isAfter(cutoff)) {
                out.add(Decision.keep(e, "younger than " + retention.maxAge()));
            } else {
                out.add(
                        Decision.remove(
                                e,
                                "shared state of job " + e.jobId() + " with no checkpoint left"));
            }
        }
        return out;
    }

    private Decision retain(
            StateEntry e, Retention retention, Instant cutoff, Map<String, Integer> savepointRank) {
        Optional<String> p = protection(e);
        if (p.isPresent()) {
            return Decision.keep(e, p.get());
        }
        if (e.kind() == StateKind.OTHER) {
            return Decision.keep(e, "not a checkpoint or savepoint");
        }
        if (e.empty()) {
            return Decision.remove(e, "empty folder left behind by deleted state");
        }
        if (newestRestorable(e)) {
            String job = e.jobId() != null ? e.jobId() : "with JobID prefix " + e.jobIdPrefix();
            return Decision.keep(e, "newest restorable state of job " + job + " (not running)");
        }
        if (e.kind() == StateKind.CHECKPOINT
                && live.stream().anyMatch(j -> e.belongsTo(j.jobId()))) {
            return Decision.keep(e, "retained checkpoint of a live job; Flink subsumes it");
        }
        if (e.kind() == StateKind.SAVEPOINT
                && savepointRank.getOrDefault(e.path(), 0) < retention.keepSavepoints()) {
            return Decision.keep(
                    e,
                    "one of the newest " + retention.keepSavepoints() + " savepoints of its job");
        }
        if (e.time().isAfter(cutoff)) {
            return Decision.keep(e, "younger than " + retention.maxAge());
        }
        return Decision.remove(
                e,
                e.kind() == StateKind.SAVEPOINT
                        ? "older than "
                                + retention.maxAge()
                                + " and not among the newest "
                                + retention.keepSavepoints()
                                + " savepoints of its job"
                        : "older than " + retention.maxAge());
    }

    private static String jobKey(StateEntry e) {
        return e.jobId() != null ? e.jobId() : "prefix:" + e.jobIdPrefix();
    }

    /**
     * Per job, its newest complete checkpoint or savepoint, counting savepoints named by prefix.
     */
    private static Map<String, StateEntry> newestRestorableByJob(
            List<StateEntry> entries, List<LiveJob> live) {
        Set<String> jobs = new HashSet<>();
        entries.stream().map(StateEntry::jobId).filter(j -> j != null).forEach(jobs::add);
        live.forEach(j -> jobs.add(j.jobId()));
        // A job known only from Flink's default savepoint names: its prefix stands for its id.
        // Even when a known job has the same prefix: the prefix may be another, unknown job's,
        // whose newest savepoint must not be taken for the known job's.
        for (StateEntry e : entries) {
            if (e.jobId() == null && e.jobIdPrefix() != null) {
                jobs.add(e.jobIdPrefix());
            }
        }
        Map<String, StateEntry> newest = new HashMap<>();
        for (StateEntry e : entries) {
            if (!e.restorable()) {
                continue;
            }
            for (String job : jobs) {
                if (e.belongsTo(job)) {
                    newest.merge(job, e, (a, b) -> b.time().isAfter(a.time()) ? b : a);
                }
            }
        }
        return newest;
    }

    static boolean samePath(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return strip(a).equals(strip(b));
    }

    private static String strip(String p) {
        String s = StatePaths.normalize(p);
        return s.endsWith("/_metadata") ? s.substring(0, s.length() - "/_metadata".length()) : s;
    }
}
