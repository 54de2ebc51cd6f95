package io.flotilla.sidecar.jobs;

import io.flotilla.sidecar.jobs.JobApi.JobView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.util.TimeUtils;

/**
 * The views of jobs that ended, kept so that a list call asks Flink only about the live ones: a
 * session cluster keeps every ended job in its history, and each cost a checkpoint-statistics call
 * on every list, the call every step of a release waits for.
 *
 * <p>An ended job's statistics no longer change, but Flink's REST API caches them ({@code
 * rest.cache.checkpoint-statistics.timeout}), so an answer fetched just after the end may still be
 * the one cached while the job ran, before its final savepoint. A view is kept only when it was
 * fetched longer than that timeout after this sidecar first saw the job ended: by then any answer
 * cached while the job ran has expired.
 */
final class EndedJobViews {

    static final Duration DEFAULT_FLINK_STATS_CACHE = Duration.ofSeconds(3);

    private final Duration flinkStatsCache;
    private final Map<String, Instant> seenEnded = new HashMap<>();
    private final Map<String, JobView> views = new HashMap<>();

    /**
     * @param flinkStatsCache how long Flink's REST API caches a job's checkpoint statistics
     */
    EndedJobViews(Duration flinkStatsCache) {
        this.flinkStatsCache = flinkStatsCache;
    }

    /**
     * How long Flink caches checkpoint statistics, from the JobManager's configuration: {@code
     * rest.cache.checkpoint-statistics.timeout}, which falls back to {@code web.refresh-interval}
     * and then to 3 s, as in Flink.
     */
    static Duration flinkStatsCache(Map<String, String> config) {
        for (String key :
                new String[] {"rest.cache.checkpoint-statistics.timeout", "web.refresh-interval"}) {
            String value = config.get(key);
            if (value != null && !value.isBlank()) {
                return TimeUtils.parseDuration(value.trim());
            }
        }
        return DEFAULT_FLINK_STATS_CACHE;
    }

    synchronized Optional<JobView> get(String jobId) {
        return Optional.ofNullable(views.get(jobId));
    }

    /**
     * A view of an ended job just fetched at {@code now}; kept if fetched late enough after the end
     * and {@code complete} (its statistics came, or Flink said for good that it has none).
     */
    synchronized void fetched(JobView view, boolean complete, Instant now) {
        Instant seen = seenEnded.computeIfAbsent(view.jobId(), id -> now);
        if (complete && now.isAfter(seen.plus(flinkStatsCache))) {
            views.put(view.jobId(), view);
            seenEnded.remove(view.jobId());
        }
    }

    /**
     * Forgets the jobs the JobManager no longer lists (its history is bounded, or it restarted).
     */
    synchronized void retain(Set<String> listed) {
        views.keySet().retainAll(listed);
        seenEnded.keySet().retainAll(listed);
    }

    synchronized int size() {
        return views.size();
    }
}
