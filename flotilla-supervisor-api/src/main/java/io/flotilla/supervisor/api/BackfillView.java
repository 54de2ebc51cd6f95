package io.flotilla.supervisor.api;

import java.time.Instant;
import java.util.List;

/**
 * A backfill of a deployment, a run of its own: the batch job, where it runs, where it stands, and
 * the tables it reads and writes (the version's lineage, with {@code into} as the write).
 *
 * @param cluster where its job runs, null until the leader placed it
 * @param ended when it FINISHED or FAILED, null while RUNNING
 * @param error why it FAILED
 * @param cancelRequestedBy who asked to cancel it, null unless someone did (it ends CANCELED)
 */
public record BackfillView(
        long id,
        String deployment,
        Instant from,
        Instant to,
        String into,
        String version,
        String cluster,
        String jobId,
        BackfillStatus status,
        String requestedBy,
        Instant started,
        Instant ended,
        String error,
        List<String> reads,
        List<String> writes,
        String cancelRequestedBy) {}
