package io.flotilla.supervisor.port;

import java.util.Objects;

/**
 * The capabilities the supervisor uses on clusters, one port each.
 *
 * @param states lists state to check a restore path before a submit, or null when the clusters
 *     cannot list state (then restore paths are used unchecked)
 */
public record ClusterPorts(
        JobLister lister,
        JobSubmitter submitter,
        JobStopper stopper,
        JobCanceller canceller,
        StateLister states) {

    public ClusterPorts(
            JobLister lister, JobSubmitter submitter, JobStopper stopper, JobCanceller canceller) {
        this(lister, submitter, stopper, canceller, null);
    }

    public ClusterPorts {
        Objects.requireNonNull(lister, "lister");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(stopper, "stopper");
        Objects.requireNonNull(canceller, "canceller");
    }

    /** One object implementing every capability, such as a sidecar client or a test fake. */
    public static <T extends JobLister & JobSubmitter & JobStopper & JobCanceller> ClusterPorts of(
            T all) {
        return new ClusterPorts(
                all, all, all, all, all instanceof StateLister states ? states : null);
    }
}
