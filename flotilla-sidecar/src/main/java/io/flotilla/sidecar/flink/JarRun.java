package io.flotilla.sidecar.flink;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;

/**
 * What to run from an uploaded jar; a null savepoint path starts from empty state.
 *
 * @param flinkConfiguration options for this job only (such as its checkpoint interval)
 */
public record JarRun(
        String entryClass,
        List<String> args,
        Integer parallelism,
        JobID jobId,
        String savepointPath,
        Boolean allowNonRestoredState,
        Map<String, String> flinkConfiguration) {

    /** The key of Flink's checkpoint interval option. */
    public static final String CHECKPOINT_INTERVAL = "execution.checkpointing.interval";

    public JarRun {
        args = List.copyOf(args);
        flinkConfiguration = Map.copyOf(flinkConfiguration == null ? Map.of() : flinkConfiguration);
    }

    public JarRun(
            String entryClass,
            List<String> args,
            Integer parallelism,
            JobID jobId,
            String savepointPath,
            Boolean allowNonRestoredState) {
        this(entryClass, args, parallelism, jobId, savepointPath, allowNonRestoredState, Map.of());
    }
}
