package io.flotilla.supervisor.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * {@code POST /v1/deployments/{name}/backfills}: re-run the deployment's DSL job as a batch over
 * the records of {@code [from, to)} (Kafka record timestamps).
 *
 * @param into a declared table to write instead of the job's sink, or null for the job's own
 */
@Schema(description = "A backfill: the deployment's DSL job re-run as a batch over [from, to).")
public record BackfillRequest(Instant from, Instant to, String into) {}
