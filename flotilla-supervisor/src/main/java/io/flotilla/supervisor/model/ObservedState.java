package io.flotilla.supervisor.model;

/**
 * What the observation says about one deployment: its current job, and the job its pending intent
 * names.
 *
 * @param current the state of the deployment's current job (NONE when it has none)
 * @param job the current job as observed, or null
 * @param intentJob the job the intent names, as observed, or null when absent or no intent
 * @param unreachableReason why the deployment cannot be observed, or null when it can
 * @param slots the tick's slot account for placing a new job, or null when slots are not known
 *     (then nothing waits for room)
 */
public record ObservedState(
        JobState current,
        ObservedJob job,
        ObservedJob intentJob,
        String unreachableReason,
        SlotLedger slots) {

    /** An observation without slot accounting. */
    public ObservedState(
            JobState current, ObservedJob job, ObservedJob intentJob, String unreachableReason) {
        this(current, job, intentJob, unreachableReason, null);
    }

    public static ObservedState unknown(String reason) {
        return new ObservedState(JobState.UNKNOWN, null, null, reason);
    }

    public boolean reachable() {
        return unreachableReason == null;
    }
}
