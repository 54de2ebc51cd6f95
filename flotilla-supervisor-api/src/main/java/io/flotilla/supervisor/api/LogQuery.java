package io.flotilla.supervisor.api;

/**
 * What {@link SupervisorClient#logs} asks for; null fields take the defaults: the JobManager's main
 * log, its newest 200 lines, only the lines naming the deployment's job.
 *
 * @param all every line of the log, not only those naming the job
 */
public record LogQuery(
        LogSource source,
        String taskManager,
        String file,
        Long offset,
        Long before,
        Integer limit,
        boolean all) {

    /** The newest lines of the JobManager's log naming the deployment's job. */
    public static LogQuery jobManager() {
        return new LogQuery(LogSource.JOBMANAGER, null, null, null, null, null, false);
    }
}
