package io.flotilla.sidecar.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flotilla.sidecar.state.CleanupPlanner.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleanupPlannerTest {

    private static final String BUCKET = "bucket";
    private static final String PREFIX = "cluster-1/";
    private static final String ROOT = "s3://" + BUCKET + "/" + PREFIX;

    private static final String LIVE = "aaaaaa00000000000000000000000001";
    private static final String OTHER_LIVE = "bbbbbb00000000000000000000000002";
    private static final String DEAD = "cccccc00000000000000000000000003";

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final Retention KEEP_NOTHING = new Retention(0, Duration.ZERO);

    private final List<StateObject> objects = new ArrayList<>();

    // ---- layout helpers: each writes the objects Flink would write and returns the entry path

    private String checkpoint(String job, long id, Instant time, boolean complete) {
        String folder = "checkpoints/" + job + "/chk-" + id;
        put(folder + "/" + "state-" + id, time.minusSeconds(5));
        if (complete) {
            put(folder + "/_metadata", time);
        }
        return ROOT + folder;
    }

    private String savepoint(String job, String random12, Instant time) {
        String folder = "savepoints/" + job + "/savepoint-" + job.substring(0, 6) + "-" + random12;
        put(folder + "/op-state", time.minusSeconds(5));
        put(folder + "/_metadata", time);
        return ROOT + folder;
    }

    private String defaultSavepoint(String job, String random12, Instant time) {
        String folder = "savepoints/savepoint-" + job.substring(0, 6) + "-" + random12;
        put(folder + "/op-state", time.minusSeconds(5));
        put(folder + "/_metadata", time);
        return ROOT + folder;
    }

    private String shared(String job, Instant time) {
        String folder = "checkpoints/" + job + "/shared";
        put(folder + "/sst-1", time);
        return ROOT + folder;
    }

    private String other(String rel, Instant time) {
        put(rel, time);
        return ROOT + rel.substring(0, rel.lastIndexOf('/'));
    }

    private void put(String rel, Instant time) {
        objects.add(new StateObject(PREFIX + rel, 100, time));
    }

    private List<StateEntry> entries() {
        return StateCatalog.entries(BUCKET, PREFIX, objects);
    }

    private StateEntry entry(String path) {
        return entries().stream()
                .filter(e -> e.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + path + " in " + entries()));
    }

    private CleanupPlanner planner(List<LiveJob> live, List<String> pins) {
        return new CleanupPlanner(entries(), live, pins);
    }

    private CleanupPlanner planner(LiveJob... live) {
        return planner(List.of(live), List.of());
    }

    private static LiveJob running(String job) {
        return new LiveJob(job, "RUNNING", null, null, null);
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private Map<String, Decision> retention(CleanupPlanner planner, Retention retention) {
        List<Decision> plan = planner.retention(retention, NOW);
        assertThat(plan).extracting(Decision::reason).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(plan).hasSize(entries().size());
        return plan.stream().collect(Collectors.toMap(d -> d.entry().path(), Function.identity()));
    }

    private Decision deleteOne(CleanupPlanner planner, String path) {
        List<Decision> plan = planner.delete(List.of(entry(path)));
        assertThat(plan).hasSize(1);
        return plan.get(0);
    }

    // ---- the guard: live jobs

    @Test
    void newestCheckpointOfRunningJobIsNeverDeleted() {
        String older = checkpoint(LIVE, 5, daysAgo(3), true);
        String newest = checkpoint(LIVE, 6, daysAgo(2), true);
        CleanupPlanner planner = planner(running(LIVE));

        assertThat(planner.newestRestorable(entry(newest))).isTrue();
        assertThat(planner.protection(entry(newest)))
                .hasValueSatisfying(
                        r -> assertThat(r).contains("newest restorable").contains(LIVE));

        List<Decision> explicit = planner.delete(List.of(entry(newest), entry(older)));
        assertThat(explicit)
                .extracting(d -> d.entry().path(), Decision::delete)
                .containsExactly(tuple(newest, false), tuple(older, true));
        assertThat(explicit.get(1).reason()).isEqualTo("requested");

        assertThat(retention(planner, KEEP_NOTHING).get(newest).delete()).isFalse();
    }

    @Test
    void newestRestorableStateOfLiveJobIsProtectedWhenItIsASavepointNamedByPrefixOnly() {
        checkpoint(LIVE, 5, daysAgo(3), true);
        String sp = defaultSavepoint(LIVE, "0123456789ab", daysAgo(1));
        LiveJob restarting = new LiveJob(LIVE, "RESTARTING", null, null, null);

        assertThat(planner(restarting).protection(entry(sp)))
                .hasValueSatisfying(r -> assertThat(r).contains("newest restorable"));
    }

    @Test
    void olderRetainedCheckpointOfLiveJobIsNotGuardedButKeptByRetention() {
        String older = checkpoint(LIVE, 5, daysAgo(30), true);
        checkpoint(LIVE, 6, daysAgo(29), true);
        CleanupPlanner planner = planner(running(LIVE));

        assertThat(planner.protection(entry(older))).isEmpty();
        assertThat(planner.newestRestorable(entry(older))).isFalse();
        Decision d = retention(planner, KEEP_NOTHING).get(older);
        assertThat(d.delete()).isFalse();
        assertThat(d.reason()).contains("retained checkpoint of a live job");
    }

    @Test
    void incompleteCheckpointOfLiveJobIsProtected() {
        checkpoint(LIVE, 5, daysAgo(30), true);
        String inProgress = checkpoint(LIVE, 6, daysAgo(29), false);
        CleanupPlanner planner = planner(running(LIVE));

        assertThat(planner.protection(entry(inProgress)))
                .hasValueSatisfying(r -> assertThat(r).contains("in progress"));
        assertThat(deleteOne(planner, inProgress).delete()).isFalse();
        assertThat(retention(planner, KEEP_NOTHING).get(inProgress).delete()).isFalse();
    }

    @Test
    void sharedStateOfLiveJobIsProtected() {
        checkpoint(LIVE, 5, daysAgo(30), true);
        String shared = shared(LIVE, daysAgo(40));
        CleanupPlanner planner = planner(running(LIVE));

        assertThat(planner.protection(entry(shared)))
                .hasValueSatisfying(r -> assertThat(r).contains("shared state"));
        assertThat(deleteOne(planner, shared).delete()).isFalse();
        assertThat(retention(planner, KEEP_NOTHING).get(shared).delete()).isFalse();
    }

    @Test
    void pathLiveJobRestoredFromIsProtectedEvenWhenItBelongsToAnOldJob() {
        String oldSavepoint = savepoint(DEAD, "0123456789ab", daysAgo(60));
        String newerOfDead = checkpoint(DEAD, 9, daysAgo(50), true);
        checkpoint(LIVE, 1, daysAgo(1), true);
        LiveJob restored = new LiveJob(LIVE, "RUNNING", null, null, oldSavepoint + "/_metadata");
        CleanupPlanner planner = planner(restored);

        assertThat(planner.protection(entry(oldSavepoint)))
                .hasValueSatisfying(r -> assertThat(r).contains("restored from").contains(LIVE));
        assertThat(deleteOne(planner, oldSavepoint).delete()).isFalse();
        assertThat(retention(planner, KEEP_NOTHING).get(oldSavepoint).delete()).isFalse();
        // only the exact path is protected, not everything of the old job
        assertThat(planner.protection(entry(newerOfDead))).isEmpty();
    }

    @Test
    void pathFlinkReportsAsLatestCheckpointIsProtected() {
        String reported = checkpoint(LIVE, 5, daysAgo(3), true);
        checkpoint(LIVE, 6, daysAgo(2), true);
        LiveJob job = new LiveJob(LIVE, "RUNNING", reported + "/", null, null);
        CleanupPlanner planner = planner(job);

        assertThat(planner.protection(entry(reported)))
                .hasValueSatisfying(r -> assertThat(r).contains("Flink reports"));
        assertThat(deleteOne(planner, reported).delete()).isFalse();
    }

    @Test
    void pathFlinkReportsAsLatestSavepointIsProtected() {
        String reported = savepoint(LIVE, "0123456789ab", daysAgo(30));
        checkpoint(LIVE, 6, daysAgo(2), true);
        LiveJob job = new LiveJob(LIVE, "SUSPENDED", null, reported, null);
        CleanupPlanner planner = planner(job);

        assertThat(planner.protection(entry(reported)))
                .hasValueSatisfying(r -> assertThat(r).contains("Flink reports"));
        assertThat(retention(planner, KEEP_NOTHING).get(reported).delete()).isFalse();
    }

    @Test
    void stateOfOtherJobsIsNotProtectedByALiveJob() {
        String deadNewest = checkpoint(DEAD, 3, daysAgo(30), true);
        String deadShared = shared(DEAD, daysAgo(30));
        String deadInProgress = checkpoint(DEAD, 4, daysAgo(29), false);
        CleanupPlanner planner = planner(running(LIVE), running(OTHER_LIVE));

        assertThat(planner.protection(entry(deadNewest))).isEmpty();
        assertThat(planner.protection(entry(deadShared))).isEmpty();
        assertThat(planner.protection(entry(deadInProgress))).isEmpty();
    }

    // ---- the guard: pins

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/_metadata", "/op-state"})
    void pinnedSavepointIsProtectedByPinEqualToOrInsideIt(String suffix) {
        String sp = savepoint(DEAD, "0123456789ab", daysAgo(90));
        checkpoint(DEAD, 9, daysAgo(1), true);
        CleanupPlanner planner = planner(List.of(), List.of(sp + suffix));

        assertThat(planner.protection(entry(sp)))
                .hasValueSatisfying(r -> assertThat(r).contains("pinned"));
        assertThat(deleteOne(planner, sp).delete()).isFalse();
        assertThat(retention(planner, KEEP_NOTHING).get(sp).delete()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"savepoints", "savepoints/", "savepoints/" + DEAD, ""})
    void pinnedSavepointIsProtectedByPinContainingIt(String pinRel) {
        String sp = savepoint(DEAD, "0123456789ab", daysAgo(90));
        CleanupPlanner planner = planner(List.of(), List.of(ROOT + pinRel));

        assertThat(planner.protection(entry(sp))).isPresent();
        assertThat(deleteOne(planner, sp).delete()).isFalse();
    }

    @Test
    void pinThatIsOnlyAStringPrefixOfAPathDoesNotProtectIt() {
        String sp = savepoint(DEAD, "0123456789ab", daysAgo(90));
        String sibling = sp.substring(0, sp.length() - 1);
        CleanupPlanner planner = planner(List.of(), List.of(sibling));

        assertThat(planner.protection(entry(sp))).isEmpty();
    }

    // ---- retention

    @Test
    void retentionKeepsNewestSavepointsOfEachJobAndDeletesOlderOnesWithAReason() {
        // both jobs run and have a newer checkpoint, so no savepoint is a newest restorable state
        List<String> liveSavepoints = new ArrayList<>();
        List<String> otherSavepoints = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            liveSavepoints.add(savepoint(LIVE, "00000000000" + i, daysAgo(20 - i)));
            otherSavepoints.add(defaultSavepoint(OTHER_LIVE, "00000000000" + i, daysAgo(40 - i)));
        }
        checkpoint(LIVE, 50, daysAgo(1), true);
        checkpoint(OTHER_LIVE, 50, daysAgo(1), true);

        Map<String, Decision> plan =
                retention(
                        planner(running(LIVE), running(OTHER_LIVE)),
                        new Retention(2, Duration.ofDays(7)));

        for (List<String> sps : List.of(liveSavepoints, otherSavepoints)) {
            // index 3 is the newest
            assertThat(plan.get(sps.get(3)).delete()).isFalse();
            assertThat(plan.get(sps.get(2)).delete()).isFalse();
            assertThat(plan.get(sps.get(2)).reason()).contains("newest 2 savepoints");
            assertThat(plan.get(sps.get(1)).delete()).isTrue();
            assertThat(plan.get(sps.get(0)).delete()).isTrue();
            assertThat(plan.get(sps.get(0)).reason())
                    .contains("older than PT168H")
                    .contains("not among the newest 2");
        }
    }

    @Test
    void retentionKeepsAnythingYoungerThanMaxAge() {
        String young = savepoint(DEAD, "00000000000a", NOW.minus(Duration.ofHours(23)));
        String old = savepoint(DEAD, "00000000000b", NOW.minus(Duration.ofHours(25)));
        String youngChk = checkpoint(DEAD, 1, NOW.minus(Duration.ofHours(2)), false);
        checkpoint(DEAD, 2, NOW.minus(Duration.ofHours(1)), true);

        Map<String, Decision> plan = retention(planner(), new Retention(0, Duration.ofDays(1)));

        assertThat(plan.get(young).delete()).isFalse();
        assertThat(plan.get(young).reason()).contains("younger than PT24H");
        assertThat(plan.get(youngChk).delete()).isFalse();
        assertThat(plan.get(old).delete()).isTrue();
    }

    @Test
    void newestRestorableStateOfDeadJobIsKeptByRetentionButDeletableExplicitly() {
        String older = checkpoint(DEAD, 3, daysAgo(40), true);
        String newest = checkpoint(DEAD, 4, daysAgo(30), true);
        String inProgress = checkpoint(DEAD, 5, daysAgo(29), false);
        CleanupPlanner planner = planner(running(LIVE));

        Map<String, Decision> plan = retention(planner, KEEP_NOTHING);
        assertThat(plan.get(newest).delete()).isFalse();
        assertThat(plan.get(newest).reason()).contains("newest restorable state").contains(DEAD);
        assertThat(plan.get(older).delete()).isTrue();
        assertThat(plan.get(inProgress).delete()).isTrue();

        assertThat(planner.protection(entry(newest))).isEmpty();
        assertThat(deleteOne(planner, newest).delete()).isTrue();
    }

    @Test
    void newestSavepointOfDeadJobIsKeptByRetentionWhenFlinkNamedItByJobIdPrefix() {
        // stop-with-savepoint into Flink's default directory after the last checkpoint
        String lastCheckpoint = checkpoint(DEAD, 4, daysAgo(31), true);
        String finalSavepoint = defaultSavepoint(DEAD, "0123456789ab", daysAgo(30));
        CleanupPlanner planner = planner();

        assertThat(planner.newestRestorable(entry(finalSavepoint))).isTrue();
        Map<String, Decision> plan = retention(planner, KEEP_NOTHING);
        assertThat(plan.get(finalSavepoint).delete()).isFalse();
        assertThat(plan.get(finalSavepoint).reason()).contains("newest restorable state");
        assertThat(plan.get(lastCheckpoint).delete()).isTrue();
    }

    @Test
    void newestSavepointOfDeadJobKnownOnlyByJobIdPrefixIsKeptByRetention() {
        String older = defaultSavepoint(DEAD, "00000000000a", daysAgo(31));
        String newest = defaultSavepoint(DEAD, "00000000000b", daysAgo(30));
        CleanupPlanner planner = planner();

        Map<String, Decision> plan = retention(planner, KEEP_NOTHING);
        assertThat(plan.get(newest).delete()).isFalse();
        assertThat(plan.get(older).delete()).isTrue();
    }

    @Test
    void otherIsNeverDeletedByRetention() {
        String readme = other("notes/README", daysAgo(400));
        String marker = other("checkpoints/" + DEAD + "/", daysAgo(400));
        CleanupPlanner planner = planner();

        Map<String, Decision> plan = retention(planner, KEEP_NOTHING);
        assertThat(plan.get(readme).delete()).isFalse();
        assertThat(plan.get(readme).reason()).contains("not a checkpoint or savepoint");
        assertThat(plan.get(marker).delete()).isFalse();
    }

    @Test
    void sharedStateOfDeadJobIsKeptWhileOneOfItsCheckpointsIsKept() {
        checkpoint(DEAD, 3, daysAgo(40), true);
        String shared = shared(DEAD, daysAgo(40));

        Decision d = retention(planner(), KEEP_NOTHING).get(shared);
        assertThat(d.delete()).isFalse();
        assertThat(d.reason()).contains("kept checkpoints");
    }

    @Test
    void sharedStateOfDeadJobIsDeletedWhenNoneOfItsCheckpointsIsKept() {
        String chk = checkpoint(DEAD, 3, daysAgo(40), true);
        String shared = shared(DEAD, daysAgo(40));
        savepoint(DEAD, "0123456789ab", daysAgo(39)); // newer, so the checkpoint may go

        Map<String, Decision> plan = retention(planner(), KEEP_NOTHING);
        assertThat(plan.get(chk).delete()).isTrue();
        assertThat(plan.get(shared).delete()).isTrue();
        assertThat(plan.get(shared).reason()).contains("no checkpoint left");
    }

    @Test
    void youngSharedStateOfDeadJobIsKeptEvenWithoutCheckpoints() {
        String shared = shared(DEAD, daysAgo(1));

        Decision d = retention(planner(), new Retention(0, Duration.ofDays(2))).get(shared);
        assertThat(d.delete()).isFalse();
        assertThat(d.reason()).contains("younger than");
    }

    @Test
    void explicitDeleteDecidesExactlyTheRequestedEntries() {
        String a = checkpoint(DEAD, 3, daysAgo(40), true);
        String b = checkpoint(DEAD, 4, daysAgo(30), true);
        checkpoint(DEAD, 5, daysAgo(20), true);
        CleanupPlanner planner = planner();

        assertThat(planner.delete(List.of(entry(b), entry(a))))
                .extracting(d -> d.entry().path(), Decision::delete)
                .containsExactly(tuple(b, true), tuple(a, true));
    }

    @Test
    void sharedStateOfAPinnedCheckpointOfAnEndedJobIsProtected() {
        String pinned = checkpoint(DEAD, 3, daysAgo(9), true);
        String sharedFolder = shared(DEAD, daysAgo(9));
        CleanupPlanner planner = planner(List.of(), List.of(pinned));

        assertThat(planner.protection(entry(sharedFolder))).get().asString().contains("pinned");
        assertThat(deleteOne(planner, sharedFolder).delete()).isFalse();
    }

    @Test
    void sharedStateOfACheckpointALiveJobRestoredFromIsProtected() {
        String old = checkpoint(DEAD, 7, daysAgo(9), true);
        String sharedFolder = shared(DEAD, daysAgo(9));
        LiveJob restored = new LiveJob(LIVE, "RUNNING", null, null, old);

        assertThat(planner(restored).protection(entry(sharedFolder)))
                .get()
                .asString()
                .contains("restores or restored from");
    }

    @Test
    void unfinishedSavepointOfALiveJobIsProtected() {
        String folder = "savepoints/" + LIVE + "/savepoint-aaaaaa-000000000001";
        put(folder + "/op-state", daysAgo(3));
        String path = ROOT + folder;

        assertThat(planner(running(LIVE)).protection(entry(path)))
                .get()
                .asString()
                .contains("savepoint in progress");
        assertThat(retention(planner(running(LIVE)), KEEP_NOTHING).get(path).delete()).isFalse();
    }

    @Test
    void olderCheckpointWithoutMetadataIsALeftoverNotACheckpointInProgress() {
        String leftover = checkpoint(LIVE, 2, daysAgo(2), false);
        checkpoint(LIVE, 5, daysAgo(1), true);
        String inProgress = checkpoint(LIVE, 6, daysAgo(0), false);
        CleanupPlanner planner = planner(running(LIVE));

        assertThat(planner.protection(entry(leftover))).isEmpty();
        assertThat(planner.protection(entry(inProgress)))
                .get()
                .asString()
                .contains("checkpoint in progress");
    }

    @Test
    void emptyFolderLeftByDeletedStateGoesWithRetentionAndItsMarkerHasNoSize() {
        objects.add(new StateObject(PREFIX + "checkpoints/" + DEAD + "/chk-1/", 4096, daysAgo(0)));
        String path = ROOT + "checkpoints/" + DEAD + "/chk-1";

        assertThat(entry(path).empty()).isTrue();
        assertThat(entry(path).size()).isZero();
        Decision d = retention(planner(), new Retention(5, Duration.ofDays(30))).get(path);
        assertThat(d.delete()).isTrue();
        assertThat(d.reason()).contains("empty folder");
    }
}
