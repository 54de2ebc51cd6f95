package io.flotilla.sidecar.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.flotilla.http.ApiException;
import io.flotilla.sidecar.state.StateApi.EntryView;
import io.flotilla.sidecar.state.StateApi.Outcome;
import io.flotilla.sidecar.state.StateApi.PathResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateServiceTest {

    private static final String BUCKET = "bucket";
    private static final String PREFIX = "cluster-1/";
    private static final String ROOT = "s3://bucket/cluster-1/";
    private static final String LIVE = "aaaaaa00000000000000000000000001";
    private static final String DEAD = "cccccc00000000000000000000000003";
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    private final TestingStateStore store = new TestingStateStore();
    private volatile Supplier<List<LiveJob>> liveJobs = List::of;
    private StateService service;

    @BeforeEach
    void start() {
        service =
                new StateService(
                        store,
                        () -> liveJobs.get(),
                        "s3://bucket/cluster-1",
                        Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    // ---- layout helpers

    private String checkpoint(String job, long id, Instant time) {
        String folder = "checkpoints/" + job + "/chk-" + id + "/";
        put(folder + "op-1", time.minusSeconds(3));
        put(folder + "op-2", time.minusSeconds(2));
        put(folder + "op-3", time.minusSeconds(1));
        put(folder + "_metadata", time);
        return ROOT + folder.substring(0, folder.length() - 1);
    }

    private String savepoint(String job, String random12, Instant time) {
        String folder = "savepoints/" + job + "/savepoint-" + job.substring(0, 6) + "-" + random12;
        put(folder + "/op-1", time.minusSeconds(1));
        put(folder + "/_metadata", time);
        return ROOT + folder;
    }

    private void put(String rel, Instant time) {
        store.put(BUCKET, PREFIX + rel, 10, time);
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private Set<String> keys() {
        return store.keys(BUCKET);
    }

    private Set<String> keysUnder(String path) {
        String keyPrefix = path.substring("s3://bucket/".length()) + "/";
        return keys().stream().filter(k -> k.startsWith(keyPrefix)).collect(Collectors.toSet());
    }

    private EntryView view(String path) {
        return service.list().stream()
                .filter(v -> v.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + path));
    }

    private static Outcome outcomeOf(ApiException e) {
        assertThat(e.detail()).isInstanceOf(Outcome.class);
        return (Outcome) e.detail();
    }

    // ---- listing one path

    @Test
    void listingUnderOnePathListsOnlyThatPathsObjectsAndNotItsNumericNeighbours() {
        String chk1 = checkpoint(LIVE, 1, daysAgo(2));
        checkpoint(LIVE, 10, daysAgo(1));
        String sp = savepoint(DEAD, "0123456789ab", daysAgo(3));
        store.listed.clear();

        assertThat(service.list(chk1)).extracting(EntryView::path).containsExactly(chk1);
        assertThat(store.listed).containsExactly(PREFIX + "checkpoints/" + LIVE + "/chk-1/");
        assertThat(service.list("s3a://bucket//cluster-1/" + sp.substring(ROOT.length()) + "/"))
                .singleElement()
                .satisfies(v -> assertThat(v.complete()).isTrue());
        assertThat(service.list(ROOT + "checkpoints/" + LIVE + "/chk-2")).isEmpty();
        assertThat(service.list("s3://other-bucket/cluster-1/checkpoints/x/chk-1")).isEmpty();
        assertThat(service.list("s3://bucket/cluster-10/checkpoints/x/chk-1")).isEmpty();
        assertThat(service.list(null)).hasSize(3);
    }

    @Test
    void listingTheStateOfSomeJobsListsOnlyTheirFolders() {
        String chk = checkpoint(LIVE, 3, daysAgo(2));
        String sp = savepoint(LIVE, "0123456789ab", daysAgo(1));
        checkpoint(DEAD, 1, daysAgo(1));
        store.listed.clear();

        assertThat(service.listJobs(LIVE + ", " + LIVE))
                .extracting(EntryView::path)
                .containsExactlyInAnyOrder(chk, sp);
        assertThat(store.listed)
                .containsExactly(
                        PREFIX + "checkpoints/" + LIVE + "/", PREFIX + "savepoints/" + LIVE + "/");
        assertThat(service.listJobs(LIVE).get(0).size()).isPositive();
        assertThat(service.listJobs("")).isEmpty();
    }

    @Test
    void listingTheStateOfSomethingThatIsNoJobIdIsRejectedNamingTheField() {
        ApiException e =
                catchThrowableOfType(
                        ApiException.class, () -> service.listJobs(LIVE + ",../../etc"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("jobs", "32 lower-case hex", "'../../etc'");
        assertThat(store.listed).isEmpty();
    }

    // ---- the guard

    @Test
    void deleteTouchingProtectedStateIsRefusedWith409AndDeletesNothing() {
        String oldLive = checkpoint(LIVE, 5, daysAgo(3));
        String newestLive = checkpoint(LIVE, 6, daysAgo(2));
        String deadSavepoint = savepoint(DEAD, "0123456789ab", daysAgo(30));
        liveJobs = () -> List.of(new LiveJob(LIVE, "RUNNING", null, null, null));
        Set<String> before = keys();

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(
                        () ->
                                service.delete(
                                        List.of(deadSavepoint, newestLive, oldLive),
                                        List.of(),
                                        false))
                .satisfies(
                        e -> {
                            assertThat(e.status()).isEqualTo(409);
                            assertThat(e.code()).isEqualTo("protected_state");
                            assertThat(e.field()).isEqualTo("paths");
                            assertThat(e.getMessage())
                                    .contains("1 of 3")
                                    .contains("nothing was deleted")
                                    .contains(newestLive);
                            Outcome o = outcomeOf(e);
                            assertThat(o.kept())
                                    .extracting(PathResult::path)
                                    .containsExactly(newestLive);
                            assertThat(o.kept().get(0).reason()).contains("newest restorable");
                            assertThat(o.deleted())
                                    .extracting(PathResult::action)
                                    .containsOnly("would delete");
                        });

        assertThat(keys()).isEqualTo(before);
        assertThat(store.deleteCalls()).isEmpty();
    }

    @Test
    void deleteOfPinnedPathIsRefusedWith409() {
        String sp = savepoint(DEAD, "0123456789ab", daysAgo(30));
        checkpoint(DEAD, 9, daysAgo(1));
        Set<String> before = keys();

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.delete(List.of(sp), List.of(sp + "/_metadata"), false))
                .satisfies(e -> assertThat(e.code()).isEqualTo("protected_state"));

        assertThat(keys()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s3://bucket/cluster-2/checkpoints/x/chk-1",
                "s3://bucket/cluster-10/checkpoints/x/chk-1",
                "s3://other-bucket/cluster-1/checkpoints/x/chk-1",
                "s3://bucket/cluster-1",
                "s3://bucket/cluster-1/../cluster-2/savepoints/x",
                "s3://bucket/cluster-1/./checkpoints/x/chk-1",
                "/cluster-1/checkpoints/x/chk-1",
                ""
            })
    void pathOutsideTheStatePrefixIsRejectedWith400(String path) {
        checkpoint(DEAD, 1, daysAgo(10));
        Set<String> before = keys();

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.delete(List.of(path), List.of(), false))
                .satisfies(
                        e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.code()).isEqualTo("outside_prefix");
                            assertThat(e.field()).isEqualTo("paths");
                            assertThat(e.getMessage()).contains(ROOT);
                        });
        assertThat(keys()).isEqualTo(before);
    }

    @Test
    void pinOutsideTheStatePrefixIsRejectedWith400() {
        String chk = checkpoint(DEAD, 1, daysAgo(10));

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(
                        () ->
                                service.delete(
                                        List.of(chk), List.of("s3://bucket/cluster-2/x"), false))
                .satisfies(
                        e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.code()).isEqualTo("outside_prefix");
                            assertThat(e.field()).isEqualTo("pins");
                        });
        assertThat(store.deleteCalls()).isEmpty();
    }

    @Test
    void unknownPathIsRejectedWith404AndNothingIsDeleted() {
        String chk = checkpoint(DEAD, 1, daysAgo(10));
        Set<String> before = keys();
        String unknown = ROOT + "checkpoints/" + DEAD + "/chk-2";

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.delete(List.of(chk, unknown), List.of(), false))
                .satisfies(
                        e -> {
                            assertThat(e.status()).isEqualTo(404);
                            assertThat(e.code()).isEqualTo("no_such_state");
                            assertThat(e.getMessage()).contains(unknown);
                        });
        assertThat(keys()).isEqualTo(before);
    }

    @Test
    void emptyDeleteRequestIsRejectedWith400() {
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.delete(List.of(), List.of(), false))
                .satisfies(
                        e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.code()).isEqualTo("empty_request");
                        });
    }

    @Test
    void unreachableClusterAnswers503AndNothingIsDeleted() {
        String chk = checkpoint(DEAD, 1, daysAgo(10));
        liveJobs =
                () -> {
                    throw new IllegalStateException("connection refused");
                };
        Set<String> before = keys();

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.delete(List.of(chk), List.of(), false))
                .satisfies(
                        e -> {
                            assertThat(e.status()).isEqualTo(503);
                            assertThat(e.code()).isEqualTo("cluster_unreachable");
                            assertThat(e.getMessage()).contains("connection refused");
                        });
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.retention(0, Duration.ZERO, List.of(), false))
                .satisfies(e -> assertThat(e.status()).isEqualTo(503));

        assertThat(keys()).isEqualTo(before);
        assertThat(store.deleteCalls()).isEmpty();
    }

    @Test
    void failedListingDeletesNothing() {
        String chk = checkpoint(DEAD, 1, daysAgo(10));
        store.failListing(true);
        Set<String> before = keys();

        assertThatExceptionOfType(RuntimeException.class)
                .isThrownBy(() -> service.delete(List.of(chk), List.of(), false));
        assertThatExceptionOfType(RuntimeException.class)
                .isThrownBy(() -> service.retention(0, Duration.ZERO, List.of(), false));

        assertThat(keys()).isEqualTo(before);
        assertThat(store.deleteCalls()).isEmpty();
    }

    // ---- deleting

    @Test
    void deleteRemovesEveryObjectOfTheRequestedEntriesAndNothingElse() {
        String older = checkpoint(DEAD, 1, daysAgo(10));
        String newer = checkpoint(DEAD, 2, daysAgo(9));
        String sp = savepoint(DEAD, "0123456789ab", daysAgo(8));

        Outcome o = service.delete(List.of(older + "/", sp), List.of(), false);

        assertThat(o.dryRun()).isFalse();
        assertThat(o.complete()).isTrue();
        assertThat(o.failed()).isEmpty();
        assertThat(o.deleted())
                .extracting(PathResult::path, PathResult::action)
                .containsExactly(tuple(older, "deleted"), tuple(sp, "deleted"));
        assertThat(keysUnder(older)).isEmpty();
        assertThat(keysUnder(sp)).isEmpty();
        assertThat(keysUnder(newer)).hasSize(4);
        assertThat(keys()).hasSize(4);
    }

    @Test
    void dryRunDeletesNothingAndReportsWouldDelete() {
        String older = checkpoint(DEAD, 1, daysAgo(10));
        checkpoint(DEAD, 2, daysAgo(9));
        Set<String> before = keys();

        Outcome o = service.delete(List.of(older), List.of(), true);

        assertThat(o.dryRun()).isTrue();
        assertThat(o.deleted())
                .extracting(PathResult::path, PathResult::action)
                .containsExactly(tuple(older, "would delete"));
        assertThat(keys()).isEqualTo(before);
        assertThat(store.deleteCalls()).isEmpty();
    }

    @Test
    void retentionDryRunDeletesNothingAndReportsWhatItWouldDeleteAndKeep() {
        String older = checkpoint(DEAD, 1, daysAgo(10));
        String newest = checkpoint(DEAD, 2, daysAgo(9));
        Set<String> before = keys();

        Outcome o = service.retention(0, Duration.ofDays(1), List.of(), true);

        assertThat(o.deleted())
                .extracting(PathResult::path, PathResult::action)
                .containsExactly(tuple(older, "would delete"));
        assertThat(o.kept()).extracting(PathResult::path).containsExactly(newest);
        assertThat(keys()).isEqualTo(before);
    }

    @Test
    void retentionDeletesWhatThePlanAllowsAndKeepsProtectedState() {
        String liveOld = checkpoint(LIVE, 5, daysAgo(30));
        String liveNewest = checkpoint(LIVE, 6, daysAgo(29));
        String liveSavepoint = savepoint(LIVE, "0123456789ab", daysAgo(40));
        String deadOld = checkpoint(DEAD, 1, daysAgo(50));
        String deadNewest = checkpoint(DEAD, 2, daysAgo(49));
        String pinned = savepoint(DEAD, "00000000000a", daysAgo(60));
        liveJobs = () -> List.of(new LiveJob(LIVE, "RUNNING", null, null, null));

        Outcome o = service.retention(0, Duration.ofDays(7), List.of(pinned), false);

        assertThat(o.complete()).isTrue();
        assertThat(o.deleted())
                .extracting(PathResult::path)
                .containsExactlyInAnyOrder(liveSavepoint, deadOld);
        assertThat(o.kept())
                .extracting(PathResult::path)
                .containsExactlyInAnyOrder(liveOld, liveNewest, deadNewest, pinned);
        assertThat(keysUnder(liveSavepoint)).isEmpty();
        assertThat(keysUnder(deadOld)).isEmpty();
        for (String kept : List.of(liveOld, liveNewest, deadNewest, pinned)) {
            assertThat(keysUnder(kept)).as(kept).isNotEmpty();
        }
    }

    @Test
    void invalidRetentionSettingsAreRejectedWith400() {
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.retention(-1, Duration.ZERO, List.of(), true))
                .satisfies(e -> assertThat(e.field()).isEqualTo("keepSavepoints"));
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.retention(0, Duration.ofDays(-1), List.of(), true))
                .satisfies(e -> assertThat(e.field()).isEqualTo("maxAge"));
    }

    // ---- partial failure

    @Test
    void failedObjectDeleteAnswers502ListingFailedAndDeletedPaths() {
        String broken = checkpoint(DEAD, 3, daysAgo(12));
        String sp = savepoint(DEAD, "0123456789ab", daysAgo(11));
        String newest = checkpoint(DEAD, 4, daysAgo(10));
        store.failDeletesOf(key -> key.endsWith("/chk-3/op-2"));

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.delete(List.of(broken, sp), List.of(), false))
                .satisfies(
                        e -> {
                            assertThat(e.status()).isEqualTo(502);
                            assertThat(e.code()).isEqualTo("partial_delete");
                            assertThat(e.getMessage()).contains("1 of 2");
                            Outcome o = outcomeOf(e);
                            assertThat(o.complete()).isFalse();
                            assertThat(o.dryRun()).isFalse();
                            assertThat(o.failed())
                                    .singleElement()
                                    .satisfies(
                                            f -> {
                                                assertThat(f.path()).isEqualTo(broken);
                                                assertThat(f.action()).isEqualTo("failed");
                                                assertThat(f.error()).contains("chk-3/op-2");
                                            });
                            assertThat(o.deleted())
                                    .extracting(PathResult::path, PathResult::action)
                                    .containsExactly(tuple(sp, "deleted"));
                        });

        // _metadata went first, so the half-deleted checkpoint no longer looks restorable
        String brokenKeys = PREFIX + "checkpoints/" + DEAD + "/chk-3/";
        assertThat(store.deleteCalls().stream().filter(k -> k.startsWith(brokenKeys)).findFirst())
                .hasValue(brokenKeys + "_metadata");
        assertThat(keysUnder(broken))
                .contains(brokenKeys + "op-2")
                .doesNotContain(brokenKeys + "_metadata");
        assertThat(keysUnder(sp)).isEmpty();
        assertThat(view(broken).complete()).isFalse();
        assertThat(view(broken).newestRestorable()).isFalse();
        assertThat(keysUnder(newest)).hasSize(4);
    }

    @Test
    void repeatingAFailedSinglePathDeleteFinishesIt() {
        String broken = checkpoint(DEAD, 3, daysAgo(12));
        String newest = checkpoint(DEAD, 4, daysAgo(10));
        store.failDeletesOf(key -> key.endsWith("/chk-3/op-2"));
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.delete(List.of(broken), List.of(), false))
                .satisfies(e -> assertThat(e.code()).isEqualTo("partial_delete"));

        store.clearFailures();
        Outcome o = service.delete(List.of(broken), List.of(), false);

        assertThat(o.complete()).isTrue();
        assertThat(o.deleted()).extracting(PathResult::path).containsExactly(broken);
        assertThat(keysUnder(broken)).isEmpty();
        assertThat(keysUnder(newest)).hasSize(4);
    }

    @Test
    void repeatingAPartlyFailedDeleteForItsFailedPathsFinishesIt() {
        String broken = checkpoint(DEAD, 3, daysAgo(12));
        String sp = savepoint(DEAD, "0123456789ab", daysAgo(11));
        String newest = checkpoint(DEAD, 4, daysAgo(10));
        store.failDeletesOf(key -> key.endsWith("/chk-3/op-2"));
        ApiException partial =
                catchThrowableOfType(
                        ApiException.class,
                        () -> service.delete(List.of(broken, sp), List.of(), false));
        assertThat(partial.getMessage()).contains("repeat the request with the failed paths");
        List<String> failed = outcomeOf(partial).failed().stream().map(PathResult::path).toList();
        store.clearFailures();

        // the savepoint is gone, so the whole request again names a path that no longer exists
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.delete(List.of(broken, sp), List.of(), false))
                .satisfies(e -> assertThat(e.code()).isEqualTo("no_such_state"));
        assertThat(keysUnder(broken)).isNotEmpty();

        Outcome o = service.delete(failed, List.of(), false);

        assertThat(o.complete()).isTrue();
        assertThat(o.deleted()).extracting(PathResult::path).containsExactly(broken);
        assertThat(keysUnder(broken)).isEmpty();
        assertThat(keysUnder(newest)).hasSize(4);
    }

    @Test
    void repeatingAPartlyFailedRetentionFinishesIt() {
        String broken = checkpoint(DEAD, 3, daysAgo(12));
        String sp = savepoint(DEAD, "0123456789ab", daysAgo(11));
        String newest = checkpoint(DEAD, 4, daysAgo(10));
        store.failDeletesOf(key -> key.endsWith("/chk-3/op-2"));
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.retention(0, Duration.ofDays(1), List.of(), false))
                .satisfies(
                        e -> {
                            assertThat(e.code()).isEqualTo("partial_delete");
                            assertThat(e.getMessage()).endsWith("repeat the request to finish");
                        });
        assertThat(keysUnder(sp)).isEmpty();

        store.clearFailures();
        Outcome o = service.retention(0, Duration.ofDays(1), List.of(), false);

        assertThat(o.complete()).isTrue();
        assertThat(o.deleted()).extracting(PathResult::path).containsExactly(broken);
        assertThat(keysUnder(broken)).isEmpty();
        assertThat(keysUnder(newest)).hasSize(4);
    }

    // ---- listing

    @Test
    void listShowsNewestRestorableStateAndWhyItIsProtected() {
        String older = checkpoint(LIVE, 5, daysAgo(3));
        String newest = checkpoint(LIVE, 6, daysAgo(2));
        liveJobs = () -> List.of(new LiveJob(LIVE, "RUNNING", null, null, null));

        List<EntryView> views = service.list();

        assertThat(views).extracting(EntryView::path).containsExactly(newest, older);
        assertThat(views.get(0).newestRestorable()).isTrue();
        assertThat(views.get(0).protectedBecause()).contains("newest restorable");
        assertThat(views.get(0).objects()).isEqualTo(4);
        assertThat(views.get(0).size()).isEqualTo(40);
        assertThat(views.get(1).newestRestorable()).isFalse();
        assertThat(views.get(1).protectedBecause()).isNull();
        assertThat(service.root()).isEqualTo(ROOT);
    }

    @Test
    void pathsFlinkReportsAsS3aProtectTheSameStateAsS3() {
        String old = checkpoint(LIVE, 3, daysAgo(30));
        String newest = checkpoint(LIVE, 4, daysAgo(20));
        String sp = savepoint(DEAD, "0123456789ab", daysAgo(30));
        savepoint(DEAD, "0123456789ac", daysAgo(29));
        liveJobs =
                () ->
                        List.of(
                                new LiveJob(
                                        LIVE,
                                        "RUNNING",
                                        newest.replace("s3://", "s3a://") + "//",
                                        null,
                                        old.replace("s3://", "s3a://") + "/_metadata"));
        Set<String> before = keys();

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.delete(List.of(old), List.of(), false))
                .satisfies(e -> assertThat(e.code()).isEqualTo("protected_state"));
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(
                        () ->
                                service.delete(
                                        List.of(sp),
                                        List.of(sp.replace("s3://", "s3a://") + "/"),
                                        false))
                .satisfies(e -> assertThat(e.code()).isEqualTo("protected_state"));
        Outcome retention =
                service.retention(0, Duration.ZERO, List.of(sp.replace("s3://", "S3A://")), true);
        assertThat(retention.deleted())
                .extracting(PathResult::path)
                .doesNotContain(old, newest, sp);
        assertThat(keys()).isEqualTo(before);
    }

    @Test
    void unreadableCheckpointStatisticsOfALiveJobRefuseRetentionAndDeleteWith503() {
        String sp = savepoint(DEAD, "0123456789ab", daysAgo(30));
        savepoint(DEAD, "0123456789ac", daysAgo(29));
        liveJobs =
                () -> {
                    throw new IllegalStateException(
                            "the checkpoint statistics of live job " + LIVE + " cannot be read");
                };
        Set<String> before = keys();

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.retention(0, Duration.ZERO, List.of(), false))
                .satisfies(e -> assertThat(e.status()).isEqualTo(503))
                .withMessageContaining(LIVE);
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> service.delete(List.of(sp), List.of(), false))
                .satisfies(e -> assertThat(e.status()).isEqualTo(503));
        assertThat(keys()).isEqualTo(before);
    }

    @Test
    void aSavepointInFlinksDefaultFolderIsListedWithItsJobIdPrefix() {
        put("savepoints/savepoint-cccccc-0123456789ab/_metadata", daysAgo(3));
        EntryView v = view(ROOT + "savepoints/savepoint-cccccc-0123456789ab");
        assertThat(v.jobId()).isNull();
        assertThat(v.jobIdPrefix()).isEqualTo("cccccc");
    }
}
