package io.flotilla.supervisor.api;

import java.time.Duration;
import java.util.List;

/** A deployment's desired spec as the API shows it; {@code generation} grows on every change. */
public record SpecView(
        String name,
        String owner,
        String module,
        String version,
        String artifactUri,
        String artifactSha256,
        String entryClass,
        List<String> args,
        int parallelism,
        DesiredState desiredState,
        UpgradeMode upgradeMode,
        String cluster,
        String restoreFrom,
        long generation,
        RetentionView retention,
        long restarts,
        Duration checkpointInterval,
        /* Whether the next job may drop state it cannot restore: a release allowed state loss. */
        boolean allowNonRestoredState,
        /* The Flink versions it may run on (e.g. ">=2.0 <2.3"), or null for any. */
        String flinkVersion) {}
