package io.flotilla.supervisor.port;

/** Starts a job under a caller-chosen JobID; submitting a JobID that already runs is a no-op. */
@FunctionalInterface
public interface JobSubmitter {

    /**
     * @return true when this call created the job, false when it already ran
     * @throws ClusterUnreachableException when the cluster does not answer
     * @throws PortRejectedException when the cluster refuses the request
     */
    boolean submit(SubmitCommand command);
}
