package io.flotilla.sidecar.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.sidecar.state.CleanupPlanner.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;

/**
 * Random checkpoint and savepoint histories, laid out as Flink writes them and read back through
 * {@link StateCatalog}: whatever retention or explicit delete is asked for, the guard holds.
 *
 * <p>Edge cases are off: mixed in, they crowd out the random histories (most tries became one job
 * with nothing in it); ties in time come from times on whole days instead.
 */
class CleanupPlannerPropertyTest {

    private static final String BUCKET = "bucket";
    private static final String PREFIX = "cluster-1/";
    private static final String ROOT = "s3://" + BUCKET + "/" + PREFIX;
    private static final String HEX = "0123456789abcdef";
    private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
    private static final int DAY = 24 * 60;
    private static final List<String> LIVE_STATUSES =
            List.of("RUNNING", "RESTARTING", "SUSPENDED", "INITIALIZING", "CREATED");

    // ---- what is generated

    record CheckpointSpec(int id, int minute, boolean complete) {}

    record SavepointSpec(
            boolean flinkDefaultFolder, String random12, int minute, boolean complete) {}

    /** An entry picked by index (modulo the candidates) and written in one of a few path forms. */
    record Ref(int index, int form) {}

    record LiveRefs(Ref restoredFrom, Ref latestCheckpoint, Ref latestSavepoint) {}

    record JobSpec(
            String id,
            boolean live,
            String status,
            List<CheckpointSpec> checkpoints,
            List<SavepointSpec> savepoints,
            Integer sharedMinute,
            LiveRefs refs) {}

    record History(
            List<JobSpec> jobs,
            boolean junk,
            List<Ref> pins,
            Retention retention,
            int nowMinute,
            List<Integer> requested,
            boolean requestAll) {}

    /** A history made concrete: the catalog's entries, live jobs, pins and request. */
    record Scenario(
            List<StateEntry> entries,
            List<JobSpec> jobs,
            List<LiveJob> live,
            List<String> pins,
            List<StateEntry> requested,
            Retention retention,
            Instant now) {

        CleanupPlanner planner() {
            return new CleanupPlanner(entries, live, pins);
        }
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<String> jobIds =
                Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.strings().withChars(HEX).ofLength(32)),
                        // jobs sharing a JobID prefix make Flink's default savepoint names
                        // ambiguous
                        Tuple.of(
                                1,
                                Arbitraries.strings()
                                        .withChars(HEX)
                                        .ofLength(26)
                                        .map(s -> "abcdef" + s)));
        // whole days now and then, so that entries share a time
        Arbitrary<Integer> minutes =
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.integers().between(0, 30 * DAY)),
                        Tuple.of(1, Arbitraries.integers().between(0, 30).map(d -> d * DAY)));
        Arbitrary<Boolean> mostlyTrue =
                Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false));
        Arbitrary<CheckpointSpec> checkpoint =
                Combinators.combine(Arbitraries.integers().between(1, 60), minutes, mostlyTrue)
                        .as(CheckpointSpec::new);
        Arbitrary<SavepointSpec> savepoint =
                Combinators.combine(
                                Arbitraries.of(true, false),
                                Arbitraries.strings().withChars(HEX).ofLength(12),
                                minutes,
                                mostlyTrue)
                        .as(SavepointSpec::new);
        Arbitrary<Ref> ref =
                Combinators.combine(
                                Arbitraries.integers().between(0, 1000),
                                Arbitraries.integers().between(0, 3))
                        .as(Ref::new);
        Arbitrary<LiveRefs> liveRefs =
                Combinators.combine(ref.injectNull(0.5), ref.injectNull(0.6), ref.injectNull(0.6))
                        .as(LiveRefs::new);
        Arbitrary<JobSpec> job =
                Combinators.combine(
                                jobIds,
                                Arbitraries.of(true, false),
                                Arbitraries.of(LIVE_STATUSES),
                                checkpoint.list().ofMaxSize(6).uniqueElements(CheckpointSpec::id),
                                savepoint.list().ofMaxSize(5),
                                minutes.injectNull(0.5),
                                liveRefs)
                        .as(JobSpec::new);
        return Combinators.combine(
                        job.list().ofMinSize(1).ofMaxSize(6).uniqueElements(JobSpec::id),
                        Arbitraries.of(true, false),
                        ref.list().ofMaxSize(3),
                        Combinators.combine(
                                        Arbitraries.integers().between(0, 4),
                                        Arbitraries.integers()
                                                .between(0, 10 * DAY)
                                                .map(m -> Duration.ofMinutes(m)))
                                .as(Retention::new),
                        Arbitraries.integers().between(0, 40 * DAY),
                        Arbitraries.integers().between(0, 1000).list().ofMaxSize(12),
                        Arbitraries.frequency(Tuple.of(1, true), Tuple.of(4, false)))
                .as(History::new);
    }

    // ---- properties

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReportMode.OFF)
    void noDeleteEverTouchesProtectedState(@ForAll("histories") History history) {
        Scenario s = scenario(history);
        CleanupPlanner planner = s.planner();

        Set<String> retentionDeletes = deletedPaths(planner.retention(s.retention(), s.now()));
        Set<String> explicitDeletes = deletedPaths(planner.delete(s.requested()));

        for (Set<String> deleted : List.of(retentionDeletes, explicitDeletes)) {
            for (LiveJob job : s.live()) {
                List<StateEntry> newest = newestRestorable(s.entries(), job.jobId());
                if (!newest.isEmpty()) {
                    assertThat(newest)
                            .as("newest restorable state of live job %s", job)
                            .anyMatch(e -> !deleted.contains(e.path()));
                }
                for (String reported :
                        new String[] {
                            job.restoredFromPath(),
                            job.latestCheckpointPath(),
                            job.latestSavepointPath()
                        }) {
                    if (reported != null) {
                        assertThat(deleted)
                                .as("path %s reported for live job %s", reported, job)
                                .doesNotContain(normalize(reported));
                    }
                }
            }
            for (String pin : s.pins()) {
                assertThat(deleted)
                        .as("entries overlapping pin %s", pin)
                        .noneMatch(path -> overlaps(path, pin));
            }
        }

        Statistics.label("explicit delete deletes something").collect(!explicitDeletes.isEmpty());
        Statistics.label("retention deletes something").collect(!retentionDeletes.isEmpty());
        Statistics.label("explicit delete refuses something")
                .collect(explicitDeletes.size() < s.requested().size());
        Statistics.label("explicit delete deletes something")
                .coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("retention deletes something")
                .coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("explicit delete refuses something")
                .coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void explicitDeleteDeletesExactlyTheRequestedEntriesTheGuardAllows(
            @ForAll("histories") History history) {
        Scenario s = scenario(history);
        CleanupPlanner planner = s.planner();

        List<Decision> plan = planner.delete(s.requested());

        assertThat(plan).extracting(Decision::entry).containsExactlyElementsOf(s.requested());
        for (Decision d : plan) {
            Optional<String> protection = planner.protection(d.entry());
            assertThat(d.delete()).as("decision for %s", d).isEqualTo(protection.isEmpty());
            protection.ifPresent(reason -> assertThat(d.reason()).isEqualTo(reason));
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void everyDecisionHasAReason(@ForAll("histories") History history) {
        Scenario s = scenario(history);
        CleanupPlanner planner = s.planner();

        List<Decision> decisions = new ArrayList<>(planner.retention(s.retention(), s.now()));
        decisions.addAll(planner.delete(s.entries()));

        assertThat(decisions).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void retentionDecidesEveryEntryOnceAndKeepsEveryJobRestorable(
            @ForAll("histories") History history) {
        Scenario s = scenario(history);

        List<Decision> plan = s.planner().retention(s.retention(), s.now());
        Set<String> deleted = deletedPaths(plan);

        assertThat(plan)
                .extracting(d -> d.entry().path())
                .containsExactlyInAnyOrderElementsOf(
                        s.entries().stream().map(StateEntry::path).toList());
        // live or not, every job that has restorable state keeps its newest
        for (JobSpec job : s.jobs()) {
            List<StateEntry> newest = newestRestorable(s.entries(), job.id());
            if (!newest.isEmpty()) {
                assertThat(newest)
                        .as("newest restorable state of job %s", job.id())
                        .anyMatch(e -> !deleted.contains(e.path()));
            }
        }
        Set<String> jobsWithKeptCheckpoints =
                plan.stream()
                        .filter(d -> !d.delete() && d.entry().kind() == StateKind.CHECKPOINT)
                        .map(d -> d.entry().jobId())
                        .collect(Collectors.toSet());
        for (Decision d : plan) {
            if (d.entry().kind() == StateKind.OTHER) {
                assertThat(d.delete()).as("retention of %s", d).isFalse();
            }
            if (d.entry().kind() == StateKind.SHARED
                    && jobsWithKeptCheckpoints.contains(d.entry().jobId())) {
                assertThat(d.delete()).as("shared state of kept checkpoints: %s", d).isFalse();
            }
        }
    }

    // ---- building a scenario

    private static Scenario scenario(History h) {
        List<StateObject> objects = new ArrayList<>();
        for (JobSpec job : h.jobs()) {
            for (CheckpointSpec c : job.checkpoints()) {
                String folder = "checkpoints/" + job.id() + "/chk-" + c.id() + "/";
                Instant t = at(c.minute());
                objects.add(object(folder + "op-1", t.minusSeconds(7)));
                objects.add(object(folder + "op-2", t.minusSeconds(3)));
                if (c.complete()) {
                    objects.add(object(folder + "_metadata", t));
                }
            }
            for (SavepointSpec sp : job.savepoints()) {
                String name = "savepoint-" + job.id().substring(0, 6) + "-" + sp.random12();
                String folder =
                        sp.flinkDefaultFolder()
                                ? "savepoints/" + name + "/"
                                : "savepoints/" + job.id() + "/" + name + "/";
                Instant t = at(sp.minute());
                objects.add(object(folder + "op-1", t.minusSeconds(2)));
                if (sp.complete()) {
                    objects.add(object(folder + "_metadata", t));
                }
            }
            if (job.sharedMinute() != null) {
                Instant t = at(job.sharedMinute());
                objects.add(object("checkpoints/" + job.id() + "/shared/sst-1", t));
                objects.add(object("checkpoints/" + job.id() + "/taskowned/t-1", t));
            }
            if (h.junk()) {
                objects.add(object("checkpoints/" + job.id() + "/", at(0)));
            }
        }
        if (h.junk()) {
            objects.add(object("notes/README", at(0)));
            objects.add(new StateObject("cluster-10/checkpoints/x/_metadata", 1, at(0)));
        }
        List<StateEntry> entries = StateCatalog.entries(BUCKET, PREFIX, objects);
        List<StateEntry> checkpoints = ofKind(entries, StateKind.CHECKPOINT);
        List<StateEntry> savepoints = ofKind(entries, StateKind.SAVEPOINT);

        List<LiveJob> live = new ArrayList<>();
        for (JobSpec job : h.jobs()) {
            if (job.live()) {
                LiveRefs r = job.refs();
                live.add(
                        new LiveJob(
                                job.id(),
                                job.status(),
                                pick(checkpoints, r.latestCheckpoint()),
                                pick(savepoints, r.latestSavepoint()),
                                pick(
                                        savepoints.isEmpty() ? entries : savepoints,
                                        r.restoredFrom())));
            }
        }
        List<String> pins = new ArrayList<>();
        for (Ref pin : h.pins()) {
            Optional.ofNullable(pickPin(entries, pin)).ifPresent(pins::add);
        }
        List<StateEntry> requested;
        if (h.requestAll()) {
            requested = entries;
        } else {
            Set<StateEntry> subset = new LinkedHashSet<>();
            if (!entries.isEmpty()) {
                h.requested().forEach(i -> subset.add(entries.get(i % entries.size())));
            }
            requested = List.copyOf(subset);
        }
        Instant now = at(h.nowMinute());
        return new Scenario(entries, h.jobs(), live, pins, requested, h.retention(), now);
    }

    private static StateObject object(String rel, Instant time) {
        return new StateObject(PREFIX + rel, 64, time);
    }

    private static Instant at(int minute) {
        return BASE.plus(Duration.ofMinutes(minute));
    }

    private static List<StateEntry> ofKind(List<StateEntry> entries, StateKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    /** A path as Flink might report it: the folder, with a trailing slash, or its _metadata. */
    private static String pick(List<StateEntry> candidates, Ref ref) {
        if (ref == null || candidates.isEmpty()) {
            return null;
        }
        String path = candidates.get(ref.index() % candidates.size()).path();
        return switch (ref.form()) {
            case 1 -> path + "/";
            case 2 -> path + "/_metadata";
            default -> path;
        };
    }

    /** A pin on an entry, inside it or on the folder containing it. */
    private static String pickPin(List<StateEntry> entries, Ref ref) {
        if (entries.isEmpty()) {
            return null;
        }
        String path = entries.get(ref.index() % entries.size()).path();
        return switch (ref.form()) {
            case 1 -> path + "/";
            case 2 -> path + "/_metadata";
            case 3 -> path.substring(0, path.lastIndexOf('/'));
            default -> path;
        };
    }

    // ---- the oracle, written independently of the planner

    /** The restorable entries of {@code job} with the newest time (more than one on a tie). */
    private static List<StateEntry> newestRestorable(List<StateEntry> entries, String job) {
        List<StateEntry> mine =
                entries.stream()
                        .filter(
                                e ->
                                        e.complete()
                                                && (e.kind() == StateKind.CHECKPOINT
                                                        || e.kind() == StateKind.SAVEPOINT))
                        .filter(e -> e.belongsTo(job))
                        .toList();
        Optional<Instant> newest =
                mine.stream().map(StateEntry::time).max(Comparator.naturalOrder());
        return newest.map(t -> mine.stream().filter(e -> e.time().equals(t)).toList())
                .orElse(List.of());
    }

    private static Set<String> deletedPaths(List<Decision> plan) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        plan.stream().filter(Decision::delete).forEach(d -> out.put(d.entry().path(), true));
        return out.keySet();
    }

    /** The entry path a reported path names: no trailing slash, no {@code /_metadata}. */
    private static String normalize(String reported) {
        String p = reported.endsWith("/") ? reported.substring(0, reported.length() - 1) : reported;
        return p.endsWith("/_metadata") ? p.substring(0, p.length() - "/_metadata".length()) : p;
    }

    /** True when one of the two folders lies inside the other, or they are the same. */
    private static boolean overlaps(String entryPath, String pin) {
        String a = entryPath.endsWith("/") ? entryPath : entryPath + "/";
        String b = pin.endsWith("/") ? pin : pin + "/";
        return a.startsWith(b) || b.startsWith(a);
    }
}
