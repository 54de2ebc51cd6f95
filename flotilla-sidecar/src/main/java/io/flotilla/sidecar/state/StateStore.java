package io.flotilla.sidecar.state;

import java.util.List;

/** The object store holding a cluster's checkpoints and savepoints. */
public interface StateStore {

    /** Every object whose key starts with {@code keyPrefix}. */
    List<StateObject> list(String bucket, String keyPrefix);

    /** Deletes one object; deleting a missing object succeeds. Throws on failure. */
    void delete(String bucket, String key);
}
