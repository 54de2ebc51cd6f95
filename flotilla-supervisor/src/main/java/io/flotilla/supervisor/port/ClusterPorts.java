package io.flotilla.supervisor.port;

import java.util.Objects;

/** The four capabilities the supervisor uses on clusters, one port each. */
public record ClusterPorts(
        JobLister lister, JobSubmitter submitter, JobStopper stopper, JobCanceller canceller) {

    public ClusterPorts {
        Objects.requireNonNull(lister, "lister");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(stopper, "stopper");
        Objects.requireNonNull(canceller, "canceller");
    }

    /** One object implementing every capability, such as a sidecar client or a test fake. */
    public static <T extends JobLister & JobSubmitter & JobStopper & JobCanceller> ClusterPorts of(
            T all) {
        return new ClusterPorts(all, all, all, all);
    }
}
