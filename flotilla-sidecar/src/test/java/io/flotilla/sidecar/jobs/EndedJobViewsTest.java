package io.flotilla.sidecar.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.sidecar.jobs.JobApi.JobView;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndedJobViewsTest {

    private static final String JOB = "aaaaaa00000000000000000000000001";
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final EndedJobViews views = new EndedJobViews(Duration.ofSeconds(3));

    private static JobView finished(String savepoint) {
        return new JobView(JOB, "orders", "FINISHED", T0, T0, 3L, null, null, savepoint, null);
    }

    @Test
    void aViewFetchedRightAfterTheEndIsNotKeptAsFlinkMayStillServeStatisticsCachedWhileItRan() {
        views.fetched(finished(null), true, T0);
        views.fetched(finished(null), true, T0.plusSeconds(3));

        assertThat(views.get(JOB)).isEmpty();
    }

    @Test
    void aViewFetchedLongerThanFlinksCacheAfterTheEndWasFirstSeenIsKept() {
        views.fetched(finished(null), true, T0);
        views.fetched(finished("s3://b/sp-1"), true, T0.plusMillis(3001));

        assertThat(views.get(JOB)).contains(finished("s3://b/sp-1"));
    }

    @Test
    void aViewWhoseStatisticsDidNotComeIsNeverKept() {
        views.fetched(finished(null), false, T0);
        views.fetched(finished(null), false, T0.plusSeconds(60));

        assertThat(views.get(JOB)).isEmpty();
    }

    @Test
    void jobsTheJobManagerNoLongerListsAreForgotten() {
        views.fetched(finished(null), true, T0);
        views.fetched(finished(null), true, T0.plusSeconds(4));
        views.retain(Set.of("bbbbbb00000000000000000000000002"));

        assertThat(views.get(JOB)).isEmpty();
        assertThat(views.size()).isZero();
    }

    @Test
    void flinksCacheTimeoutComesFromItsOwnKeyThenTheRefreshIntervalThenThreeSeconds() {
        assertThat(
                        EndedJobViews.flinkStatsCache(
                                Map.of(
                                        "rest.cache.checkpoint-statistics.timeout",
                                        "10 s",
                                        "web.refresh-interval",
                                        "1 s")))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(EndedJobViews.flinkStatsCache(Map.of("web.refresh-interval", "5000")))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(EndedJobViews.flinkStatsCache(Map.of())).isEqualTo(Duration.ofSeconds(3));
    }
}
