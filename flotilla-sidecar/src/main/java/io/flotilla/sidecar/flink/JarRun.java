package io.flotilla.sidecar.flink;

import java.util.List;
import org.apache.flink.api.common.JobID;

/** What to run from an uploaded jar; a null savepoint path starts from empty state. */
public record JarRun(
        String entryClass,
        List<String> args,
        Integer parallelism,
        JobID jobId,
        String savepointPath,
        Boolean allowNonRestoredState) {

    public JarRun {
        args = List.copyOf(args);
    }
}
