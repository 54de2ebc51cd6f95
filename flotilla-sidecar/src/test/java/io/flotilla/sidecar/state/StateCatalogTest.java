package io.flotilla.sidecar.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCatalogTest {

    private static final String BUCKET = "bucket";
    private static final String PREFIX = "cluster-1/";
    private static final String JOB = "0123456789abcdef0123456789abcdef";
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private static StateObject obj(String rel, long size, int secondsAfterT0) {
        return new StateObject(PREFIX + rel, size, T0.plusSeconds(secondsAfterT0));
    }

    private static List<StateEntry> entries(StateObject... objects) {
        return StateCatalog.entries(BUCKET, PREFIX, List.of(objects));
    }

    @Test
    void checkpointFolderWithMetadataIsOneCompleteCheckpoint() {
        List<StateEntry> entries =
                entries(
                        obj("checkpoints/" + JOB + "/chk-7/_metadata", 100, 30),
                        obj("checkpoints/" + JOB + "/chk-7/a1b2c3", 1000, 10),
                        obj("checkpoints/" + JOB + "/chk-7/d4e5f6", 24, 20));

        assertThat(entries).hasSize(1);
        StateEntry chk = entries.get(0);
        assertThat(chk.kind()).isEqualTo(StateKind.CHECKPOINT);
        assertThat(chk.complete()).isTrue();
        assertThat(chk.restorable()).isTrue();
        assertThat(chk.checkpointId()).isEqualTo(7);
        assertThat(chk.jobId()).isEqualTo(JOB);
        assertThat(chk.jobIdPrefix()).isNull();
        assertThat(chk.size()).isEqualTo(1124);
        assertThat(chk.time()).isEqualTo(T0.plusSeconds(30));
        assertThat(chk.path()).isEqualTo("s3://bucket/cluster-1/checkpoints/" + JOB + "/chk-7");
        assertThat(chk.keyPrefix()).isEqualTo("cluster-1/checkpoints/" + JOB + "/chk-7/");
        assertThat(chk.objects()).hasSize(3);
    }

    @Test
    void checkpointTimeIsTheNewestObjectEvenWhenMetadataIsOlder() {
        List<StateEntry> entries =
                entries(
                        obj("checkpoints/" + JOB + "/chk-7/_metadata", 1, 5),
                        obj("checkpoints/" + JOB + "/chk-7/late-file", 1, 50));

        assertThat(entries.get(0).time()).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void checkpointFolderWithoutMetadataIsIncomplete() {
        List<StateEntry> entries =
                entries(
                        obj("checkpoints/" + JOB + "/chk-8/a1b2c3", 10, 0),
                        obj("checkpoints/" + JOB + "/chk-8/nested/_metadata", 10, 0));

        assertThat(entries)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(StateKind.CHECKPOINT);
                            assertThat(e.checkpointId()).isEqualTo(8);
                            assertThat(e.complete()).isFalse();
                            assertThat(e.restorable()).isFalse();
                        });
    }

    @Test
    void sharedAndTaskownedFoldersAreShared() {
        List<StateEntry> entries =
                entries(
                        obj("checkpoints/" + JOB + "/shared/f1", 10, 0),
                        obj("checkpoints/" + JOB + "/shared/f2", 10, 1),
                        obj("checkpoints/" + JOB + "/taskowned/t1", 5, 2));

        assertThat(entries)
                .extracting(StateEntry::path, StateEntry::kind, StateEntry::jobId)
                .containsExactlyInAnyOrder(
                        tuple(
                                "s3://bucket/cluster-1/checkpoints/" + JOB + "/shared",
                                StateKind.SHARED,
                                JOB),
                        tuple(
                                "s3://bucket/cluster-1/checkpoints/" + JOB + "/taskowned",
                                StateKind.SHARED,
                                JOB));
        assertThat(entries).allSatisfy(e -> assertThat(e.restorable()).isFalse());
        assertThat(entries)
                .filteredOn(e -> e.path().endsWith("/shared"))
                .singleElement()
                .satisfies(e -> assertThat(e.size()).isEqualTo(20));
    }

    @Test
    void savepointUnderJobFolderCarriesTheFullJobId() {
        List<StateEntry> entries =
                entries(
                        obj("savepoints/" + JOB + "/savepoint-012345-0123456789ab/_metadata", 7, 0),
                        obj("savepoints/" + JOB + "/savepoint-012345-0123456789ab/op-1", 3, 0));

        assertThat(entries)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(StateKind.SAVEPOINT);
                            assertThat(e.jobId()).isEqualTo(JOB);
                            assertThat(e.complete()).isTrue();
                            assertThat(e.size()).isEqualTo(10);
                            assertThat(e.path())
                                    .isEqualTo(
                                            "s3://bucket/cluster-1/savepoints/"
                                                    + JOB
                                                    + "/savepoint-012345-0123456789ab");
                        });
    }

    @Test
    void flinkDefaultSavepointCarriesOnlyTheJobIdPrefix() {
        List<StateEntry> entries =
                entries(obj("savepoints/savepoint-abcdef-0123456789ab/_metadata", 7, 0));

        assertThat(entries)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(StateKind.SAVEPOINT);
                            assertThat(e.jobId()).isNull();
                            assertThat(e.jobIdPrefix()).isEqualTo("abcdef");
                            assertThat(e.complete()).isTrue();
                            assertThat(e.path())
                                    .isEqualTo(
                                            "s3://bucket/cluster-1/savepoints/savepoint-abcdef-0123456789ab");
                            assertThat(e.belongsTo("abcdef" + "0".repeat(26))).isTrue();
                            assertThat(e.belongsTo("abcde0" + "0".repeat(26))).isFalse();
                        });
    }

    @Test
    void savepointWithoutMetadataIsNotRestorable() {
        List<StateEntry> entries =
                entries(obj("savepoints/savepoint-abcdef-0123456789ab/op-1", 7, 0));

        assertThat(entries)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(StateKind.SAVEPOINT);
                            assertThat(e.complete()).isFalse();
                            assertThat(e.restorable()).isFalse();
                        });
    }

    @Test
    void anythingElseIsOther() {
        List<StateEntry> entries =
                entries(
                        obj("README", 1, 0),
                        obj("ha/leader/x", 1, 0),
                        obj("checkpoints/not-a-job-id/chk-1/_metadata", 1, 0),
                        obj("checkpoints/" + JOB.toUpperCase() + "/chk-1/_metadata", 1, 0),
                        obj("checkpoints/" + JOB + "/chk-x/_metadata", 1, 0),
                        obj("savepoints/savepoint-xyz/_metadata", 1, 0),
                        obj("savepoints/" + JOB + "/other/_metadata", 1, 0));

        assertThat(entries)
                .allSatisfy(
                        e -> {
                            assertThat(e.kind()).isEqualTo(StateKind.OTHER);
                            assertThat(e.jobId()).isNull();
                            assertThat(e.jobIdPrefix()).isNull();
                            assertThat(e.restorable()).isFalse();
                        });
        assertThat(entries)
                .extracting(StateEntry::path)
                .containsExactlyInAnyOrder(
                        "s3://bucket/cluster-1/README",
                        "s3://bucket/cluster-1/ha/leader",
                        "s3://bucket/cluster-1/checkpoints/not-a-job-id",
                        "s3://bucket/cluster-1/checkpoints/" + JOB.toUpperCase(),
                        "s3://bucket/cluster-1/checkpoints/" + JOB,
                        "s3://bucket/cluster-1/savepoints/savepoint-xyz",
                        "s3://bucket/cluster-1/savepoints/" + JOB);
    }

    @Test
    void keysOutsideThePrefixAreIgnored() {
        List<StateEntry> entries =
                entries(
                        obj("checkpoints/" + JOB + "/chk-1/_metadata", 1, 0),
                        new StateObject(
                                "cluster-10/checkpoints/" + JOB + "/chk-2/_metadata", 1, T0),
                        new StateObject("cluster-2/savepoints/x/_metadata", 1, T0),
                        new StateObject("cluster-1", 1, T0));

        assertThat(entries)
                .extracting(StateEntry::path)
                .containsExactly("s3://bucket/cluster-1/checkpoints/" + JOB + "/chk-1");
    }

    @Test
    void entriesAreOrderedNewestFirst() {
        List<StateEntry> entries =
                entries(
                        obj("checkpoints/" + JOB + "/chk-1/_metadata", 1, 10),
                        obj("checkpoints/" + JOB + "/chk-3/_metadata", 1, 30),
                        obj("savepoints/savepoint-abcdef-0123456789ab/_metadata", 1, 20),
                        obj("checkpoints/" + JOB + "/chk-2/_metadata", 1, 40));

        assertThat(entries)
                .extracting(StateEntry::path)
                .containsExactly(
                        "s3://bucket/cluster-1/checkpoints/" + JOB + "/chk-2",
                        "s3://bucket/cluster-1/checkpoints/" + JOB + "/chk-3",
                        "s3://bucket/cluster-1/savepoints/savepoint-abcdef-0123456789ab",
                        "s3://bucket/cluster-1/checkpoints/" + JOB + "/chk-1");
    }

    @Test
    void entriesWithEqualTimesAreOrderedByPath() {
        List<StateEntry> entries =
                entries(
                        obj("checkpoints/" + JOB + "/chk-2/_metadata", 1, 10),
                        obj("checkpoints/" + JOB + "/chk-1/_metadata", 1, 10));

        assertThat(entries).extracting(StateEntry::checkpointId).containsExactly(1L, 2L);
    }
}
