package io.flotilla.sidecar.state;

import java.time.Instant;
import java.util.List;

/** The request and response bodies of the sidecar's state API. */
public final class StateApi {

    private StateApi() {}

    /** One entry as the API shows it. */
    public record EntryView(
            String path,
            StateKind kind,
            String jobId,
            Instant time,
            long size,
            int objects,
            boolean complete,
            boolean newestRestorable,
            String protectedBecause) {}

    /** {@code GET /v1/state}: the cluster's state prefix and every entry under it. */
    public record Listing(String root, List<EntryView> entries) {}

    /** What happened, or would happen, to one path. */
    public record PathResult(String path, String action, String reason, String error) {}

    /** The answer to a delete or retention request. */
    public record Outcome(
            boolean dryRun,
            boolean complete,
            List<PathResult> deleted,
            List<PathResult> kept,
            List<PathResult> failed) {}

    /** {@code POST /v1/state/delete}: paths to delete unless protected; pins are kept too. */
    public record DeleteRequest(List<String> paths, List<String> pins, Boolean dryRun) {}

    /** {@code POST /v1/state/retention}: keep the newest savepoints and anything younger. */
    public record RetentionRequest(
            Integer keepSavepoints, String maxAge, List<String> pins, Boolean dryRun) {}
}
