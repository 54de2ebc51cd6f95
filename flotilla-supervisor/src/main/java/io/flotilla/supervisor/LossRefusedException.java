package io.flotilla.supervisor;

/** A declaration that a cluster is lost, refused because the cluster may still run its jobs. */
public final class LossRefusedException extends RuntimeException {

    public LossRefusedException(String message) {
        super(message);
    }
}
