package io.flotilla.supervisor.http;

import io.flotilla.http.ApiException;
import io.flotilla.http.HttpApi;
import io.flotilla.http.Json;
import io.flotilla.http.Request;
import io.flotilla.http.Response;
import io.flotilla.supervisor.api.BackfillRequest;
import io.flotilla.supervisor.api.BackfillStatus;
import io.flotilla.supervisor.api.BackfillView;
import io.flotilla.supervisor.api.Backfills;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.LineageTable;
import io.flotilla.supervisor.api.SupervisorEndpoints;
import io.flotilla.supervisor.model.Backfill;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.BackfillStore;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ControlStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Backfills: the request is checked and stored here, with the version's lineage to refuse sources
 * and sinks a batch cannot take; the leader places, submits and follows it ({@code BackfillRuns}).
 */
final class BackfillRoutes {

    /** Connectors a backfill reads as bounded sources and writes as batch sinks (as the DSL). */
    static final Set<String> SOURCES = Set.of("kafka", "filesystem", "jdbc");

    static final Set<String> SINKS = Set.of("kafka", "upsert-kafka", "filesystem", "jdbc");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DeploymentRoutes deployments;
    private final BackfillStore backfills;
    private final ControlStore store;
    private final Clock clock;

    BackfillRoutes(
            DeploymentRoutes deployments,
            BackfillStore backfills,
            ControlStore store,
            Clock clock) {
        this.deployments = deployments;
        this.backfills = backfills;
        this.store = store;
        this.clock = clock;
    }

    void register(HttpApi api) {
        api.route(SupervisorEndpoints.START_BACKFILL, this::start)
                .route(SupervisorEndpoints.BACKFILLS, this::list)
                .route(SupervisorEndpoints.BACKFILL, this::one)
                .route(SupervisorEndpoints.CANCEL_BACKFILL, this::cancel);
    }

    private Response start(Request r) {
        Deployment d = deployments.deployment(r);
        BackfillRequest b = r.json(BackfillRequest.class);
        Instant now = clock.now();
        if (b.from() == null) {
            throw Validation.invalid(
                    "from", "is required: an ISO instant such as 2026-01-01T00:00:00Z");
        }
        if (b.to() == null) {
            throw Validation.invalid(
                    "to", "is required: an ISO instant such as 2026-01-01T01:00:00Z");
        }
        if (!b.from().isBefore(b.to())) {
            throw Validation.invalid(
                    "to", "must be after from (" + b.from() + "): the range is [from, to)");
        }
        if (b.to().isAfter(now)) {
            throw Validation.invalid(
                    "to",
                    "is in the future ("
                            + b.to()
                            + ", now "
                            + now
                            + "): a backfill re-reads records already written; end the range at"
                            + " or before now");
        }
        if (b.into() != null && !b.into().matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
            throw Validation.invalid(
                    "into",
                    "must name a declared table (letters, digits and _, starting with a letter or"
                            + " _), got '"
                            + b.into()
                            + "'");
        }
        if (!d.spec().args().contains("--job")) {
            throw ApiException.badRequest(
                    "not_a_dsl_job",
                    "name",
                    "deployment "
                            + d.name()
                            + " runs a plain jar ("
                            + d.spec().entryClass()
                            + " without --job): a backfill re-runs a DSL job as a batch; deploy"
                            + " the job with the runner's --job to backfill it");
        }
        Optional<Lineage> lineage = lineage(d);
        lineage.ifPresent(l -> refuse(d, l, b.into()));
        Backfill stored =
                backfills.create(
                        new Backfill(
                                0,
                                d.name(),
                                b.from(),
                                b.to(),
                                b.into(),
                                d.spec().version(),
                                HexFormat.of().formatHex(randomId()),
                                null,
                                false,
                                Backfill.Status.RUNNING,
                                r.who(),
                                now,
                                null,
                                null,
                                null),
                        new Event(
                                d.name(),
                                now,
                                "BackfillRequested",
                                "backfill of version "
                                        + d.spec().version()
                                        + " over ["
                                        + b.from()
                                        + ", "
                                        + b.to()
                                        + ")"
                                        + (b.into() == null ? "" : " into " + b.into())
                                        + " requested",
                                0,
                                r.who()));
        return Response.accepted(view(stored, lineage));
    }

    /**
     * Refuses, with the version's lineage, a source a batch cannot bound or a sink it cannot use.
     */
    private static void refuse(Deployment d, Lineage l, String into) {
        for (LineageTable t : l.reads()) {
            if (t.connector() != null && !SOURCES.contains(t.connector())) {
                throw ApiException.badRequest(
                        "not_backfillable",
                        "name",
                        "deployment "
                                + d.name()
                                + " reads table '"
                                + t.name()
                                + "' ("
                                + t.connector()
                                + "), which a backfill cannot bound to a time range: it reads only "
                                + SOURCES
                                + " tables");
            }
        }
        for (LineageTable t : l.writes()) {
            if (into == null && t.connector() != null && !SINKS.contains(t.connector())) {
                throw ApiException.badRequest(
                        "not_backfillable",
                        "into",
                        "deployment "
                                + d.name()
                                + " writes table '"
                                + t.name()
                                + "' ("
                                + t.connector()
                                + "), which cannot take a batch: give into, a table on one of "
                                + SINKS);
            }
        }
    }

    private Response list(Request r) {
        Deployment d = deployments.deployment(r);
        Optional<Lineage> lineage = lineage(d);
        return Response.ok(
                new Backfills(backfills.of(d.name()).stream().map(b -> view(b, lineage)).toList()));
    }

    private Response one(Request r) {
        Deployment d = deployments.deployment(r);
        return Response.ok(view(found(d, r), lineage(d)));
    }

    /** Records the cancel for the leader's next round; refused once the backfill has ended. */
    private Response cancel(Request r) {
        Deployment d = deployments.deployment(r);
        Backfill b = found(d, r);
        Event audit =
                new Event(
                        d.name(),
                        clock.now(),
                        "BackfillCancelRequested",
                        "cancel of backfill " + b.id() + " of " + b.range() + " requested",
                        0,
                        r.who());
        if (!b.running() || !backfills.requestCancel(b.id(), r.who(), audit)) {
            Backfill now = backfills.get(d.name(), b.id()).orElse(b);
            throw new ApiException(
                    409,
                    "backfill_ended",
                    "backfill "
                            + b.id()
                            + " of "
                            + d.name()
                            + " already ended "
                            + now.status()
                            + ": only a RUNNING backfill can be cancelled",
                    "id",
                    null);
        }
        return Response.accepted(view(backfills.get(d.name(), b.id()).orElseThrow(), lineage(d)));
    }

    private Backfill found(Deployment d, Request r) {
        String id = r.param("id");
        Optional<Backfill> found =
                id.matches("[0-9]{1,18}")
                        ? backfills.get(d.name(), Long.parseLong(id))
                        : Optional.empty();
        return found.orElseThrow(
                () ->
                        new ApiException(
                                404,
                                "no_such_backfill",
                                "deployment "
                                        + d.name()
                                        + " has no backfill '"
                                        + id
                                        + "': see GET /v1/deployments/"
                                        + d.name()
                                        + "/backfills",
                                "id",
                                null));
    }

    private Optional<Lineage> lineage(Deployment d) {
        return d.spec().version() == null
                ? Optional.empty()
                : store.lineage(d.name(), d.spec().version())
                        .map(
                                json ->
                                        Json.read(
                                                json.getBytes(StandardCharsets.UTF_8),
                                                Lineage.class));
    }

    /** The backfill with its lineage: the version's reads, and {@code into} as its write. */
    static BackfillView view(Backfill b, Optional<Lineage> lineage) {
        List<String> reads =
                lineage.map(l -> l.reads().stream().map(LineageTable::name).toList())
                        .orElse(List.of());
        List<String> writes =
                b.into() != null
                        ? List.of(b.into())
                        : lineage.map(l -> l.writes().stream().map(LineageTable::name).toList())
                                .orElse(List.of());
        return new BackfillView(
                b.id(),
                b.deployment(),
                b.from(),
                b.to(),
                b.into(),
                b.version(),
                b.cluster(),
                b.jobId(),
                BackfillStatus.valueOf(b.status().name()),
                b.requestedBy(),
                b.started(),
                b.ended(),
                b.error(),
                reads,
                writes,
                b.cancelRequestedBy());
    }

    private static byte[] randomId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return id;
    }
}
